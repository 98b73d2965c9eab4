package org.praxis.search;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the Lucene index lives (empty: a temporary folder, as in tests), how often the indexer
 * looks at the outbox, and how often the index is committed to disk with its outbox checkpoint.
 */
@ConfigurationProperties("praxis.search")
public record SearchProperties(String indexDir, Duration poll, Duration commitEvery) {

    public SearchProperties {
        poll = poll == null ? Duration.ofMillis(250) : poll;
        commitEvery = commitEvery == null ? Duration.ofSeconds(5) : commitEvery;
    }
}
