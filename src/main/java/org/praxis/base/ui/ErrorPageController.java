package org.praxis.base.ui;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.praxis.base.security.SecurityHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Answers the servlet container's error dispatch in place of Spring Boot's "Whitelabel Error Page":
 * every error outside the Vaadin views (404 of a file, 403 of a refused request, 405, 400, a
 * controller's 500) is Praxis's own page with the status it stands for. Server errors are logged
 * with the reference the page shows.
 */
@Controller
class ErrorPageController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ErrorPageController.class);

    private final PlainErrorPage page;

    ErrorPageController(PlainErrorPage page) {
        this.page = page;
    }

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<String> error(HttpServletRequest request, HttpServletResponse response) {
        int status = status(request);
        // an address Tomcat refuses is sent here without passing the security filters
        SecurityHeaders.addMissing(response);
        String reference = null;
        if (status >= 500) {
            reference = PlainErrorPage.newReference();
            log.error("Error {} answering {} {}", reference, request.getMethod(),
                    request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI),
                    (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION));
        }
        return ResponseEntity.status(status)
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .body(page.html(status, reference));
    }

    private static int status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        // /error asked for directly is no error of anything: there is no such page
        return code instanceof Integer status && status >= 400 ? status : 404;
    }
}
