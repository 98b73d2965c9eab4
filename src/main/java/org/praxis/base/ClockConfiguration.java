package org.praxis.base;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One clock for everything that asks the time, so tests can move it; shiftable on one thread for
 * the demo's seed ({@link ShiftableClock}).
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    @Bean
    Clock clock() {
        return ShiftableClock.utc();
    }
}
