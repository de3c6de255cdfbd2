package fr.relocmatch.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * A MongoDB wire-protocol server (mongo-java-server) keeping its data in an H2 file of the data
 * folder. Good for a demo on one machine; production runs a real MongoDB replica set.
 */
public final class LocalMongo implements AutoCloseable {

    private final MongoServer server;
    private final H2Backend backend;
    private final int port;

    private LocalMongo(MongoServer server, H2Backend backend, int port) {
        this.server = server;
        this.backend = backend;
        this.port = port;
    }

    public static LocalMongo start(Path file, int port) {
        try {
            Files.createDirectories(file.getParent());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        H2Backend backend = new H2Backend(file.toAbsolutePath().toString());
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", port);
        return new LocalMongo(server, backend, port);
    }

    public String uri() {
        return "mongodb://127.0.0.1:" + port;
    }

    /** Stops at once, cutting the clients' connections as a stopped server does. */
    @Override
    public void close() {
        server.shutdownNow();
        backend.close();
    }
}
