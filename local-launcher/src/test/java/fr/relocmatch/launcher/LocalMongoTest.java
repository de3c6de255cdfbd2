package fr.relocmatch.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault suite's database outage: the in-memory server cut off from its clients, then back on
 * its port with what it stored — as a MongoDB the network lost, not one whose disk was wiped.
 */
class LocalMongoTest {

    @Test
    void aDisconnectedServerRefusesItsClientsAndComesBackWithItsData() {
        int port = RunningServices.freePort();
        LocalMongo mongo = LocalMongo.inMemory(port);
        MongoClientSettings settings = MongoClientSettings.builder().applyConnectionString(new ConnectionString(mongo.uri()))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(2, TimeUnit.SECONDS)).build();
        try (MongoClient client = MongoClients.create(settings)) {
            MongoCollection<Document> companies = client.getDatabase("relocmatch").getCollection("companies");
            companies.insertOne(new Document("_id", "c1").append("siret", "12345678901234"));

            mongo.disconnect();
            assertThatThrownBy(() -> companies.find(Filters.eq("_id", "c1")).first()).isInstanceOf(MongoException.class);

            mongo.reconnect();
            assertThat(companies.find(Filters.eq("_id", "c1")).first()).containsEntry("siret", "12345678901234");
            companies.insertOne(new Document("_id", "c2"));
            assertThat(companies.countDocuments()).isEqualTo(2);
        }
        finally {
            mongo.close();
        }
    }

    @Test
    void theFileServerCannotBeDisconnectedKeepingItsData(@TempDir Path folder) {
        LocalMongo mongo = LocalMongo.start(folder.resolve("relocmatch.mv"), RunningServices.freePort());
        try {
            assertThatThrownBy(mongo::disconnect).isInstanceOf(IllegalStateException.class);
        }
        finally {
            mongo.close();
        }
    }
}
