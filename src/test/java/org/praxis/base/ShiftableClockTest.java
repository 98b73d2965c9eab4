package org.praxis.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ShiftableClockTest {

    private final ShiftableClock clock = ShiftableClock.utc();

    @Test
    void reads_the_system_time_unless_shifted() {
        Instant before = Instant.now();
        Instant read = clock.instant();
        assertThat(read).isBetween(before, Instant.now());
    }

    @Test
    void work_run_earlier_reads_that_much_earlier_and_shifts_add_up_then_end() {
        Instant[] seen = new Instant[2];
        clock.earlier(Duration.ofDays(3), () -> {
            seen[0] = clock.instant();
            seen[1] = clock.earlier(Duration.ofDays(1), clock::instant);
            return null;
        });
        Instant now = Instant.now();
        assertThat(Duration.between(seen[0], now)).isBetween(Duration.ofDays(3), Duration.ofDays(3).plusSeconds(5));
        assertThat(Duration.between(seen[1], now)).isBetween(Duration.ofDays(4), Duration.ofDays(4).plusSeconds(5));
        assertThat(Duration.between(clock.instant(), Instant.now()).abs()).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void other_threads_and_zoned_copies_follow_only_their_own_thread() throws Exception {
        clock.earlier(Duration.ofDays(2), () -> {
            Instant elsewhere = CompletableFuture.supplyAsync(clock::instant).join();
            assertThat(Duration.between(elsewhere, Instant.now()).abs()).isLessThan(Duration.ofSeconds(5));
            var zoned = clock.withZone(ZoneId.of("America/Los_Angeles"));
            assertThat(Duration.between(zoned.instant(), Instant.now())).isGreaterThanOrEqualTo(Duration.ofDays(2));
            return null;
        });
    }
}
