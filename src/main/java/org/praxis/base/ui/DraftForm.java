package org.praxis.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.shared.Registration;
import org.praxis.base.InvalidInputException;

/**
 * A form that edits one draft bean: fields bound with a {@link Binder}, Save and Cancel buttons
 * that publish {@link SaveEvent} and {@link CancelEvent}, and a service's objections shown next
 * to their fields. Knows no service; the view wires the events.
 *
 * @param <T> the draft bean
 */
public abstract class DraftForm<T> extends FormLayout {

    protected final Binder<T> binder;
    protected final FieldProblems problems = new FieldProblems(this);
    private final HorizontalLayout buttons;
    private T draft;

    /** @param idPrefix the buttons get the ids {@code <idPrefix>-save} and {@code <idPrefix>-cancel} */
    protected DraftForm(Class<T> type, String idPrefix) {
        this.binder = new Binder<>(type);
        Button save = new Button(getTranslation("action.save"), click -> {
            if (binder.writeBeanIfValid(draft)) {
                fireEvent(new SaveEvent<>(this, draft));
            }
        });
        save.setId(idPrefix + "-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("action.cancel"), click -> fireEvent(new CancelEvent(this)));
        cancel.setId(idPrefix + "-cancel");
        buttons = new HorizontalLayout(save, cancel);
    }

    /** Adds the fields in order, then the buttons across the full width. */
    protected void addFields(Component... fields) {
        add(fields);
        add(buttons);
        setColspan(buttons, 2);
    }

    /** The field that gets focus when the form opens. */
    protected abstract com.vaadin.flow.component.Focusable<?> firstField();

    public void edit(T draft) {
        this.draft = draft;
        problems.clear();
        binder.readBean(draft);
        firstField().focus();
    }

    /** Shows the service's objections next to their fields; returns any it could not place. */
    public String show(InvalidInputException e) {
        return problems.show(e);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public Registration addSaveListener(ComponentEventListener<SaveEvent<T>> listener) {
        return addListener(SaveEvent.class, (ComponentEventListener) listener);
    }

    public Registration addCancelListener(ComponentEventListener<CancelEvent> listener) {
        return addListener(CancelEvent.class, listener);
    }

    /** Save was pressed; {@link #draft()} holds what the form shows. */
    public static final class SaveEvent<T> extends ComponentEvent<DraftForm<T>> {
        private final transient T draft;

        SaveEvent(DraftForm<T> source, T draft) {
            super(source, false);
            this.draft = draft;
        }

        public T draft() {
            return draft;
        }
    }

    public static final class CancelEvent extends ComponentEvent<DraftForm<?>> {
        CancelEvent(DraftForm<?> source) {
            super(source, false);
        }
    }
}
