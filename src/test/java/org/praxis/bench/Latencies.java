package org.praxis.bench;

import java.util.Arrays;

/** Timing and percentiles for the benchmark harnesses. */
final class Latencies {

    private Latencies() {
    }

    interface Step {
        void run(int i) throws Exception;
    }

    /** Runs {@code warmup} untimed rounds, then {@code rounds} timed ones; the times, sorted, in nanoseconds. */
    static long[] time(int warmup, int rounds, Step step) throws Exception {
        for (int i = 0; i < warmup; i++) {
            step.run(i);
        }
        long[] nanos = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            step.run(i);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return nanos;
    }

    static void report(String what, long[] sorted) {
        System.out.printf("%-60s n=%d  p50 %.1f ms  p95 %.1f ms  p99 %.1f ms  max %.1f ms%n", what, sorted.length,
                ms(sorted, 0.50), ms(sorted, 0.95), ms(sorted, 0.99), sorted[sorted.length - 1] / 1e6);
    }

    /** The {@code q} quantile (nearest rank) of sorted nanoseconds, in milliseconds. */
    static double ms(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, Math.max(0, (int) Math.ceil(q * sorted.length) - 1))] / 1e6;
    }
}
