package org.praxis.base.ui;

import java.util.UUID;
import org.praxis.base.i18n.Messages;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The page for an error that no Vaadin view answers (a file or address outside the app's views, a
 * refused or malformed request, a failure in a controller): plain HTML in Praxis's words from the
 * message bundle, with no script, no stack trace and no server name.
 */
@Component
public class PlainErrorPage {

    private final Messages messages;

    PlainErrorPage(Messages messages) {
        this.messages = messages;
    }

    /** A reference to quote to an admin, logged with the error it stands for. */
    public static String newReference() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** The page for the status; {@code reference} is shown for server errors only. */
    public String html(int status, String reference) {
        String kind = kind(status);
        String title = messages.text("error." + kind + ".title");
        String text = kind.equals("internal") ? messages.text("error.internal.text", reference)
                : messages.text("error." + kind + ".text");
        return "<!doctype html>\n<html lang=\"" + Messages.LOCALES.get(0).getLanguage() + "\">\n<head>\n"
                + "<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + escape(messages.text("error.page-title", title)) + "</title>\n"
                + "<style>body{margin:0;font-family:system-ui,-apple-system,\"Segoe UI\",Roboto,sans-serif;"
                + "color:#1d2530;background:#fff;line-height:1.5}"
                + "main{max-width:36rem;margin:0 auto;padding:3rem 1.25rem}"
                + "h1{font-size:1.75rem;line-height:1.25;margin:0 0 1rem}a{color:#0b57a4}</style>\n"
                + "</head>\n<body>\n<main id=\"error-page\" class=\"praxis-error\" data-status=\"" + status + "\">\n"
                + "<h1>" + escape(title) + "</h1>\n<p>" + escape(text) + "</p>\n"
                + "<p><a id=\"go-home\" href=\"/\">" + escape(messages.text("error.go-home")) + "</a></p>\n"
                + "</main>\n</body>\n</html>\n";
    }

    private static String kind(int status) {
        if (status == 404 || status == 410) {
            return "not-found";
        }
        if (status == 401 || status == 403) {
            return "refused";
        }
        return status >= 500 ? "internal" : "bad-request";
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text);
    }
}
