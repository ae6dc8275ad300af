package io.ringside.application.port.in;

import java.time.Instant;

/**
 * One RingCentral rate-limit group as the admin page shows it.
 *
 * @param group        RingCentral's name: Heavy, Medium, Light or Auth
 * @param blockedUntil when the group may send again, or null
 * @param blockReason  why it is blocked, in words, or null
 */
public record RequestUsage(String group, int limit, int sentInWindow, Instant blockedUntil, String blockReason) {
}
