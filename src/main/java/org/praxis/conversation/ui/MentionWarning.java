package org.praxis.conversation.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import org.praxis.conversation.MentionCheck;

/**
 * Tells the writer, next to the field and before anything is saved, whom their mentions will not
 * reach and which typed names fit several people or nobody. The text stays as it is; the writer
 * may change it or send it anyway. Names are set as text.
 */
class MentionWarning extends Div {

    MentionWarning(String idSuffix) {
        setId("mention-warning" + idSuffix);
        addClassName("praxis-callout");
        addClassName("praxis-mention-warning");
        getElement().setAttribute("role", "alert");
        setVisible(false);
    }

    void show(MentionCheck check, boolean facilitatorsOnly) {
        removeAll();
        Paragraph title = new Paragraph(getTranslation("mention.warning.title"));
        title.addClassName("praxis-callout-title");
        UnorderedList lines = new UnorderedList();
        check.cannotRead().forEach(name -> lines.add(new ListItem(getTranslation(
                facilitatorsOnly ? "mention.cannot-read.facilitators-only" : "mention.cannot-read", name))));
        if (check.notInCohort() > 0) {
            lines.add(new ListItem(getTranslation("mention.not-in-cohort", check.notInCohort())));
        }
        check.ambiguous().forEach(a -> lines.add(new ListItem(getTranslation("mention.ambiguous", a.typed(),
                String.join(", ", a.names())))));
        check.unknown().forEach(word -> lines.add(new ListItem(getTranslation("mention.unknown", word))));
        add(title, lines);
        setVisible(true);
    }

    void hide() {
        removeAll();
        setVisible(false);
    }
}
