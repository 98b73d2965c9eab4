package org.praxis.base.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;

/** The body shared by the error pages: a heading, a sentence, and the way home. */
final class ErrorViews {

    private ErrorViews() {
    }

    static void fill(Main view, String id, String title, String text) {
        view.setId(id);
        view.addClassName("praxis-error");
        view.removeAll();
        H1 heading = new H1(title);
        Paragraph body = new Paragraph(text);
        Anchor home = new Anchor("", view.getTranslation("error.go-home"));
        home.setId("go-home");
        view.add(heading, body, home);
    }
}
