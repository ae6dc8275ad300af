package io.ringside.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PendingAuthorizationTest {

    private static final Instant NOW = Instant.parse("2026-11-22T15:00:00Z");
    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void stateIsAtLeast128RandomBitsUrlSafe() {
        PendingAuthorization pending = PendingAuthorization.start("admin", NOW, RANDOM);

        assertThat(pending.state()).matches("[A-Za-z0-9_-]+");
        assertThat(Base64.getUrlDecoder().decode(pending.state())).hasSizeGreaterThanOrEqualTo(16);
        assertThat(PendingAuthorization.looksLikeState(pending.state())).isTrue();
    }

    @Test
    void everyAttemptHasItsOwnStateAndVerifier() {
        Set<String> states = new HashSet<>();
        Set<String> verifiers = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            PendingAuthorization pending = PendingAuthorization.start("admin", NOW, RANDOM);
            states.add(pending.state());
            verifiers.add(pending.codeVerifier().value());
        }

        assertThat(states).hasSize(1000);
        assertThat(verifiers).hasSize(1000);
    }

    @Test
    void verifierIs43To128UnreservedCharacters() {
        String verifier = PendingAuthorization.start("admin", NOW, RANDOM).codeVerifier().value();

        assertThat(verifier).hasSizeBetween(43, 128).matches("[A-Za-z0-9._~-]+");
    }

    @Test
    void verifierRejectsWhatRfc7636DoesNotAllow() {
        assertThat(new CodeVerifier("a".repeat(43)).value()).hasSize(43);
        assertThat(new CodeVerifier("~._-".repeat(32)).value()).hasSize(128);
        assertThatThrownBy(() -> new CodeVerifier("a".repeat(42))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CodeVerifier("a".repeat(129))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CodeVerifier("a".repeat(42) + "+")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CodeVerifier("a".repeat(42) + "/")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CodeVerifier(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void s256ChallengeMatchesRfc7636AppendixB() {
        CodeVerifier verifier = new CodeVerifier("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");

        assertThat(verifier.s256Challenge()).isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
    }

    @Test
    void theAttemptsChallengeIsItsVerifiersS256() {
        PendingAuthorization pending = PendingAuthorization.start("admin", NOW, RANDOM);

        assertThat(pending.codeChallenge())
                .isEqualTo(pending.codeVerifier().s256Challenge())
                .isNotEqualTo(pending.codeVerifier().value())
                .hasSize(43);
    }

    @Test
    void expiresTenMinutesAfterItStarted() {
        PendingAuthorization pending = PendingAuthorization.start("admin", NOW, RANDOM);

        assertThat(pending.expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(10)));
        assertThat(pending.isExpiredAt(NOW.plus(Duration.ofMinutes(10)).minusSeconds(1))).isFalse();
        assertThat(pending.isExpiredAt(NOW.plus(Duration.ofMinutes(10)))).isTrue();
    }

    @Test
    void remembersWhoStartedIt() {
        assertThat(PendingAuthorization.start("alice-admin", NOW, RANDOM).startedBy()).isEqualTo("alice-admin");
        assertThatThrownBy(() -> PendingAuthorization.start(" ", NOW, RANDOM)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "short",
            "abc def ghi jkl mno pqr stu",        // spaces
            "AAAAAAAAAAAAAAAAAAAAAAAAAAAA+/",     // standard base64, not URL-safe
            "AAAAAAAAAAAAAAAAAAAAAA=",           // padding
            "<script>alert(1)</script>AAAAAAAAAAA",
            "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" // 129
    })
    void looksLikeStateRejectsJunk(String junk) {
        assertThat(PendingAuthorization.looksLikeState(junk)).isFalse();
        assertThatThrownBy(() -> new PendingAuthorization(junk, new CodeVerifier("a".repeat(43)), "admin", NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void noVerifierValueAppearsInToString() {
        PendingAuthorization pending = PendingAuthorization.start("admin", NOW, RANDOM);
        String verifier = pending.codeVerifier().value();

        assertThat(pending.codeVerifier().toString()).doesNotContain(verifier);
        assertThat(pending.toString()).doesNotContain(verifier).contains("admin"); // positive control
    }
}
