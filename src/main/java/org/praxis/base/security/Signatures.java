package org.praxis.base.security;

import static org.praxis.jooq.Tables.APP_SECRET;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Signs short values for links that must work without signing in and must not be forged (a
 * one-click unsubscribe, say): HMAC-SHA256 under the installation's secret, {@code PRAXIS_SECRET}
 * when set, otherwise one made at first use and kept in the database, so links survive restarts.
 */
@Component
public class Signatures {

    private final DSLContext db;
    private final String configured;
    private final org.springframework.transaction.support.TransactionTemplate ownTransaction;
    private volatile byte[] key;

    Signatures(DSLContext db, @Value("${praxis.secret:}") String configured,
            org.springframework.transaction.PlatformTransactionManager transactions) {
        this.db = db;
        this.configured = configured;
        // the key is saved in a transaction of its own, so a caller's rollback never leaves it unsaved but in use
        this.ownTransaction = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** {@code value} and its signature for {@code purpose}, as one URL-safe token. */
    public String sign(String purpose, String value) {
        return value + "." + mac(purpose, value);
    }

    /**
     * A keyed digest of {@code value} for {@code purpose}, URL-safe: the same value gives the
     * same digest, and nobody without the installation's secret can compute it or learn the value.
     */
    public String digest(String purpose, String value) {
        return mac(purpose, value);
    }

    /** The value a token signs for {@code purpose}, or null when it was not signed by us. */
    public String verify(String purpose, String token) {
        if (token == null) {
            return null;
        }
        int dot = token.lastIndexOf('.');
        if (dot <= 0) {
            return null;
        }
        String value = token.substring(0, dot);
        byte[] given = token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        byte[] expected = mac(purpose, value).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(given, expected) ? value : null;
    }

    private String mac(String purpose, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            byte[] digest = mac.doFinal((purpose + ":" + value).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] key() {
        byte[] k = key;
        if (k == null) {
            k = configured != null && !configured.isBlank() ? configured.getBytes(StandardCharsets.UTF_8)
                    : ownTransaction.execute(tx -> stored());
            key = k;
        }
        return k;
    }

    private byte[] stored() {
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        db.insertInto(APP_SECRET).set(APP_SECRET.NAME, "signing").set(APP_SECRET.VALUE, Base64.getEncoder().encodeToString(fresh))
                .onConflictDoNothing().execute();
        return Base64.getDecoder().decode(db.select(APP_SECRET.VALUE).from(APP_SECRET).where(APP_SECRET.NAME.eq("signing"))
                .fetchSingle(APP_SECRET.VALUE));
    }
}
