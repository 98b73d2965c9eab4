package org.praxis.base.security;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The protective headers besides the Content-Security-Policy. Spring Security writes them on every
 * response that passes its filter chain; {@link #addMissing} writes them where Tomcat answers an
 * error without running the application's filters.
 */
public final class SecurityHeaders {

    /** Browser features Praxis never uses, switched off for it and for anything it might embed. */
    public static final String PERMISSIONS_POLICY = "accelerometer=(), camera=(), display-capture=(), geolocation=(), "
            + "gyroscope=(), hid=(), magnetometer=(), microphone=(), midi=(), payment=(), serial=(), usb=()";

    /** Secret links (invitations, calendar feeds) live in paths: never hand an address to another site. */
    public static final String REFERRER_POLICY = "same-origin";

    private SecurityHeaders() {
    }

    /** Sets each protective header the response does not have yet. */
    public static void addMissing(HttpServletResponse response) {
        setIfAbsent(response, ContentSecurityPolicy.HEADER, ContentSecurityPolicy.everywhere());
        setIfAbsent(response, "X-Content-Type-Options", "nosniff");
        setIfAbsent(response, "X-Frame-Options", "DENY");
        setIfAbsent(response, "Referrer-Policy", REFERRER_POLICY);
        setIfAbsent(response, "Permissions-Policy", PERMISSIONS_POLICY);
    }

    private static void setIfAbsent(HttpServletResponse response, String name, String value) {
        if (!response.containsHeader(name)) {
            response.setHeader(name, value);
        }
    }
}
