package io.ringside.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClaimsTest {

    private static final Instant T0 = Instant.parse("2026-11-29T14:00:00Z");
    private static final PhoneNumber PAT = PhoneNumber.of("+16025551234");
    private static final PhoneNumber LEE = PhoneNumber.of("+16025559876");
    private static final UUID MARIA = UUID.randomUUID();
    private static final UUID SAM = UUID.randomUUID();

    private final Claims claims = new Claims();

    private static Claim by(UUID user, String name, PhoneNumber phone, Instant at) {
        return new Claim(phone, user, name, at);
    }

    @Test
    void aClaimLastsTenMinutes() {
        Claim claim = by(MARIA, "Maria Lopez", PAT, T0);

        assertThat(claim.isActive(T0.plus(Claim.LASTS).minusNanos(1))).isTrue();
        assertThat(claim.isActive(T0.plus(Duration.ofMinutes(10)))).isFalse();
    }

    @Test
    void aClaimNeedsAPersonAndTheirName() {
        assertThatThrownBy(() -> new Claim(PAT, MARIA, " ", T0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name");
        assertThatThrownBy(() -> new Claim(PAT, null, "Maria", T0)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void theNewestClaimPerNumberWinsAndOnlyANewPersonIsAChange() {
        assertThat(claims.claim(by(MARIA, "Maria Lopez", PAT, T0))).isTrue();
        assertThat(claims.claim(by(MARIA, "Maria Lopez", PAT, T0.plusSeconds(30)))).as("Maria again").isFalse();
        assertThat(claims.claim(by(SAM, "Sam Rivera", PAT, T0.plusSeconds(60)))).isTrue();

        assertThat(claims.on(PAT, T0.plusSeconds(61))).map(Claim::displayName).contains("Sam Rivera");
        assertThat(claims.active(T0.plusSeconds(61))).hasSize(1);
    }

    @Test
    void claimingAgainRestartsTheTenMinutes() {
        claims.claim(by(MARIA, "Maria Lopez", PAT, T0));
        claims.claim(by(MARIA, "Maria Lopez", PAT, T0.plusSeconds(300)));

        assertThat(claims.expire(T0.plus(Claim.LASTS))).isFalse();
        assertThat(claims.on(PAT, T0.plus(Claim.LASTS))).isPresent();
    }

    @Test
    void aSaveEndsOnlyTheSaversClaim() {
        claims.claim(by(MARIA, "Maria Lopez", PAT, T0));
        claims.claim(by(SAM, "Sam Rivera", LEE, T0));

        assertThat(claims.saved(PAT, SAM)).as("Sam saved for Maria's caller").isFalse();
        assertThat(claims.saved(LEE, SAM)).isTrue();
        assertThat(claims.saved(LEE, SAM)).as("already over").isFalse();

        assertThat(claims.active(T0)).extracting(Claim::phone).containsExactly(PAT);
    }

    @Test
    void expiringRemovesWhatRanOutAndSaysWhetherAnythingDid() {
        claims.claim(by(MARIA, "Maria Lopez", PAT, T0));
        claims.claim(by(SAM, "Sam Rivera", LEE, T0.plusSeconds(120)));

        assertThat(claims.expire(T0.plus(Claim.LASTS).minusSeconds(1))).isFalse();
        assertThat(claims.expire(T0.plus(Claim.LASTS))).isTrue();
        assertThat(claims.active(T0.plus(Claim.LASTS))).extracting(Claim::phone).containsExactly(LEE);
    }

    @Test
    void aClaimThatRanOutIsNotShownEvenBeforeExpiry() {
        claims.claim(by(MARIA, "Maria Lopez", PAT, T0));

        assertThat(claims.on(PAT, T0.plus(Claim.LASTS))).isEmpty();
        assertThat(claims.active(T0.plus(Claim.LASTS))).isEmpty();
    }
}
