package fr.relocmatch.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.AbstractMongoBackend;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * A MongoDB wire-protocol server (mongo-java-server) keeping its data in an H2 file of the data
 * folder. Good for a demo on one machine; production runs a real MongoDB replica set.
 */
public final class LocalMongo implements AutoCloseable {

    private MongoServer server;
    private final AbstractMongoBackend backend;
    private final int port;

    private LocalMongo(MongoServer server, AbstractMongoBackend backend, int port) {
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

    /**
     * A server keeping its data in memory only, for runs whose state need not outlive them (the
     * load driver): the H2 file's writes would be what is measured. Its lookups by id and by
     * indexed field use its indexes, as a real MongoDB's do ({@link IndexedMemoryBackend}): the
     * stock backend's scans would be what is measured.
     */
    public static LocalMongo inMemory(int port) {
        IndexedMemoryBackend backend = new IndexedMemoryBackend();
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", port);
        return new LocalMongo(server, backend, port);
    }

    /**
     * Cuts every connection and stops listening, keeping the data, as a database the network lost
     * does; {@link #reconnect()} listens again. Only the in-memory server can: the file's server
     * is closed and started again on its file.
     */
    public void disconnect() {
        requireKept();
        server.shutdownNow();
    }

    /** Listens again on the same port, with the data it had when {@link #disconnect() disconnected}. */
    public void reconnect() {
        requireKept();
        server = new MongoServer(backend);
        server.bind("127.0.0.1", port);
    }

    private void requireKept() {
        if (!(backend instanceof IndexedMemoryBackend)) {
            throw new IllegalStateException("only the in-memory server keeps its data over a disconnection");
        }
    }

    public String uri() {
        return "mongodb://127.0.0.1:" + port;
    }

    /** Stops at once, cutting the clients' connections as a stopped server does. */
    @Override
    public void close() {
        server.shutdownNow();
        if (backend instanceof IndexedMemoryBackend kept) {
            kept.discard();
        }
        else {
            backend.close();
        }
    }
}
