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
import java.util.Map;

import static io.ringside.adapters.persistence.Fixtures.CLOCK;
import static io.ringside.adapters.persistence.Fixtures.NOW;
import static io.ringside.adapters.persistence.Fixtures.RANDOM;
import static io.ringside.adapters.persistence.Fixtures.connected;
import static io.ringside.adapters.persistence.Fixtures.pending;
import static io.ringside.adapters.persistence.SecretColumn.ACCESS_TOKEN;
import static io.ringside.adapters.persistence.SecretColumn.CODE_VERIFIER;
import static io.ringside.adapters.persistence.SecretColumn.REFRESH_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Changing the encryption key: Ringside started with a new key and the old one as the previous
 * key re-encrypts every stored secret (access token, refresh token, PKCE verifier) under the new
 * one, after which the old key is no longer needed. On a real H2 file database and a real PostgreSQL.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.Kind.class)
class StoredSecretReEncryptionContractTest {

    static final EncryptionKey OLD = EncryptionKey.generate(RANDOM);
    static final EncryptionKey NEW = EncryptionKey.generate(RANDOM);
    static final EncryptionKey UNRELATED = EncryptionKey.generate(RANDOM);

    @Parameter
    TestDatabase.Kind kind;

    @TempDir
    Path dir;

    TestDatabase database;
    RawSecrets raw;
    RingCentralConnection connection;
    PendingAuthorization attempt;

    @BeforeEach
    void databaseWrittenWithTheOldKey() {
        database = TestDatabase.open(kind, dir);
        raw = new RawSecrets(database.dataSource());
        connection = connected(Fixtures.RandomTexts.token("ACCESS"), Fixtures.RandomTexts.token("REFRESH"));
        attempt = pending(NOW.plus(PendingAuthorization.LIFETIME));
        connections(EncryptionKeys.of(OLD)).saveIfVersionMatches(connection);
        pendingAuthorizations(EncryptionKeys.of(OLD)).save(attempt);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aStartWithTheNewAndThePreviousKeyReEncryptsEverySecretAfterWhichTheNewKeyAloneReadsThem() {
        EncryptionKeys rotating = EncryptionKeys.rotating(NEW, OLD);

        StoredSecretReEncryption.Report report = reEncryption(rotating).reEncryptToCurrentKey();

        assertThat(report.fromPreviousKey()).isEqualTo(3);
        assertThat(report.reEncrypted()).isEqualTo(3);
        assertThat(report.alreadyCurrent()).isZero();
        assertThat(report.leftUnreadable()).isEmpty();
        assertThat(report.currentKeyId()).isEqualTo(NEW.id());
        assertThat(raw.all()).hasSize(3).allSatisfy((where, stored) -> assertThat(stored).startsWith("v2:" + NEW.id() + ":"));

        EncryptionKeys onlyTheNewKey = EncryptionKeys.of(NEW);
        assertThat(connections(onlyTheNewKey).load()).contains(connection);
        assertThat(pendingAuthorizations(onlyTheNewKey).take(attempt.state(), NOW)).contains(attempt);
        assertThatThrownBy(() -> connections(EncryptionKeys.of(OLD)).load())
                .as("the old key alone no longer reads them")
                .isInstanceOf(EncryptionKeyChangedException.class)
                .hasMessageContaining("saved with key id " + NEW.id());
    }

    @Test
    void aSecondRunFindsEverythingCurrentAndChangesNothing() {
        EncryptionKeys rotating = EncryptionKeys.rotating(NEW, OLD);
        reEncryption(rotating).reEncryptToCurrentKey();
        Map<String, String> afterTheFirstRun = raw.all();

        StoredSecretReEncryption.Report second = reEncryption(rotating).reEncryptToCurrentKey();

        assertThat(second.reEncrypted()).isZero();
        assertThat(second.alreadyCurrent()).isEqualTo(3);
        assertThat(raw.all()).isEqualTo(afterTheFirstRun);
        assertThat(reEncryption(EncryptionKeys.of(NEW)).reEncryptToCurrentKey().reEncrypted()).isZero();
        assertThat(raw.all()).isEqualTo(afterTheFirstRun);
    }

    @Test
    void beforeTheRunTheStoresAlreadyReadWhatThePreviousKeyEncryptedAndWriteWithTheNewOne() {
        // e.g. a second instance still writing with the old key while this one starts with the new one
        EncryptionKeys rotating = EncryptionKeys.rotating(NEW, OLD);
        JdbcConnectionStore store = connections(rotating);

        assertThat(store.load()).contains(connection);
        assertThat(pendingAuthorizations(rotating).take(attempt.state(), NOW)).contains(attempt);

        store.delete();
        store.saveIfVersionMatches(connection);
        assertThat(raw.read(ACCESS_TOKEN, 1)).startsWith("v2:" + NEW.id() + ":");
    }

    @Test
    void aWrongPreviousKeyIsRefusedNamingTheKeyIdTheSecretsNeedAndNothingChanges() {
        Map<String, String> before = raw.all();

        assertThatThrownBy(() -> reEncryption(EncryptionKeys.rotating(NEW, UNRELATED)).reEncryptToCurrentKey())
                .isInstanceOf(PreviousKeyMismatchException.class)
                .hasMessageContaining("RINGSIDE_ENCRYPTION_KEY_PREVIOUS (key id " + UNRELATED.id() + ") is not the key")
                .hasMessageContaining("ringcentral_connection.access_token_encrypted needs key id " + OLD.id())
                .hasMessageContaining("pending_authorization.code_verifier_encrypted needs key id " + OLD.id())
                .hasMessageContaining("RINGSIDE_ENCRYPTION_KEY has key id " + NEW.id())
                .hasMessageContaining("Nothing was re-encrypted")
                .hasMessageNotContaining(OLD.toBase64()).hasMessageNotContaining(UNRELATED.toBase64());
        assertThat(raw.all()).isEqualTo(before);
    }

    @Test
    void whenOnlySomeSecretsNeedAnotherKeyTheOnesThePreviousKeyCouldMoveAreRolledBackToo() {
        // The connection is under the previous key (movable), the attempt under a key nobody gave Ringside.
        connections(EncryptionKeys.of(OLD)).delete();
        connections(EncryptionKeys.of(UNRELATED)).saveIfVersionMatches(connection);
        Map<String, String> before = raw.all();

        assertThatThrownBy(() -> reEncryption(EncryptionKeys.rotating(NEW, UNRELATED)).reEncryptToCurrentKey())
                .isInstanceOf(PreviousKeyMismatchException.class)
                .hasMessageContaining("pending_authorization.code_verifier_encrypted needs key id " + OLD.id())
                .hasMessageNotContaining("ringcentral_connection");

        assertThat(raw.all()).isEqualTo(before);
        assertThat(raw.read(ACCESS_TOKEN, 1)).startsWith("v2:" + UNRELATED.id() + ":");
    }

    @Test
    void withoutAPreviousKeySecretsUnderAnUnknownKeyAreLeftAsTheyAreAndReadingThemSaysWhichKeyTheyNeed() {
        Map<String, String> before = raw.all();

        StoredSecretReEncryption.Report report = reEncryption(EncryptionKeys.of(NEW)).reEncryptToCurrentKey();

        assertThat(report.reEncrypted()).isZero();
        assertThat(report.leftUnreadable()).extracting(StoredSecretReEncryption.Unreadable::reason)
                .containsOnly("needs key id " + OLD.id()).hasSize(3);
        assertThat(raw.all()).isEqualTo(before);
        assertThatThrownBy(() -> connections(EncryptionKeys.of(NEW)).load())
                .isInstanceOf(EncryptionKeyChangedException.class)
                .hasMessageContaining("encryption key changed")
                .hasMessageContaining("saved with key id " + OLD.id())
                .hasMessageContaining("RINGSIDE_ENCRYPTION_KEY has key id " + NEW.id())
                .hasMessageContaining("RINGSIDE_ENCRYPTION_KEY_PREVIOUS");
    }

    @Test
    void secretsStoredBeforeKeyIdsAreReadWithTheCurrentKeyAndReEncryptedOnce() {
        storeLegacy(OLD);
        EncryptionKeys sameKey = EncryptionKeys.of(OLD);
        assertThat(connections(sameKey).load()).contains(connection);

        StoredSecretReEncryption.Report report = reEncryption(sameKey).reEncryptToCurrentKey();

        assertThat(report.fromFormatWithoutKeyId()).isEqualTo(3);
        assertThat(raw.all()).allSatisfy((where, stored) -> assertThat(stored).startsWith("v2:" + OLD.id() + ":"));
        assertThat(connections(sameKey).load()).contains(connection);
        assertThat(pendingAuthorizations(sameKey).take(attempt.state(), NOW)).contains(attempt);
        assertThat(reEncryption(sameKey).reEncryptToCurrentKey().reEncrypted()).isZero();
    }

    @Test
    void secretsStoredBeforeKeyIdsMoveToANewKeyInTheSameRun() {
        storeLegacy(OLD);

        StoredSecretReEncryption.Report report = reEncryption(EncryptionKeys.rotating(NEW, OLD)).reEncryptToCurrentKey();

        assertThat(report.fromFormatWithoutKeyId()).isEqualTo(3);
        assertThat(connections(EncryptionKeys.of(NEW)).load()).contains(connection);
        assertThat(pendingAuthorizations(EncryptionKeys.of(NEW)).take(attempt.state(), NOW)).contains(attempt);
    }

    @Test
    void secretsStoredBeforeKeyIdsThatNeitherKeyReadsRefuseAWrongPreviousKey() {
        storeLegacy(OLD);
        Map<String, String> before = raw.all();

        assertThatThrownBy(() -> reEncryption(EncryptionKeys.rotating(NEW, UNRELATED)).reEncryptToCurrentKey())
                .isInstanceOf(PreviousKeyMismatchException.class)
                .hasMessageContaining("saved before key ids were recorded");
        assertThat(raw.all()).isEqualTo(before);
        assertThatThrownBy(() -> connections(EncryptionKeys.of(NEW)).load())
                .isInstanceOf(EncryptionKeyChangedException.class)
                .hasMessageContaining("saved before Ringside recorded key ids");
    }

    @Test
    void aSecretCopiedToAnotherPlaceIsLeftForTheReadToRefuseAndTheRestIsStillReEncrypted() {
        raw.write(REFRESH_TOKEN, 1, raw.read(ACCESS_TOKEN, 1));

        StoredSecretReEncryption.Report report = reEncryption(EncryptionKeys.rotating(NEW, OLD)).reEncryptToCurrentKey();

        assertThat(report.reEncrypted()).isEqualTo(2);
        assertThat(report.leftUnreadable()).containsExactly(new StoredSecretReEncryption.Unreadable(
                "ringcentral_connection.refresh_token_encrypted", "does not belong in its column and row, or was changed"));
        assertThat(raw.read(CODE_VERIFIER, attempt.state())).startsWith("v2:" + NEW.id() + ":");
    }

    private void storeLegacy(EncryptionKey key) {
        raw.write(ACCESS_TOKEN, 1, RawSecrets.legacy(key, connection.accessToken().value()));
        raw.write(REFRESH_TOKEN, 1, RawSecrets.legacy(key, connection.refreshToken().value()));
        raw.write(CODE_VERIFIER, attempt.state(), RawSecrets.legacy(key, attempt.codeVerifier().value()));
    }

    private JdbcConnectionStore connections(EncryptionKeys keys) {
        return new JdbcConnectionStore(database.dataSource(), keys, CLOCK);
    }

    private JdbcPendingAuthorizationStore pendingAuthorizations(EncryptionKeys keys) {
        return new JdbcPendingAuthorizationStore(database.dataSource(), keys);
    }

    private StoredSecretReEncryption reEncryption(EncryptionKeys keys) {
        return new StoredSecretReEncryption(database.dataSource(), keys);
    }
}
