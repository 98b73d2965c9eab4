package org.praxis.base.security;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.communication.IndexHtmlResponse;
import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.stereotype.Component;

/**
 * Gives each of Vaadin's bootstrap pages its own script nonce: every {@code <script>} of the page
 * carries it, and the page's Content-Security-Policy names it, so no other inline script runs
 * there. In Vaadin 24.9 the page holds all its inline scripts when listeners see it, in production
 * and in development mode alike (the old-browser check, {@code window.Vaadin} set-up, the CSRF form
 * helper, feature flags, and in development the dev tools' and licence checker's). The header set
 * here takes the place of the general one, which Spring Security writes only where none is set.
 */
@Component
class BootstrapPagePolicy implements VaadinServiceInitListener {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addIndexHtmlRequestListener(BootstrapPagePolicy::protect);
    }

    private static void protect(IndexHtmlResponse response) {
        String nonce = nonce();
        response.getDocument().getElementsByTag("script").attr("nonce", nonce);
        response.getVaadinResponse().setHeader(ContentSecurityPolicy.HEADER, ContentSecurityPolicy.bootstrapPage(nonce));
    }

    /** 144 random bits, fresh for each page. */
    static String nonce() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
