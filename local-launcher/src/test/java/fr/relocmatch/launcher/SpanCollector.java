package fr.relocmatch.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

/**
 * An OTLP/HTTP endpoint the end-to-end services export their spans to, as they would to a
 * collector: it keeps every export request's body. One request carries the spans of one service
 * (its {@code service.name} resource attribute) and each span's trace id as 16 raw bytes, which is
 * what {@link #servicesOf(String)} looks for — no decoding of the protocol buffers needed.
 */
final class SpanCollector implements AutoCloseable {

    private final HttpServer server;
    private final List<byte[]> exports = new CopyOnWriteArrayList<>();

    private SpanCollector(HttpServer server) {
        this.server = server;
    }

    static SpanCollector start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            SpanCollector collector = new SpanCollector(server);
            server.createContext("/v1/traces", exchange -> {
                try (InputStream body = exchange.getRequestBody()) {
                    collector.exports.add(body.readAllBytes());
                }
                exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.start();
            return collector;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the services send their spans. */
    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/traces";
    }

    /** The services (of {@code candidates}) that exported at least one span of this trace. */
    Set<String> servicesOf(String traceId, List<String> candidates) {
        byte[] id = HexFormat.of().parseHex(traceId);
        Set<String> services = new TreeSet<>();
        for (byte[] export : exports) {
            if (indexOf(export, id) < 0) {
                continue;
            }
            for (String candidate : candidates) {
                if (indexOf(export, candidate.getBytes(StandardCharsets.UTF_8)) >= 0) {
                    services.add(candidate);
                }
            }
        }
        return services;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
