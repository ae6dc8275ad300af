package io.ringside.adapters.persistence;

import io.ringside.domain.PendingAuthorization;
import io.ringside.domain.RingCentralConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.Base64;

import static io.ringside.adapters.persistence.Fixtures.CLOCK;
import static io.ringside.adapters.persistence.Fixtures.KEY;
import static io.ringside.adapters.persistence.Fixtures.KEYS;
import static io.ringside.adapters.persistence.Fixtures.NOW;
import static io.ringside.adapters.persistence.Fixtures.connected;
import static io.ringside.adapters.persistence.Fixtures.pending;
import static io.ringside.adapters.persistence.SecretColumn.ACCESS_TOKEN;
import static io.ringside.adapters.persistence.SecretColumn.CODE_VERIFIER;
import static io.ringside.adapters.persistence.SecretColumn.REFRESH_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each stored secret is bound to its table, column and row: someone with write access to the
 * database who copies one ciphertext over another (to make Ringside use a token where it expects
 * another, or an attacker's verifier for a victim's state) gets a refusal, not a working secret.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.Kind.class)
class SecretBindingContractTest {

    @Parameter
    TestDatabase.Kind kind;

    @TempDir
    Path dir;

    TestDatabase database;
    JdbcConnectionStore connections;
    JdbcPendingAuthorizationStore pendingAuthorizations;
    RawSecrets raw;

    @BeforeEach
    void openEmptyMigratedDatabase() {
        database = TestDatabase.open(kind, dir);
        connections = new JdbcConnectionStore(database.dataSource(), KEYS, CLOCK);
        pendingAuthorizations = new JdbcPendingAuthorizationStore(database.dataSource(), KEYS);
        raw = new RawSecrets(database.dataSource());
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void everyStoredSecretNamesTheKeyItNeeds() {
        connections.saveIfVersionMatches(connected("access-one", "refresh-one"));
        PendingAuthorization attempt = pending(NOW.plus(PendingAuthorization.LIFETIME));
        pendingAuthorizations.save(attempt);

        assertThat(raw.all()).hasSize(3).allSatisfy((where, stored) -> assertThat(stored).startsWith("v2:" + KEY.id() + ":"));
    }

    @Test
    void theRefreshTokenCopiedOverTheAccessTokenIsRefusedNotUsed() {
        String refresh = Fixtures.RandomTexts.token("REFRESH");
        connections.saveIfVersionMatches(connected(Fixtures.RandomTexts.token("ACCESS"), refresh));
        assertThat(connections.load()).isPresent(); // control: as stored, it reads

        raw.write(ACCESS_TOKEN, 1, raw.read(REFRESH_TOKEN, 1));

        assertThatThrownBy(connections::load)
                .isInstanceOf(AlteredSecretException.class)
                .hasMessageContaining("access token")
                .hasMessageContaining("copied from another")
                .hasMessageContaining("the key is not the cause")
                .hasMessageNotContaining(refresh);
    }

    @Test
    void oneAttemptsVerifierCopiedIntoAnotherAttemptsRowIsRefusedAndTheOriginalStillWorks() {
        PendingAuthorization attackers = pending(NOW.plus(PendingAuthorization.LIFETIME));
        PendingAuthorization victims = pending(NOW.plus(PendingAuthorization.LIFETIME));
        pendingAuthorizations.save(attackers);
        pendingAuthorizations.save(victims);

        raw.write(CODE_VERIFIER, victims.state(), raw.read(CODE_VERIFIER, attackers.state()));

        assertThatThrownBy(() -> pendingAuthorizations.take(victims.state(), NOW))
                .isInstanceOf(AlteredSecretException.class)
                .hasMessageContaining("PKCE code verifier")
                .hasMessageNotContaining(attackers.codeVerifier().value());
        assertThat(pendingAuthorizations.take(attackers.state(), NOW)).contains(attackers);
    }

    @Test
    void aVerifierCopiedIntoTheConnectionsTokenColumnIsRefused() {
        RingCentralConnection connection = connected("access-one", "refresh-one");
        connections.saveIfVersionMatches(connection);
        PendingAuthorization attempt = pending(NOW.plus(PendingAuthorization.LIFETIME));
        pendingAuthorizations.save(attempt);

        raw.write(ACCESS_TOKEN, 1, raw.read(CODE_VERIFIER, attempt.state()));

        assertThatThrownBy(connections::load).isInstanceOf(AlteredSecretException.class);
    }

    @Test
    void aChangedByteIsRefusedAndSoIsText() {
        connections.saveIfVersionMatches(connected("access-one", "refresh-one"));
        String stored = raw.read(ACCESS_TOKEN, 1);
        int sealedStart = stored.lastIndexOf(':') + 1;
        byte[] sealed = Base64.getDecoder().decode(stored.substring(sealedStart));
        sealed[sealed.length / 2] ^= 1;
        raw.write(ACCESS_TOKEN, 1, stored.substring(0, sealedStart) + Base64.getEncoder().encodeToString(sealed));

        assertThatThrownBy(connections::load).isInstanceOf(AlteredSecretException.class);

        raw.write(ACCESS_TOKEN, 1, "access-one");
        assertThatThrownBy(connections::load).isInstanceOf(AlteredSecretException.class)
                .hasMessageContaining("not in Ringside's encrypted format")
                .hasMessageNotContaining("access-one");
    }
}
