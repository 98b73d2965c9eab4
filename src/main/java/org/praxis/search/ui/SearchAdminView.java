package org.praxis.search.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.NativeLabel;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.praxis.base.ui.MainLayout;
import org.praxis.search.IndexStatus;
import org.praxis.search.SearchService;

/** For admins: how far the search index is, and rebuilding it (searches keep working meanwhile). */
@Route(value = "admin/search", layout = MainLayout.class)
@RolesAllowed("ADMIN")
@Menu(title = "nav.search-admin", order = 30, icon = "vaadin:database")
public class SearchAdminView extends Main implements HasDynamicTitle {

    private final transient SearchService search;
    private final ProgressBar progress = new ProgressBar(0, 100);
    private final Paragraph numbers = new Paragraph();

    public SearchAdminView(SearchService search) {
        this.search = search;
        setId("search-admin-view");
        addClassName("praxis-view");
        NativeLabel label = new NativeLabel(getTranslation("search-admin.progress"));
        label.setId("search-progress-label");
        progress.setId("search-progress");
        progress.getElement().setAttribute("aria-labelledby", "search-progress-label");
        numbers.setId("search-numbers");
        numbers.getElement().setAttribute("role", "status");
        Button rebuild = new Button(getTranslation("search-admin.rebuild"), click -> confirmRebuild());
        rebuild.setId("search-rebuild");
        rebuild.addThemeVariants(ButtonVariant.LUMO_ERROR);
        Button refresh = new Button(getTranslation("search-admin.refresh"), click -> refresh());
        refresh.setId("search-refresh");
        add(new H1(getTranslation("search-admin.title")), new Paragraph(getTranslation("search-admin.intro")),
                label, progress, numbers, new com.vaadin.flow.component.orderedlayout.HorizontalLayout(refresh, rebuild));
        refresh();
    }

    void refresh() {
        IndexStatus status = search.status();
        progress.setValue(status.percent());
        numbers.setText(status.rebuilding()
                ? getTranslation("search-admin.rebuilding", status.percent(), status.rebuildDone(), status.rebuildTotal(),
                        status.documents())
                : getTranslation("search-admin.numbers", status.percent(), status.read(), status.written(),
                        status.documents()));
    }

    private void confirmRebuild() {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setId("confirm-rebuild");
        confirm.setHeader(getTranslation("search-admin.rebuild"));
        confirm.setText(getTranslation("search-admin.rebuild.confirm"));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.setConfirmText(getTranslation("search-admin.rebuild"));
        confirm.addConfirmListener(e -> {
            search.rebuild();
            refresh();
        });
        confirm.open();
    }

    private com.vaadin.flow.shared.Registration polling;

    /** While the page is open, the progress moves by itself (a poll every 2 s). */
    @Override
    protected void onAttach(AttachEvent attachEvent) {
        attachEvent.getUI().setPollInterval(2000);
        polling = attachEvent.getUI().addPollListener(e -> refresh());
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        detachEvent.getUI().setPollInterval(-1);
        if (polling != null) {
            polling.remove();
            polling = null;
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("search-admin.page-title");
    }
}
