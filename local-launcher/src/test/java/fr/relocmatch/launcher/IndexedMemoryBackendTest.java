package fr.relocmatch.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The load run's MongoDB stand-in answers every query as the stock in-memory backend does, while
 * looking only at the documents an equality on {@code _id} or on an indexed field selects.
 */
class IndexedMemoryBackendTest {

    private final IndexedMemoryBackend indexedBackend = new IndexedMemoryBackend();
    private MongoServer indexedServer;
    private MongoServer stockServer;
    private MongoClient indexedClient;
    private MongoClient stockClient;
    private MongoCollection<Document> indexed;
    private MongoCollection<Document> stock;

    @BeforeEach
    void start() {
        indexedServer = new MongoServer(indexedBackend);
        stockServer = new MongoServer(new MemoryBackend());
        indexedClient = MongoClients.create(uri(indexedServer.bind()));
        stockClient = MongoClients.create(uri(stockServer.bind()));
        indexed = indexedClient.getDatabase("relocmatch").getCollection("matches");
        stock = stockClient.getDatabase("relocmatch").getCollection("matches");
        both(c -> c.createIndex(Indexes.ascending("demandId"), new IndexOptions()));
        List<Document> matches = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            matches.add(new Document("_id", "m" + i).append("demandId", "d" + i % 30).append("companyId", "c" + i % 50)
                    .append("status", i % 3 == 0 ? "ACCEPTED" : "PROPOSED").append("version", 0L)
                    .append("publishedVersion", i % 2 == 0 ? 0L : -1L).append("labels", List.of("l" + i % 4, "l" + i % 7)));
        }
        // a document without the indexed field and one with a number there: looked at by every query on it
        matches.add(new Document("_id", "odd-1").append("status", "PROPOSED"));
        matches.add(new Document("_id", "odd-2").append("demandId", 12).append("status", "PROPOSED"));
        both(c -> c.insertMany(matches.stream().map(Document::new).toList()));
    }

    @AfterEach
    void stop() {
        indexedClient.close();
        stockClient.close();
        indexedServer.shutdownNow();
        stockServer.shutdownNow();
    }

    @Test
    void findsByIdAndIndexedFieldLookingOnlyAtTheirDocuments() {
        assertSame(Filters.eq("demandId", "d7"), 10 + 2);
        assertSame(Filters.and(Filters.eq("demandId", "d7"), Filters.eq("status", "PROPOSED")), 10 + 2);
        assertSame(Filters.and(Filters.eq("_id", "m42"), Filters.lt("publishedVersion", 1L)), 1);
        assertSame(new Document("_id", "m43").append("version", 0L), 1);
        assertSame(Filters.eq("_id", "nowhere"), 0);
        // not looked up: scanned as before, same answers
        assertSame(Filters.eq("companyId", "c3"), 302);
        assertSame(Filters.in("demandId", List.of("d1", "d2")), 302);
        assertSame(Filters.eq("demandId", 12), 302);
    }

    @Test
    void keepsItsLookupsThroughUpdatesReplacementsAndDeletions() {
        // a publication's mark, a versioned save that moves a match to another demand, a deletion, arrays
        both(c -> c.updateOne(Filters.and(Filters.eq("_id", "m1"), Filters.lt("publishedVersion", 0L)),
                Updates.set("publishedVersion", 0L)));
        both(c -> c.replaceOne(new Document("_id", "m2").append("version", 0L),
                new Document("_id", "m2").append("demandId", "d99").append("version", 1L).append("status", "PROPOSED")));
        both(c -> c.replaceOne(new Document("_id", "m3").append("version", 5L), new Document("_id", "m3"))); // stale: no change
        both(c -> c.updateMany(Filters.eq("demandId", "d4"), Updates.set("demandId", "d5")));
        both(c -> c.deleteOne(Filters.eq("_id", "m5")));
        both(c -> c.findOneAndUpdate(Filters.and(Filters.eq("_id", "m6"), Filters.eq("version", 0L)), Updates.inc("version", 1L)));
        both(c -> c.replaceOne(Filters.eq("_id", "new-1"), new Document("_id", "new-1").append("demandId", "d99"),
                new ReplaceOptions().upsert(true)));
        both(c -> c.insertOne(new Document("_id", "new-2").append("demandId", List.of("d98", "d99"))));

        assertSame(Filters.eq("demandId", "d2"), 9 + 2);
        assertSame(Filters.eq("demandId", "d99"), 3 + 2);
        assertSame(Filters.eq("demandId", "d98"), 1 + 2);
        assertSame(Filters.eq("demandId", "d4"), 2);
        assertSame(Filters.eq("demandId", "d5"), 19 + 2);
        assertSame(Filters.eq("_id", "m1"), 1);
        assertSame(Filters.eq("_id", "m5"), 0);
        assertSame(Filters.eq("_id", "m6"), 1);
        assertSame(new Document(), 303);
    }

    private void both(Consumer<MongoCollection<Document>> operation) {
        operation.accept(indexed);
        operation.accept(stock);
    }

    private void assertSame(Bson filter, int examined) {
        List<Document> expected = stock.find(filter).sort(Sorts.ascending("_id")).into(new ArrayList<>());
        List<Document> actual = indexed.find(filter).sort(Sorts.ascending("_id")).into(new ArrayList<>());
        assertThat(actual).as("%s", filter).isEqualTo(expected);
        IndexedMemoryBackend.IndexedCollection collection = (IndexedMemoryBackend.IndexedCollection) indexedBackend
                .resolveDatabase("relocmatch").resolveCollection("matches", true);
        assertThat(collection.examinedByLastQuery()).as("documents looked at for %s", filter).isEqualTo(examined);
    }

    private static String uri(InetSocketAddress address) {
        return "mongodb://127.0.0.1:" + address.getPort();
    }
}
