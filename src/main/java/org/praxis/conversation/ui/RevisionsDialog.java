package org.praxis.conversation.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import java.time.ZoneId;
import java.util.List;
import org.praxis.base.text.WordDiff;
import org.praxis.base.ui.DiffText;
import org.praxis.base.ui.Times;
import org.praxis.conversation.Revision;

/** A post's earlier versions, newest first, each with what changed from the one before it. */
class RevisionsDialog extends Dialog {

    /** {@code earlier}: newest first, as {@code ThreadService.revisions} gives them. */
    RevisionsDialog(String current, List<Revision> earlier, ZoneId zone) {
        setId("revisions-dialog");
        setHeaderTitle(getTranslation("post.revisions"));
        setWidth("min(44rem, 95vw)");
        Div list = new Div();
        list.setId("revisions");
        String newer = current;
        String newerLabel = getTranslation("post.revisions.current");
        for (int i = 0; i < earlier.size(); i++) {
            Revision r = earlier.get(i);
            list.add(version(newerLabel, r.markdown(), newer, "change-" + i));
            newer = r.markdown();
            newerLabel = getTranslation("post.revisions.until", Times.dateTime(r.replacedAt(), zone, getLocale()));
        }
        Div original = new Div(new Paragraph(newerLabel), new Pre(newer));
        original.setId("revision-original");
        original.addClassName("praxis-revision");
        list.add(original);
        Button close = new Button(getTranslation("action.done"), click -> close());
        close.setId("revisions-done");
        add(list);
        getFooter().add(close);
    }

    /** One version with its changes from the version before: removed words struck, added words marked. */
    private static Div version(String label, String before, String after, String id) {
        Div box = new Div(new Paragraph(label));
        box.setId(id);
        box.addClassName("praxis-revision");
        box.add(new DiffText(WordDiff.between(before, after)));
        return box;
    }
}
