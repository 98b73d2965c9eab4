package org.praxis.search;

import org.praxis.base.security.Signatures;
import org.springframework.stereotype.Component;

/**
 * What the index knows of whose a document is, for the access rule alone ("its author may always
 * read it"): a keyed digest of the member id, never the id. Nobody can ask for a person's token
 * without the installation's secret, so even a query that reached the field could not single out
 * what someone wrote. {@link #check()} tells an index made under another secret (it is rebuilt).
 */
@Component
class OwnerTokens {

    private static final String PURPOSE = "search-owner";

    private final Signatures signatures;

    OwnerTokens(Signatures signatures) {
        this.signatures = signatures;
    }

    String of(long memberId) {
        return signatures.digest(PURPOSE, String.valueOf(memberId));
    }

    /** The same for every index made under this secret; not the token of anyone. */
    String check() {
        return signatures.digest(PURPOSE + "-check", "");
    }
}
