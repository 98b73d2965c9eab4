package org.praxis.base.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The SMTP server ({@code praxis.mail.*}): no host, no mail. {@code from} is the sender's
 * address; {@code baseUrl} is where Praxis is reached, for links in messages.
 */
@ConfigurationProperties("praxis.mail")
public record MailProperties(String host, Integer port, String username, String password, Boolean starttls,
        String from, String baseUrl) {

    public MailProperties {
        host = host == null ? "" : host.strip();
        port = port == null ? 587 : port;
        starttls = starttls == null || starttls;
        from = from == null || from.isBlank() ? "praxis@localhost" : from.strip();
        baseUrl = baseUrl == null || baseUrl.isBlank() ? "http://localhost:8080/" : baseUrl.strip();
        if (!baseUrl.endsWith("/")) {
            baseUrl = baseUrl + "/";
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
