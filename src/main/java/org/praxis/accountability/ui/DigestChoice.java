package org.praxis.accountability.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import java.util.Locale;
import org.praxis.accountability.DigestFrequency;
import org.praxis.accountability.DigestService;
import org.praxis.base.mail.Mailer;

/**
 * How often the email digest comes, saved as soon as it is chosen; the same choice on the
 * reminders page and in the account page's notifications. Component ids start with the given prefix.
 */
class DigestChoice extends Div {

    DigestChoice(DigestService digests, Mailer mailer, String idPrefix) {
        RadioButtonGroup<DigestFrequency> digest = new RadioButtonGroup<>(getTranslation("reminders.digest"));
        digest.setId(idPrefix + "-digest");
        digest.setItems(DigestFrequency.values());
        digest.setItemLabelGenerator(f -> getTranslation("reminders.digest." + f.name().toLowerCase(Locale.ROOT)));
        digest.setValue(digests.frequency());
        digest.setHelperText(getTranslation("reminders.digest.help"));
        Paragraph saved = new Paragraph();
        saved.setId(idPrefix + "-digest-saved");
        saved.getElement().setAttribute("role", "status");
        digest.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                digests.setFrequency(e.getValue());
                saved.setText(getTranslation("reminders.digest.saved"));
            }
        });
        add(digest, saved);
        if (!mailer.configured()) {
            Paragraph off = new Paragraph(getTranslation("reminders.no-mail"));
            off.addClassName("praxis-muted");
            add(off);
        }
    }
}
