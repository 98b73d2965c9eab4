package org.praxis.base.ui;

import com.vaadin.flow.component.html.Anchor;

/**
 * A link to a route given by its path, navigated inside the app like a {@code RouterLink}.
 * Used where naming the view's class would make two features depend on each other.
 */
public final class Links {

    private Links() {
    }

    public static Anchor route(String text, String path) {
        Anchor anchor = new Anchor(path, text);
        anchor.getElement().setAttribute("router-link", true);
        return anchor;
    }
}
