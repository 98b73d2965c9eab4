package org.praxis.conversation;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Limits of conversation: the shortest time between two posts of one member. */
@ConfigurationProperties("praxis.conversation")
public record ConversationProperties(Duration minTimeBetweenPosts) {

    public ConversationProperties {
        minTimeBetweenPosts = minTimeBetweenPosts == null ? Duration.ofSeconds(5) : minTimeBetweenPosts;
    }
}
