package fr.relocmatch.console.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.relocmatch.console.api.Demand;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The demand form's fields, flat as a form is, and the body of demand-service's
 * {@code POST/PUT /api/v1/demands} they make. The service validates; its field names (JSON paths)
 * are mapped back to the form's by {@link #formField}.
 */
public class DemandForm {

    /** API field path (prefix) → form field, where they differ. */
    private static final Map<String, String> FORM_FIELDS = Map.ofEntries(Map.entry("annualVolume.quantity", "quantity"),
            Map.entry("annualVolume.unit", "unit"), Map.entry("annualVolume.minimumCoveragePercent", "minimumCoveragePercent"),
            Map.entry("annualVolume", "quantity"), Map.entry("product.code", "productCode"),
            Map.entry("product.scheme", "productScheme"), Map.entry("product", "productCode"),
            Map.entry("location.mode", "locationMode"), Map.entry("location.communeCode", "communeCode"),
            Map.entry("location.postalCode", "communeCode"), Map.entry("location.maxDistanceKm", "maxDistanceKm"),
            Map.entry("location.regions", "regions"), Map.entry("location", "communeCode"),
            Map.entry("buyerCompanyId", "buyerSiret"));

    private String title;
    private String description;
    private String buyerSiret;
    private String productScheme = "CPF";
    private String productCode;
    private List<String> requiredProcesses = new ArrayList<>();
    private List<String> preferredProcesses = new ArrayList<>();
    private String targetNafCodes;
    private List<String> requiredCertifications = new ArrayList<>();
    private BigDecimal quantity;
    private String unit = "PIECES";
    private BigDecimal minimumCoveragePercent;
    private BigDecimal targetUnitPriceEur;
    private String sector;
    // ISO dates both ways: what <input type="date"> shows and sends, whatever the page's language
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate startDate;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate validUntil;
    private String locationMode = "RADIUS";
    private String communeCode;
    private Integer maxDistanceKm = 80;
    private List<String> regions = new ArrayList<>();
    private String adviserEmail;
    private boolean confidential;
    private long version;

    /** A new demand: followed by the signed-in adviser, production in six months, within 80 km. */
    static DemandForm blank(String adviserEmail, LocalDate today) {
        DemandForm form = new DemandForm();
        form.adviserEmail = adviserEmail;
        form.startDate = today.plusMonths(6).withDayOfMonth(1);
        return form;
    }

    /** The form of an existing demand, to edit it. */
    static DemandForm of(Demand demand) {
        DemandForm form = new DemandForm();
        form.title = demand.title();
        form.description = demand.description();
        form.buyerSiret = demand.buyer() == null ? null : demand.buyer().siret();
        if (demand.product() != null) {
            form.productScheme = demand.product().scheme();
            form.productCode = demand.product().code();
        }
        form.requiredProcesses = new ArrayList<>(orEmpty(demand.requiredProcesses()));
        form.preferredProcesses = new ArrayList<>(orEmpty(demand.preferredProcesses()));
        form.targetNafCodes = String.join(", ", orEmpty(demand.targetNafCodes()));
        form.requiredCertifications = new ArrayList<>(orEmpty(demand.requiredCertifications()));
        if (demand.annualVolume() != null) {
            form.quantity = demand.annualVolume().quantity();
            form.unit = demand.annualVolume().unit();
            form.minimumCoveragePercent = demand.annualVolume().minimumCoveragePercent();
        }
        form.targetUnitPriceEur = demand.targetUnitPriceEur();
        form.sector = demand.sector();
        form.startDate = demand.startDate();
        form.validUntil = demand.validUntil();
        if (demand.location() != null) {
            form.locationMode = demand.location().mode();
            form.communeCode = demand.location().site() == null ? null : demand.location().site().communeCode();
            form.maxDistanceKm = demand.location().maxDistanceKm();
            form.regions = new ArrayList<>(orEmpty(demand.location().regions()));
        }
        form.adviserEmail = demand.adviserEmail();
        form.confidential = demand.confidential();
        form.version = demand.version();
        return form;
    }

    /** The request body: blank fields left out, so that the service's defaults and rules apply. */
    Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        put(body, "title", title);
        put(body, "description", description);
        put(body, "buyerSiret", buyerSiret);
        if (present(productCode)) {
            body.put("product", Map.of("scheme", productScheme, "code", productCode.strip()));
        }
        body.put("requiredProcesses", requiredProcesses);
        put(body, "preferredProcesses", preferredProcesses);
        put(body, "targetNafCodes", present(targetNafCodes)
                ? Arrays.stream(targetNafCodes.split("[,;\\s]+")).filter(code -> !code.isBlank()).toList() : null);
        put(body, "requiredCertifications", requiredCertifications);
        if (quantity != null) {
            Map<String, Object> volume = new LinkedHashMap<>();
            volume.put("quantity", quantity);
            volume.put("unit", unit);
            put(volume, "minimumCoveragePercent", minimumCoveragePercent);
            body.put("annualVolume", volume);
        }
        put(body, "targetUnitPriceEur", targetUnitPriceEur);
        put(body, "sector", sector);
        put(body, "startDate", startDate);
        put(body, "validUntil", validUntil);
        Map<String, Object> location = new LinkedHashMap<>();
        location.put("mode", locationMode);
        put(location, "communeCode", communeCode == null ? null : communeCode.strip().split("\\s")[0]);
        if ("RADIUS".equals(locationMode)) {
            put(location, "maxDistanceKm", maxDistanceKm);
        }
        if ("REGIONS".equals(locationMode)) {
            put(location, "regions", regions);
        }
        body.put("location", location);
        put(body, "adviserEmail", adviserEmail);
        body.put("confidential", confidential);
        return body;
    }

    /** The form field an API field path belongs to; {@code null} when the form has none (shown above the form). */
    static String formField(String apiField) {
        for (String prefix = apiField; !prefix.isEmpty(); prefix = prefix.contains(".")
                ? prefix.substring(0, prefix.lastIndexOf('.')) : "") {
            if (FORM_FIELDS.containsKey(prefix)) {
                return FORM_FIELDS.get(prefix);
            }
        }
        String top = apiField.contains(".") ? apiField.substring(0, apiField.indexOf('.')) : apiField;
        return FIELDS.contains(top) ? top : null;
    }

    private static final List<String> FIELDS = List.of("title", "description", "buyerSiret", "requiredProcesses",
            "preferredProcesses", "targetNafCodes", "requiredCertifications", "targetUnitPriceEur", "sector",
            "startDate", "validUntil", "adviserEmail", "confidential");

    private static void put(Map<String, Object> body, String name, Object value) {
        if (value instanceof String text && !text.isBlank()) {
            body.put(name, text.strip());
        }
        else if (value instanceof List<?> list && !list.isEmpty()) {
            body.put(name, list);
        }
        else if (value != null && !(value instanceof String) && !(value instanceof List<?>)) {
            body.put(name, value);
        }
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    // accessors for data binding

    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getBuyerSiret() { return buyerSiret; }
    public void setBuyerSiret(String buyerSiret) { this.buyerSiret = buyerSiret; }
    public String getProductScheme() { return productScheme; }
    public void setProductScheme(String productScheme) { this.productScheme = productScheme; }
    public String getProductCode() { return productCode; }
    public void setProductCode(String productCode) { this.productCode = productCode; }
    public List<String> getRequiredProcesses() { return requiredProcesses; }
    public void setRequiredProcesses(List<String> requiredProcesses) { this.requiredProcesses = requiredProcesses; }
    public List<String> getPreferredProcesses() { return preferredProcesses; }
    public void setPreferredProcesses(List<String> preferredProcesses) { this.preferredProcesses = preferredProcesses; }
    public String getTargetNafCodes() { return targetNafCodes; }
    public void setTargetNafCodes(String targetNafCodes) { this.targetNafCodes = targetNafCodes; }
    public List<String> getRequiredCertifications() { return requiredCertifications; }
    public void setRequiredCertifications(List<String> requiredCertifications) { this.requiredCertifications = requiredCertifications; }
    public BigDecimal getQuantity() { return quantity; }
    public void setQuantity(BigDecimal quantity) { this.quantity = quantity; }
    public String getUnit() { return unit; }
    public void setUnit(String unit) { this.unit = unit; }
    public BigDecimal getMinimumCoveragePercent() { return minimumCoveragePercent; }
    public void setMinimumCoveragePercent(BigDecimal minimumCoveragePercent) { this.minimumCoveragePercent = minimumCoveragePercent; }
    public BigDecimal getTargetUnitPriceEur() { return targetUnitPriceEur; }
    public void setTargetUnitPriceEur(BigDecimal targetUnitPriceEur) { this.targetUnitPriceEur = targetUnitPriceEur; }
    public String getSector() { return sector; }
    public void setSector(String sector) { this.sector = sector; }
    public LocalDate getStartDate() { return startDate; }
    public void setStartDate(LocalDate startDate) { this.startDate = startDate; }
    public LocalDate getValidUntil() { return validUntil; }
    public void setValidUntil(LocalDate validUntil) { this.validUntil = validUntil; }
    public String getLocationMode() { return locationMode; }
    public void setLocationMode(String locationMode) { this.locationMode = locationMode; }
    public String getCommuneCode() { return communeCode; }
    public void setCommuneCode(String communeCode) { this.communeCode = communeCode; }
    public Integer getMaxDistanceKm() { return maxDistanceKm; }
    public void setMaxDistanceKm(Integer maxDistanceKm) { this.maxDistanceKm = maxDistanceKm; }
    public List<String> getRegions() { return regions; }
    public void setRegions(List<String> regions) { this.regions = regions; }
    public String getAdviserEmail() { return adviserEmail; }
    public void setAdviserEmail(String adviserEmail) { this.adviserEmail = adviserEmail; }
    public boolean isConfidential() { return confidential; }
    public void setConfidential(boolean confidential) { this.confidential = confidential; }
    public long getVersion() { return version; }
    public void setVersion(long version) { this.version = version; }
}
