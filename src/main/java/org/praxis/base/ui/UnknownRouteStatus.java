package org.praxis.base.ui;

import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.Router;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.communication.IndexHtmlResponse;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;

/**
 * The page for an address that matches no view loads as usual and shows {@link NotFoundView}; its
 * HTTP status says 404 too, so links checkers, crawlers and monitors see it for what it is.
 */
@Component
class UnknownRouteStatus implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        Router router = event.getSource().getRouter();
        event.addIndexHtmlRequestListener(response -> markUnknown(router, response));
    }

    private static void markUnknown(Router router, IndexHtmlResponse response) {
        VaadinRequest request = response.getVaadinRequest();
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        if (path.startsWith("/")) {
            path = path.substring(1);
        }
        Location location;
        try {
            location = new Location(path);
        } catch (IllegalArgumentException e) {
            response.getVaadinResponse().setStatus(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        if (router.resolveNavigationTarget(location).isEmpty()) {
            response.getVaadinResponse().setStatus(HttpServletResponse.SC_NOT_FOUND);
        }
    }
}
