package fr.relocmatch.company.profile;

import fr.relocmatch.reference.Sector;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

import fr.relocmatch.reference.Commune;
import fr.relocmatch.reference.GeoDistance;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Filters of a profile search; each given filter narrows the result.
 *
 * @param nafPrefix     NAF code at any level: division {@code 25}, group {@code 25.6}, class {@code 25.62}, sous-classe
 * @param certification a certification code, held and valid at {@code validAt} (today when absent)
 * @param near          centre of a radius search, with {@code radiusKm}
 * @param name          part of the company name, case-insensitive
 */
record CompanySearch(CompanyKind kind, CompanyStatus status, String nafPrefix, String process, String certification,
        LocalDate validAt, String label, Sector sector, String departement, String region, Commune near,
        Double radiusKm, String name) {

    Page<CompanyDocument> run(MongoTemplate mongo, Pageable pageable) {
        Query query = new Query(criteria());
        if (near == null) {
            long total = mongo.count(query, CompanyDocument.class);
            List<CompanyDocument> page = mongo.find(Query.of(query).with(pageable), CompanyDocument.class);
            return new PageImpl<>(page, pageable, total);
        }
        // Radius: a bounding box narrows the query in the database; the exact great-circle
        // distance then filters, and the page is cut from the result (sorted by distance unless asked otherwise).
        List<CompanyDocument> inCircle = mongo.find(Query.of(query).with(pageable.getSort()), CompanyDocument.class)
                .stream()
                .filter(c -> distanceKm(c) <= radiusKm)
                .sorted(pageable.getSort().isSorted() ? (a, b) -> 0 : Comparator.comparingDouble(this::distanceKm))
                .toList();
        int from = (int) Math.min(pageable.getOffset(), inCircle.size());
        int to = Math.min(from + pageable.getPageSize(), inCircle.size());
        return new PageImpl<>(inCircle.subList(from, to), pageable, inCircle.size());
    }

    double distanceKm(CompanyDocument company) {
        return GeoDistance.km(near.latitude(), near.longitude(), company.getSite().latitude(),
                company.getSite().longitude());
    }

    private Criteria criteria() {
        List<Criteria> all = new ArrayList<>();
        all.add(where("deleted").is(false));
        if (kind != null) {
            all.add(where("kind").is(kind));
        }
        if (status != null) {
            all.add(where("status").is(status));
        }
        if (nafPrefix != null) {
            all.add(where("nafCode").regex("^" + Pattern.quote(nafPrefix)));
        }
        if (process != null) {
            all.add(where("processes").is(process));
        }
        if (certification != null) {
            LocalDate date = validAt != null ? validAt : LocalDate.now();
            all.add(where("certifications").elemMatch(where("code").is(certification).and("validUntil").gte(date)
                    .orOperator(where("validFrom").isNull(), where("validFrom").lte(date))));
        }
        if (label != null) {
            all.add(where("labels").is(label));
        }
        if (sector != null) {
            all.add(where("sectors").is(sector));
        }
        if (departement != null) {
            all.add(where("site.departementCode").is(departement));
        }
        if (region != null) {
            all.add(where("site.regionCode").is(region));
        }
        if (name != null) {
            all.add(where("name").regex(Pattern.quote(name), "i"));
        }
        if (near != null) {
            double dLat = radiusKm / 111.0;
            double dLon = radiusKm / (111.0 * Math.max(0.05, Math.cos(Math.toRadians(near.latitude()))));
            all.add(where("site.latitude").gte(near.latitude() - dLat).lte(near.latitude() + dLat));
            all.add(where("site.longitude").gte(near.longitude() - dLon).lte(near.longitude() + dLon));
        }
        return new Criteria().andOperator(all);
    }
}
