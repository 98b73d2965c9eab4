package org.praxis.base.ui;

import com.vaadin.flow.component.html.Div;

/**
 * Shows HTML that an allowlist has sanitised ({@link org.praxis.base.text.Markdown}, or search
 * snippets cleaned to {@code <b>} only) — and nothing else. User
 * text that is not Markdown is always set with {@code setText}.
 */
public class SafeHtml extends Div {

    public SafeHtml(String sanitizedHtml) {
        addClassName("praxis-prose");
        setSanitizedHtml(sanitizedHtml);
    }

    public void setSanitizedHtml(String sanitizedHtml) {
        getElement().setProperty("innerHTML", sanitizedHtml == null ? "" : sanitizedHtml);
    }

    public String getSanitizedHtml() {
        return getElement().getProperty("innerHTML", "");
    }
}
