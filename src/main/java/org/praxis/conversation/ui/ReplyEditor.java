package org.praxis.conversation.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.praxis.base.ui.SafeHtml;
import org.praxis.conversation.MentionCheck;
import org.praxis.conversation.MentionPerson;

/**
 * Writing a reply: Markdown with a preview, "to facilitators only", and (where the thread allows
 * it) "hide my name from peers". Every pause in typing keeps a draft through {@code onDraft}.
 * Knows no service: posting is handed to {@code onPost}, previews to {@code previewer}. Typing
 * {@code @} offers the cohort's people ({@link MentionSuggestions}); before posting, what
 * {@code checker} finds about the mentions (someone who cannot read the reply, a name that fits
 * several people) is said next to the field, and Post becomes "Post anyway".
 *
 * <p>Each reply carries a key made when the editor opens and again once a reply is posted
 * ({@link #clear()}): pressing Post again after a failure sends the same key, so a reply that was
 * in fact saved is found, never made twice.
 */
class ReplyEditor extends Div {

    /** What the writer chose to post, and the key of this submit. */
    record Reply(String body, boolean facilitatorsOnly, boolean hideName, UUID key) {
    }

    final TextArea body = new TextArea();
    final Checkbox facilitatorsOnly = new Checkbox();
    final Checkbox hideName = new Checkbox();
    final Button post = new Button();
    private final SafeHtml preview = new SafeHtml("");
    final MentionSuggestions mentions;
    final MentionWarning mentionWarning;
    /** The writer has been told about the mentions of this very text and posts it anyway. */
    private boolean warned;
    private UUID key = UUID.randomUUID();

    ReplyEditor(String idSuffix, String label, String initialText, boolean namesHideable,
            Function<String, String> previewer, Consumer<String> onDraft, Consumer<Reply> onPost,
            Supplier<List<MentionPerson>> people, Function<Reply, MentionCheck> checker) {
        addClassName("praxis-reply-editor");
        body.setId("reply-body" + idSuffix);
        body.setLabel(label);
        body.setHelperText(getTranslation("markdown.help"));
        body.setWidthFull();
        body.setMinHeight("7rem");
        body.setValue(initialText == null ? "" : initialText);
        body.setValueChangeMode(ValueChangeMode.TIMEOUT);
        body.setValueChangeTimeout(800);
        body.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                onDraft.accept(e.getValue());
            }
            unwarn();
        });
        mentions = new MentionSuggestions(body, people);
        mentionWarning = new MentionWarning(idSuffix);

        Tab write = new Tab(getTranslation("editor.write"));
        Tab show = new Tab(getTranslation("editor.preview"));
        Tabs mode = new Tabs(write, show);
        mode.setId("reply-mode" + idSuffix);
        preview.setId("reply-preview" + idSuffix);
        preview.addClassName("praxis-preview");
        preview.setVisible(false);
        mode.addSelectedChangeListener(e -> {
            boolean previewing = e.getSelectedTab() == show;
            if (previewing) {
                preview.setSanitizedHtml(previewer.apply(mentions.stored(body.getValue())));
                mentions.close();
            }
            preview.setVisible(previewing);
            body.setVisible(!previewing);
        });

        facilitatorsOnly.setId("reply-facilitators-only" + idSuffix);
        facilitatorsOnly.setLabel(getTranslation("editor.facilitators-only"));
        hideName.setId("reply-hide-name" + idSuffix);
        hideName.setLabel(getTranslation("editor.hide-name"));
        hideName.setVisible(namesHideable);
        facilitatorsOnly.addValueChangeListener(e -> unwarn());

        post.setText(getTranslation("editor.post"));
        post.setId("reply-post" + idSuffix);
        post.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        // a second click before the answer arrives sends nothing; the view enables it again
        post.setDisableOnClick(true);
        post.addClickListener(click -> {
            Reply reply = new Reply(mentions.stored(body.getValue()), facilitatorsOnly.getValue(), hideName.getValue(),
                    key);
            mentions.close();
            if (!warned && !reply.body().isBlank()) {
                MentionCheck check = checker.apply(reply);
                if (check != null && !check.clear()) {
                    warned = true;
                    mentionWarning.show(check, reply.facilitatorsOnly());
                    post.setText(getTranslation("mention.post-anyway"));
                    post.setEnabled(true);
                    return;
                }
            }
            onPost.accept(reply);
        });
        HorizontalLayout options = new HorizontalLayout(facilitatorsOnly, hideName, post);
        options.setAlignItems(FlexComponent.Alignment.CENTER);
        options.setWrap(true);
        add(mode, body, mentions, preview, mentionWarning, options);
    }

    /** The text or its audience changed: what was said about its mentions no longer holds. */
    private void unwarn() {
        if (warned) {
            warned = false;
            mentionWarning.hide();
            post.setText(getTranslation("editor.post"));
        }
    }

    void showProblem(String text) {
        body.setErrorMessage(text);
        body.setInvalid(true);
        body.setVisible(true);
    }

    /** The reply was posted: empty again, with a new key for the next one. */
    void clear() {
        key = UUID.randomUUID();
        body.clear();
        unwarn();
        body.setInvalid(false);
        facilitatorsOnly.clear();
        hideName.clear();
    }

    UUID key() {
        return key;
    }

    /**
     * Puts the passage into the reply as a quote that says who wrote it: {@code author} is the
     * name the quote may carry (already "a member" for a post with its name hidden).
     */
    void quote(String author, String markdown) {
        StringBuilder quoted = new StringBuilder();
        quoted.append("> ").append(getTranslation("post.quote.wrote", escaped(author))).append("\n>\n");
        markdown.lines().limit(20).forEach(line -> quoted.append("> ").append(line).append('\n'));
        String current = body.getValue();
        body.setValue((current.isBlank() ? "" : current.stripTrailing() + "\n\n") + quoted + "\n");
        body.focus();
    }

    /** A name as literal Markdown text: its marks do nothing, and an {@code @} in it mentions nobody. */
    private static String escaped(String name) {
        return name.replaceAll("([\\\\`*_\\[\\]<>#!|~@])", "\\\\$1");
    }
}
