package io.ringside.adapters.persistence.cluster;

import io.ringside.application.port.out.ClaimStore;
import io.ringside.domain.Claim;
import io.ringside.domain.PhoneNumber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The ClaimStore contract: in memory, on a real H2 file database and on a real PostgreSQL. */
@ParameterizedClass(name = "{0}")
@EnumSource(Implementation.class)
class ClaimStoreContractTest {

    static final Instant NOW = Instant.parse("2026-11-29T10:15:30.123456Z");
    static final PhoneNumber ANA = PhoneNumber.of("+16025551234");
    static final PhoneNumber BEN = PhoneNumber.of("+442071838750");
    static final UUID MARIA = UUID.randomUUID();
    static final UUID JONAS = UUID.randomUUID();

    @Parameter
    Implementation implementation;

    @TempDir
    Path dir;

    Implementation.Opened<ClaimStore> opened;
    ClaimStore claims;

    @BeforeEach
    void open() {
        opened = implementation.open(dir, InMemoryClaimStore::new, JdbcClaimStore::new);
        claims = opened.store();
    }

    @AfterEach
    void close() {
        opened.close();
    }

    @Test
    void claimsComeBackOldestFirst() {
        Claim onAna = new Claim(ANA, MARIA, "Maria", NOW.minusSeconds(30));
        Claim onBen = new Claim(BEN, JONAS, "Jonas", NOW.minusSeconds(60));
        claims.put(onAna);
        claims.put(onBen);

        assertThat(claims.active(NOW)).containsExactly(onBen, onAna);
    }

    @Test
    void aLaterClaimOnTheSameNumberReplacesTheFormer() {
        claims.put(new Claim(ANA, MARIA, "Maria", NOW.minusSeconds(30)));
        Claim jonas = new Claim(ANA, JONAS, "Jonas", NOW);

        claims.put(jonas);

        assertThat(claims.active(NOW)).containsExactly(jonas);
    }

    @Test
    void onlyTheClaimerReleasesAClaim() {
        Claim onAna = new Claim(ANA, MARIA, "Maria", NOW);
        claims.put(onAna);

        assertThat(claims.release(ANA, JONAS)).isFalse();
        assertThat(claims.release(BEN, MARIA)).isFalse();
        assertThat(claims.active(NOW)).containsExactly(onAna);

        assertThat(claims.release(ANA, MARIA)).isTrue();
        assertThat(claims.active(NOW)).isEmpty();
        assertThat(claims.release(ANA, MARIA)).as("released already").isFalse();
    }

    @Test
    void aClaimEndsWhenItsTimeIsUpAsTheDomainSays() {
        Claim onAna = new Claim(ANA, MARIA, "Maria", NOW);
        Claim onBen = new Claim(BEN, JONAS, "Jonas", NOW.plusSeconds(1));
        claims.put(onAna);
        claims.put(onBen);
        Instant lastMoment = NOW.plus(Claim.LASTS).minus(1, ChronoUnit.MICROS);
        Instant over = NOW.plus(Claim.LASTS);

        assertThat(claims.active(lastMoment)).containsExactly(onAna, onBen);
        assertThat(claims.expire(lastMoment)).isZero();

        assertThat(claims.active(over)).as("over, even before it is expired").containsExactly(onBen);
        assertThat(claims.expire(over)).isEqualTo(1);
        assertThat(claims.expire(over)).isZero();
        assertThat(claims.active(NOW)).containsExactly(onBen);
    }
}
