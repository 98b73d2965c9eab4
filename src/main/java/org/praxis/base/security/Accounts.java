package org.praxis.base.security;

import java.util.Locale;

/** How an email becomes the key an account is found and throttled by. */
public final class Accounts {

    private Accounts() {
    }

    public static String key(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }
}
