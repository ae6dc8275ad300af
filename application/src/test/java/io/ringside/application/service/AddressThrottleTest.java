package io.ringside.application.service;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class AddressThrottleTest {

    private static final Instant T0 = Instant.parse("2026-11-29T09:00:00Z");

    @Test
    void anAddressIsThrottledAtTheLimitUntilItsOldestFailureLeavesTheWindow() {
        AddressThrottle throttle = new AddressThrottle(3, Duration.ofMinutes(10), 100);
        throttle.failed("a", T0);
        throttle.failed("a", T0.plusSeconds(60));
        assertThat(throttle.isThrottled("a", T0.plusSeconds(61))).isFalse();
        throttle.failed("a", T0.plusSeconds(120));

        assertThat(throttle.isThrottled("a", T0.plusSeconds(121))).isTrue();
        assertThat(throttle.isThrottled("b", T0.plusSeconds(121))).isFalse();
        assertThat(throttle.isThrottled("a", T0.plus(Duration.ofMinutes(10)).minusMillis(1))).isTrue();
        assertThat(throttle.isThrottled("a", T0.plus(Duration.ofMinutes(10)))).isFalse();
    }

    @Test
    void failuresWhileThrottledDoNotProlongTheWait() {
        AddressThrottle throttle = new AddressThrottle(2, Duration.ofMinutes(10), 100);
        throttle.failed("a", T0);
        throttle.failed("a", T0);
        throttle.failed("a", T0.plusSeconds(300));

        assertThat(throttle.isThrottled("a", T0.plus(Duration.ofMinutes(10)))).isFalse();
    }

    @Test
    void memoryIsBoundedTheAddressHeardFromLeastRecentlyIsForgotten() {
        AddressThrottle throttle = new AddressThrottle(1, Duration.ofMinutes(10), 2);
        throttle.failed("a", T0);
        throttle.failed("b", T0);
        assertThat(throttle.isThrottled("a", T0)).isTrue();
        throttle.failed("c", T0);

        assertThat(throttle.isThrottled("a", T0)).isTrue();
        assertThat(throttle.isThrottled("b", T0)).as("forgotten").isFalse();
        assertThat(throttle.isThrottled("c", T0)).isTrue();
    }

    @Test
    void noAddressIsOneBucket() {
        AddressThrottle throttle = new AddressThrottle(1, Duration.ofMinutes(10), 100);
        throttle.failed(null, T0);

        assertThat(throttle.isThrottled(null, T0)).isTrue();
        assertThat(throttle.isThrottled("a", T0)).isFalse();
    }
}
