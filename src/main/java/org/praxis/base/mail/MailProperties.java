package org.praxis.base.mail;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The SMTP server ({@code praxis.mail.*}): no host, no mail. {@code from} is the sender's
 * address; {@code baseUrl} is where Praxis is reached, for links in messages; {@code outbox} how
 * queued mail is sent.
 */
@ConfigurationProperties("praxis.mail")
public record MailProperties(String host, Integer port, String username, String password, Boolean starttls,
        String from, String baseUrl, Outbox outbox) {

    public MailProperties {
        host = host == null ? "" : host.strip();
        port = port == null ? 587 : port;
        starttls = starttls == null || starttls;
        from = from == null || from.isBlank() ? "praxis@localhost" : from.strip();
        baseUrl = baseUrl == null || baseUrl.isBlank() ? "http://localhost:8080/" : baseUrl.strip();
        if (!baseUrl.endsWith("/")) {
            baseUrl = baseUrl + "/";
        }
        outbox = outbox == null ? new Outbox(null, null, null, null, null, null, null) : outbox;
    }

    /**
     * How the worker sends the outbox: the waits between tries ({@code retryDelays}: the first
     * try is at once, then one more after each wait, then the mail is failed), how long sent and
     * failed mail is kept, how often each node looks for due mail besides being woken after a
     * commit, how many rows one claim takes, and how long a claim holds them (the lease: longer
     * than a batch can take, see {@link MailWorker}). {@code background} false leaves sending to
     * whoever calls {@link MailWorker#deliverDue()} (the tests).
     */
    public record Outbox(List<Duration> retryDelays, Duration retention, Duration poll, Integer batchSize,
            Duration lease, Duration pruneEvery, Boolean background) {

        public Outbox {
            retryDelays = retryDelays == null || retryDelays.isEmpty()
                    ? List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(2),
                            Duration.ofHours(12))
                    : List.copyOf(retryDelays);
            retention = retention == null ? Duration.ofDays(30) : retention;
            poll = poll == null ? Duration.ofSeconds(10) : poll;
            batchSize = batchSize == null || batchSize < 1 ? 10 : batchSize;
            lease = lease == null ? Duration.ofMinutes(10) : lease;
            pruneEvery = pruneEvery == null ? Duration.ofHours(1) : pruneEvery;
            background = background == null || background;
        }

        /** Tries in all: the first, and one after each wait. */
        public int maxAttempts() {
            return retryDelays.size() + 1;
        }
    }

    /** Whether people reach Praxis over TLS (the base URL is https), whatever the proxy in front says. */
    public boolean secure() {
        return baseUrl.regionMatches(true, 0, "https://", 0, 8);
    }

    public boolean configured() {
        return !host.isEmpty();
    }

    @Override
    public String toString() {
        return "MailProperties[host=" + host + ", port=" + port + ", from=" + from + "]";
    }
}
