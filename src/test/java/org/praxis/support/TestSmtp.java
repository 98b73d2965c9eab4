package org.praxis.support;

import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * The tests' SMTP server on a port free on this machine, chosen once per test JVM, instead of
 * GreenMail's fixed 3025 that two builds at once (or anything else on 3025) would fight over.
 * The tests' GreenMail listens on {@link #SETUP}; every test application context (registered in
 * META-INF/spring.factories) sends to the same port.
 */
public final class TestSmtp implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /**
     * A child JVM started by a test (a whole Praxis for a journey) is told the parent's port with
     * {@code -Dpraxis.test.smtp-port}, so its mail reaches the parent's GreenMail.
     */
    public static final int PORT = Integer.getInteger("praxis.test.smtp-port", freePort());
    public static final ServerSetup SETUP = new ServerSetup(PORT, "localhost", ServerSetup.PROTOCOL_SMTP);

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources()
                .addFirst(new MapPropertySource("test-smtp", Map.of("praxis.mail.port", PORT)));
    }
}
