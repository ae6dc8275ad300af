package io.ringside.simulator.limits;

import java.time.Duration;

/**
 * The rate limiter's verdict on one request, with what the {@code X-Rate-Limit-*} headers report.
 *
 * @param retryAfter when refused: how long the penalty now lasts
 */
public record RateDecision(boolean allowed, ThrottlingGroup group, int limit, int remaining, Duration window,
                           Duration retryAfter) {
}
