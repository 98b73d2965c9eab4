package org.praxis.conversation.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.stream.Collectors;
import org.praxis.base.InvalidInputException;
import org.praxis.base.ui.FieldProblems;
import org.praxis.conversation.PostItem;
import org.praxis.obstacle.Obstacle;
import org.praxis.obstacle.ObstacleService;

/**
 * The author names what got in the way, from the cohort's list, with an optional note;
 * {@code saved} runs once they are kept.
 */
class ObstaclesDialog extends Dialog {

    ObstaclesDialog(ObstacleService obstacles, long cohortId, PostItem p, List<String> named, Runnable saved) {
        setId("post-obstacles-dialog");
        setHeaderTitle(getTranslation("post.obstacles.title"));
        CheckboxGroup<Obstacle> choice = new CheckboxGroup<>(getTranslation("post.obstacles.choose"));
        choice.setId("post-obstacles-choice");
        List<Obstacle> list = obstacles.list(cohortId, false);
        choice.setItems(list);
        choice.setItemLabelGenerator(Obstacle::label);
        choice.setValue(list.stream().filter(o -> named.contains(o.label())).collect(Collectors.toSet()));
        TextField note = new TextField(getTranslation("post.obstacles.note"));
        note.setId("post-obstacles-note");
        note.setMaxLength(ObstacleService.NOTE_MAX);
        note.setHelperText(getTranslation("post.obstacles.note.help"));
        note.setWidthFull();
        FieldProblems problems = new FieldProblems(this).bind("note", note).bind("obstacles", choice);
        add(choice, note);
        Button save = new Button(getTranslation("action.save"), click -> {
            try {
                obstacles.nameOnPost(p.id(), choice.getValue().stream().map(Obstacle::id).collect(Collectors.toSet()),
                        note.getValue());
                close();
                saved.run();
            } catch (InvalidInputException e) {
                problems.show(e);
            }
        });
        save.setId("post-obstacles-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("action.cancel"), click -> close()), save);
    }
}
