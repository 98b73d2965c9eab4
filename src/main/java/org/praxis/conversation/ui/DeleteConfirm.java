package org.praxis.conversation.ui;

import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import org.praxis.conversation.PostItem;
import org.praxis.conversation.ThreadService;

/** The author confirms removing a post; {@code deleted} runs once it is removed. */
class DeleteConfirm extends ConfirmDialog {

    DeleteConfirm(ThreadService threads, PostItem p, Runnable deleted) {
        setId("confirm-delete");
        setHeader(getTranslation("post.delete.confirm-title"));
        setText(getTranslation("post.delete.confirm-text"));
        setCancelable(true);
        setCancelText(getTranslation("action.cancel"));
        setConfirmText(getTranslation("post.delete"));
        setConfirmButtonTheme("error primary");
        addConfirmListener(e -> {
            threads.delete(p.id());
            deleted.run();
        });
    }
}
