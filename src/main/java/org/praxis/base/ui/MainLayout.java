package org.praxis.base.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Footer;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import org.praxis.base.db.DatabaseStatus;
import org.praxis.base.security.CurrentUser;
import org.praxis.base.security.PraxisUser;

/**
 * The shell around every signed-in view: the product name, navigation built from the views'
 * {@code @Menu} entries that the signed-in role may open (so a link exists only where its view
 * works and admits the user), and who is signed in with a sign-out button. While the database
 * is away (the embedded server restarting), a banner under the top bar says that saving is
 * paused; it is pushed to every open page and goes when the database is back.
 */
@PermitAll
public class MainLayout extends AppLayout {

    private final transient AuthenticationContext authenticationContext;
    private final transient DatabaseStatus database;
    private final transient CurrentUser currentUser;
    private transient DatabaseStatus.Subscription databaseWatch;
    private final Div savingPaused = new Div();
    private final Span who = new Span();
    private final Span drawerWho = new Span();

    public MainLayout(AuthenticationContext authenticationContext, CurrentUser currentUser,
            java.util.List<NavbarContribution> contributions, DatabaseStatus database,
            java.util.List<MenuBadge> badges) {
        this.authenticationContext = authenticationContext;
        this.database = database;
        this.currentUser = currentUser;
        setPrimarySection(Section.DRAWER);
        DrawerToggle toggle = new DrawerToggle();
        toggle.setAriaLabel(getTranslation("layout.menu"));
        addToNavbar(skipLink(), toggle, header(currentUser, contributions), savingPausedBanner());
        addToDrawer(brand(), new Scroller(navigation(badges)), drawerAccount(), footer());
    }

    /**
     * The first thing a keyboard reaches: "Skip to main content", out of sight until focused; it
     * moves the focus to the view (the {@code <main>} in the layout's content).
     */
    private Anchor skipLink() {
        Anchor skip = new Anchor("#", getTranslation("layout.skip-to-content"));
        skip.setId("skip-to-content");
        skip.addClassName("praxis-skip-link");
        skip.getElement().setAttribute("router-ignore", true);
        skip.getElement().executeJs("""
                this.addEventListener('click', e => {
                  e.preventDefault();
                  const main = document.querySelector('vaadin-app-layout > main');
                  if (main) {
                    if (!main.hasAttribute('tabindex')) main.setAttribute('tabindex', '-1');
                    main.focus();
                  }
                });""");
        return skip;
    }

    private Div savingPausedBanner() {
        savingPaused.setId("saving-paused");
        savingPaused.addClassName("praxis-saving-paused");
        savingPaused.getElement().setAttribute("role", "status");
        savingPaused.setText(getTranslation("database.saving-paused"));
        savingPaused.setVisible(!database.available());
        return savingPaused;
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        // the content part scrolls: keyboard users reach it (scroll with the arrow keys) and hear its name
        getElement().executeJs("""
                const content = this.shadowRoot && this.shadowRoot.querySelector('[content]');
                if (content) {
                  content.setAttribute('tabindex', '0');
                  content.setAttribute('role', 'group');
                  content.setAttribute('aria-label', $0);
                }""", getTranslation("layout.content"));
        UI ui = attachEvent.getUI();
        savingPaused.setVisible(!database.available());
        databaseWatch = database.onChange(up -> ui.access(() -> savingPaused.setVisible(!up)));
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (databaseWatch != null) {
            databaseWatch.cancel();
            databaseWatch = null;
        }
        super.onDetach(detachEvent);
    }

    private Div brand() {
        Div brand = new Div();
        brand.addClassName("praxis-brand");
        Span name = new Span(getTranslation("app.name"));
        name.addClassName("praxis-brand-name");
        Span tagline = new Span(getTranslation("app.tagline"));
        tagline.addClassName("praxis-brand-tagline");
        brand.add(name, tagline);
        return brand;
    }

    private SideNav navigation(java.util.List<MenuBadge> badges) {
        SideNav nav = new SideNav();
        nav.setId("main-navigation");
        nav.getElement().setAttribute("aria-label", getTranslation("nav.label"));
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            SideNavItem item = new SideNavItem(getTranslation(entry.title()), entry.path());
            if (entry.icon() != null) {
                String[] icon = entry.icon().split(":", 2);
                item.setPrefixComponent(icon.length == 2 ? new Icon(icon[0], icon[1]) : new Icon(entry.icon()));
            }
            String path = entry.path().startsWith("/") ? entry.path().substring(1) : entry.path();
            badges.stream().filter(b -> b.path().equals(path)).findFirst()
                    .ifPresent(b -> item.setSuffixComponent(b.create()));
            nav.addItem(item);
        }
        return nav;
    }

    private HorizontalLayout header(CurrentUser currentUser, java.util.List<NavbarContribution> contributions) {
        HorizontalLayout header = new HorizontalLayout();
        // fills the top bar's first row (styles.css); the saving-paused banner takes a row of its own
        header.addClassName("praxis-header");
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        Span spacer = new Span();
        header.addAndExpand(spacer);
        currentUser.get().ifPresent(user -> {
            contributions.forEach(c -> header.add(c.create()));
            header.add(whoIsSignedIn(user), signOut());
        });
        return header;
    }

    private Span whoIsSignedIn(PraxisUser user) {
        who.setId("signed-in-user");
        who.addClassName("praxis-signed-in");
        showSignedIn(user);
        return who;
    }

    private void showSignedIn(PraxisUser user) {
        who.removeAll();
        who.add(new Text(getTranslation("layout.signed-in-as", user.displayName(),
                getTranslation("role." + user.role().name()))));
        drawerWho.setText(getTranslation("layout.signed-in-as", user.displayName(),
                getTranslation("role." + user.role().name())));
    }

    /** Who is signed in and sign-out at the foot of the drawer too: on a phone the top bar has room for little. */
    private Div drawerAccount() {
        Div account = new Div();
        account.addClassName("praxis-drawer-account");
        currentUser.get().ifPresent(user -> {
            drawerWho.setId("drawer-signed-in-user");
            drawerWho.addClassName("praxis-signed-in");
            showSignedIn(user);
            Button signOut = new Button(getTranslation("layout.sign-out"), new Icon(VaadinIcon.SIGN_OUT),
                    click -> authenticationContext.logout());
            signOut.setId("drawer-sign-out");
            signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            account.add(drawerWho, signOut);
        });
        return account;
    }

    /** The signed-in person changed their name: the top bar says it at once, without a reload. */
    public void refreshSignedIn() {
        currentUser.get().ifPresent(this::showSignedIn);
    }

    private Button signOut() {
        Button signOut = new Button(getTranslation("layout.sign-out"), new Icon(VaadinIcon.SIGN_OUT),
                click -> authenticationContext.logout());
        signOut.setId("sign-out");
        // on a phone the label goes (styles.css) and the icon stays: the name says what it does
        signOut.setAriaLabel(getTranslation("layout.sign-out"));
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        return signOut;
    }

    private Footer footer() {
        Footer footer = new Footer();
        footer.addClassName("praxis-drawer-footer");
        footer.add(new Span(getTranslation("app.footer")));
        return footer;
    }
}
