package fr.relocmatch.notification.email;

import java.util.Locale;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An SMTP peer that accepts the session but refuses every recipient with {@code 550}, the
 * permanent failure GreenMail cannot produce (it accepts every address).
 */
final class RefusingSmtpServer implements AutoCloseable {

    private final ServerSocket socket;
    private final AtomicInteger refusals = new AtomicInteger();

    private RefusingSmtpServer(ServerSocket socket) {
        this.socket = socket;
    }

    static RefusingSmtpServer start() {
        try {
            RefusingSmtpServer server = new RefusingSmtpServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
            Thread acceptor = new Thread(server::serve, "refusing-smtp");
            acceptor.setDaemon(true);
            acceptor.start();
            return server;
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    int port() {
        return socket.getLocalPort();
    }

    int refusals() {
        return refusals.get();
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept();
                    BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
                    PrintWriter out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.US_ASCII)) {
                reply(out, "220 refusing.test ESMTP");
                String line;
                while ((line = in.readLine()) != null) {
                    String command = line.toUpperCase(Locale.ROOT);
                    if (command.startsWith("EHLO") || command.startsWith("HELO")) {
                        reply(out, "250 refusing.test");
                    }
                    else if (command.startsWith("MAIL FROM")) {
                        reply(out, "250 OK");
                    }
                    else if (command.startsWith("RCPT TO")) {
                        refusals.incrementAndGet();
                        reply(out, "550 5.1.1 mailbox unavailable");
                    }
                    else if (command.startsWith("QUIT")) {
                        reply(out, "221 bye");
                        break;
                    }
                    else {
                        reply(out, command.startsWith("RSET") || command.startsWith("NOOP") ? "250 OK" : "503 bad sequence");
                    }
                }
            }
            catch (IOException closedOrReset) {
                // next client, or the server was closed
            }
        }
    }

    private static void reply(PrintWriter out, String line) {
        out.print(line + "\r\n");
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
