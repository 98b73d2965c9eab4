package org.praxis.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.Focusable;
import java.util.LinkedHashMap;
import java.util.Map;
import org.praxis.base.InvalidInputException;
import org.praxis.base.Problem;

/**
 * Shows a service's {@link InvalidInputException} next to the fields it concerns, in the UI's
 * language, and moves focus to the first one. The values typed are left untouched.
 */
public final class FieldProblems {

    private final Component owner;
    private final Map<String, HasValidation> fields = new LinkedHashMap<>();

    public FieldProblems(Component owner) {
        this.owner = owner;
    }

    public FieldProblems bind(String field, HasValidation component) {
        fields.put(field, component);
        return this;
    }

    /** Whether a problem of this field is shown next to a field of this form. */
    public boolean binds(String field) {
        return fields.containsKey(field);
    }

    public void clear() {
        fields.values().forEach(f -> f.setInvalid(false));
    }

    /** Marks each field; returns the text of problems that have no field on this form, or null. */
    public String show(InvalidInputException e) {
        clear();
        StringBuilder unplaced = new StringBuilder();
        boolean focused = false;
        for (Map.Entry<String, Problem> entry : e.problems().entrySet()) {
            String text = text(entry.getValue());
            HasValidation field = fields.get(entry.getKey());
            if (field == null) {
                unplaced.append(unplaced.isEmpty() ? "" : " ").append(text);
                continue;
            }
            field.setErrorMessage(text);
            field.setInvalid(true);
            if (!focused && field instanceof Focusable<?> focusable) {
                focusable.focus();
                focused = true;
            }
        }
        return unplaced.isEmpty() ? null : unplaced.toString();
    }

    public String text(Problem problem) {
        return owner.getTranslation(problem.key(), problem.args().toArray());
    }
}
