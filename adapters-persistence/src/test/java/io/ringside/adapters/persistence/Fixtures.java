package io.ringside.adapters.persistence;

import io.ringside.domain.AccessToken;
import io.ringside.domain.Actor;
import io.ringside.domain.CodeVerifier;
import io.ringside.domain.IssuedTokens;
import io.ringside.domain.PendingAuthorization;
import io.ringside.domain.RefreshToken;
import io.ringside.domain.RingCentralConnection;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

/** Values and helpers the store tests share. Instants are whole microseconds: what the databases keep. */
final class Fixtures {

    static final Instant NOW = Instant.parse("2026-11-22T14:30:15.123456Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final SecureRandom RANDOM = new SecureRandom();
    static final EncryptionKey KEY = EncryptionKey.generate(RANDOM);
    static final EncryptionKeys KEYS = EncryptionKeys.of(KEY);
    static final Actor OPERATOR = new Actor(UUID.fromString("5f0c6a52-3f7e-4d4e-9a34-0d3c7e1b2a61"), "olive", "Olive Operator",
            "203.0.113.7");

    private Fixtures() {
    }

    static AccessToken accessToken(String value) {
        return new AccessToken(value, NOW.plus(Duration.ofHours(1)));
    }

    static RefreshToken refreshToken(String value) {
        return new RefreshToken(value, NOW, NOW.plus(Duration.ofDays(7)));
    }

    static RingCentralConnection connected(String accessToken, String refreshToken) {
        return RingCentralConnection.establish(
                new IssuedTokens(accessToken(accessToken), refreshToken(refreshToken), "owner-4242", "scope"),
                "admin", NOW);
    }

    static PendingAuthorization pending(Instant expiresAt) {
        return new PendingAuthorization(RandomTexts.state(), CodeVerifier.random(RANDOM), "admin", expiresAt);
    }

    /** Runs {@code task} on {@code threads} threads released at the same instant; returns their results. */
    static <T> List<T> race(int threads, Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch ready = new CountDownLatch(threads);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = IntStream.range(0, threads)
                    .mapToObj(i -> pool.submit(() -> {
                        ready.countDown();
                        go.await();
                        return task.call();
                    }))
                    .toList();
            ready.await();
            go.countDown();
            return futures.stream().map(Fixtures::get).toList();
        } finally {
            pool.shutdownNow();
        }
    }

    private static <T> T get(Future<T> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static final class RandomTexts {
        private RandomTexts() {
        }

        static String state() {
            byte[] bytes = new byte[24];
            RANDOM.nextBytes(bytes);
            return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }

        static String token(String prefix) {
            return prefix + "-" + state();
        }
    }
}
