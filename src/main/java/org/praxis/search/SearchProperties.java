package org.praxis.search;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the Lucene index lives (empty: a temporary folder, as in tests), how often the indexer
 * looks at the outbox, how often the index is committed to disk with its outbox checkpoint, and
 * how long outbox rows are kept for nodes that stopped reporting (rows every live node has read
 * go sooner).
 */
@ConfigurationProperties("praxis.search")
public record SearchProperties(String indexDir, Duration poll, Duration commitEvery, Duration outboxRetention) {

    public SearchProperties {
        poll = poll == null ? Duration.ofMillis(250) : poll;
        commitEvery = commitEvery == null ? Duration.ofSeconds(5) : commitEvery;
        outboxRetention = outboxRetention == null ? Duration.ofDays(7) : outboxRetention;
    }
}
