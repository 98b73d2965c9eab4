package org.praxis.base;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The application's clock: the system's, except while {@link #earlier(Duration, Supplier)} runs
 * work on the current thread, for which it reads that much earlier. Only the demo's seed uses it,
 * so that its story (an analysis shared three days ago, a comment the day after) goes through the
 * features' own services and still reads as days old. Other threads are never shifted.
 */
public final class ShiftableClock extends Clock {

    private final Clock system;
    private final ThreadLocal<Duration> shift;

    private ShiftableClock(Clock system, ThreadLocal<Duration> shift) {
        this.system = system;
        this.shift = shift;
    }

    /** Runs {@code work} on this thread with the clock reading {@code by} earlier (shifts add up). */
    public <T> T earlier(Duration by, Supplier<T> work) {
        Objects.requireNonNull(by);
        Duration before = shift.get();
        shift.set(before == null ? by : before.plus(by));
        try {
            return work.get();
        } finally {
            if (before == null) {
                shift.remove();
            } else {
                shift.set(before);
            }
        }
    }

    @Override
    public Instant instant() {
        Duration by = shift.get();
        Instant now = system.instant();
        return by == null ? now : now.minus(by);
    }

    @Override
    public long millis() {
        return instant().toEpochMilli();
    }

    @Override
    public ZoneId getZone() {
        return system.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return zone.equals(system.getZone()) ? this : new ShiftableClock(system.withZone(zone), shift);
    }

    /** The system's UTC clock with no shift: what {@link ClockConfiguration} gives everyone. */
    static ShiftableClock utc() {
        return new ShiftableClock(Clock.system(ZoneOffset.UTC), new ThreadLocal<>());
    }
}
