package fr.relocmatch.launcher;

import java.net.Socket;
import java.net.SocketException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.smtp.SmtpServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * GreenMail's SMTP server answering each command as soon as it has written the answer.
 *
 * <p>Stock GreenMail writes a multi-line answer (the one to {@code EHLO}) a line at a time on a
 * socket left with Nagle's algorithm on: the second line waits for the client to acknowledge the
 * first, and the client, waiting for the whole answer, delays that acknowledgement (40 ms on
 * Linux). Every e-mail then took about 48 ms, 44 of them waiting, where a real relay answers in
 * under a millisecond on the loopback — so the local run, the load driver and the fault suite
 * measured the stand-in rather than the product. With {@code TCP_NODELAY} on each accepted
 * connection an e-mail takes about 4 ms (docs/reliability.md).
 */
public final class PromptSmtpServer extends SmtpServer {

    PromptSmtpServer(ServerSetup setup, Managers managers) {
        super(setup, managers);
    }

    /** A GreenMail with this SMTP server only, on the loopback at {@code port} (0: any free port); not started. */
    public static GreenMail on(int port) {
        return new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP)) {
            @Override
            protected Map<String, AbstractServer> createServices(ServerSetup[] config, Managers managers) {
                Map<String, AbstractServer> services = new LinkedHashMap<>();
                for (ServerSetup setup : config) {
                    services.put(setup.getProtocol(), new PromptSmtpServer(setup, managers));
                }
                return services;
            }
        };
    }

    @Override
    protected void handleClientSocket(Socket client) throws SocketException {
        client.setTcpNoDelay(true);
        super.handleClientSocket(client);
    }
}
