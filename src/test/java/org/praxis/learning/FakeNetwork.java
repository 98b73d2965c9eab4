package org.praxis.learning;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Stand-ins for the practice-note and harvest features, which implement {@link NetworkPassages}
 * and {@link NetworkCounts} in the application: tests say, per cohort, what is shared with the
 * network now, and withdraw it. Each test uses its own cohort, so tests do not see each other's.
 */
@TestConfiguration
public class FakeNetwork {

    /** What each cohort shares with the network now. */
    public static final Map<Long, List<NetworkPassage>> PASSAGES = new ConcurrentHashMap<>();
    /** Each cohort's practice notes by area. */
    public static final Map<Long, Map<String, Long>> NOTES_BY_AREA = new ConcurrentHashMap<>();

    public static void share(long cohortId, NetworkPassage passage) {
        PASSAGES.computeIfAbsent(cohortId, k -> new CopyOnWriteArrayList<>()).add(passage);
    }

    public static void withdraw(long cohortId, String title) {
        PASSAGES.getOrDefault(cohortId, List.of()).removeIf(p -> p.title().equals(title));
    }

    // before the application's own (practice notes), so the fake's section is "counts-1"
    @Bean
    @org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
    NetworkPassages fakePassages() {
        return (cohortId, from, to) -> PASSAGES.getOrDefault(cohortId, List.of()).stream()
                .filter(p -> !p.at().isBefore(from) && p.at().isBefore(to)).toList();
    }

    @Bean
    @org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
    NetworkCounts fakeNoteCounts() {
        return new NetworkCounts() {
            @Override
            public String labelKey() {
                return "learning.notes-by-area";
            }

            @Override
            public Map<String, Long> countsByArea(long cohortId, Instant from, Instant to) {
                return NOTES_BY_AREA.getOrDefault(cohortId, Map.of());
            }
        };
    }
}
