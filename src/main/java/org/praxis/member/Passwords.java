package org.praxis.member;

import java.nio.charset.StandardCharsets;
import org.praxis.base.Validation;
import org.praxis.base.security.Accounts;

/** The rules a new password must meet, wherever one is chosen: long enough, not too long for bcrypt, not the email, typed twice alike. */
public final class Passwords {

    private Passwords() {
    }

    /**
     * Checks {@code next} (field {@code nextField}) and that {@code repeated} (field
     * {@code repeatedField}) matches it. {@code current}, when given, must differ from it.
     */
    public static void check(Validation v, String nextField, String repeatedField, String next, String repeated,
            String email, String current) {
        if (next == null || next.isEmpty()) {
            v.reject(nextField, "validation.required");
        } else if (next.length() < MemberService.PASSWORD_MIN) {
            v.reject(nextField, "account.password.too-short", MemberService.PASSWORD_MIN);
        } else if (next.getBytes(StandardCharsets.UTF_8).length > MemberService.PASSWORD_MAX_BYTES) {
            v.reject(nextField, "account.password.too-long");
        } else if (current != null && next.equals(current)) {
            v.reject(nextField, "account.password.same");
        } else if (email != null && (next.strip().equalsIgnoreCase(email.strip())
                || next.strip().equalsIgnoreCase(Accounts.key(email)))) {
            v.reject(nextField, "account.password.is-email");
        }
        if (!v.hasError(nextField) && !next.equals(repeated)) {
            v.reject(repeatedField, "account.password.mismatch");
        }
    }
}
