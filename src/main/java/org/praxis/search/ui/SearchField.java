package org.praxis.search.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import org.praxis.base.ui.NavbarContribution;

/** The search field in the top bar: Enter opens the results. */
@org.springframework.stereotype.Component
class SearchField implements NavbarContribution {

    @Override
    public Component create() {
        TextField field = new TextField();
        field.setId("search-field");
        field.setPlaceholder(field.getTranslation("search.placeholder"));
        field.setAriaLabel(field.getTranslation("search.label"));
        field.setPrefixComponent(VaadinIcon.SEARCH.create());
        field.setClearButtonVisible(true);
        field.addKeyPressListener(Key.ENTER, e -> field.getUI().ifPresent(ui -> ui.navigate("search",
                QueryParameters.of("q", field.getValue()))));
        return field;
    }
}
