package io.ringside.adapters.persistence;

import io.ringside.application.port.out.ConnectionStore;
import io.ringside.domain.AccessToken;
import io.ringside.domain.RefreshToken;
import io.ringside.domain.RingCentralConnection;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * The one RingCentral connection, as the single row {@code id = 1} of {@code ringcentral_connection}.
 * Compare-and-set is plain SQL whose update count decides the race: version 1 is an insert that
 * the primary key lets only one writer make; every later version is an
 * {@code UPDATE … WHERE version = previous}, which the database applies for one writer only.
 * The tokens are stored encrypted, each bound to its column and this row (see {@link SecretCipher}).
 */
public class JdbcConnectionStore implements ConnectionStore {

    private static final int THE_ROW = 1;

    private static final String COLUMNS = """
            status, access_token_encrypted, access_token_expires_at,
            refresh_token_encrypted, refresh_token_issued_at, refresh_token_expires_at,
            owner_id, connected_by, connected_at, last_refreshed_at, problem, version, written_at""";

    private final JdbcClient jdbc;
    private final SecretCipher cipher;
    private final Clock clock;

    public JdbcConnectionStore(DataSource dataSource, EncryptionKeys keys, Clock clock) {
        this.jdbc = JdbcClient.create(Objects.requireNonNull(dataSource, "dataSource"));
        this.cipher = new SecretCipher(keys);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Optional<RingCentralConnection> load() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM ringcentral_connection WHERE id = :id")
                .param("id", THE_ROW)
                .query((rs, n) -> toConnection(rs))
                .optional();
    }

    @Override
    public SaveResult saveIfVersionMatches(RingCentralConnection connection) {
        Objects.requireNonNull(connection, "connection");
        return connection.version() == 1 ? insertFirst(connection) : updateOver(connection, connection.version() - 1);
    }

    @Override
    public void delete() {
        jdbc.sql("DELETE FROM ringcentral_connection WHERE id = :id").param("id", THE_ROW).update();
    }

    private SaveResult insertFirst(RingCentralConnection connection) {
        try {
            bind(jdbc.sql("INSERT INTO ringcentral_connection (id, " + COLUMNS + ") VALUES (:id, "
                    + ":status, :accessToken, :accessTokenExpiresAt, :refreshToken, :refreshTokenIssuedAt, "
                    + ":refreshTokenExpiresAt, :ownerId, :connectedBy, :connectedAt, :lastRefreshedAt, :problem, "
                    + ":version, :writtenAt)"), connection)
                    .update();
            return SaveResult.SAVED;
        } catch (DuplicateKeyException alreadyStored) {
            return SaveResult.VERSION_CONFLICT;
        }
    }

    private SaveResult updateOver(RingCentralConnection connection, long expectedVersion) {
        int updated = bind(jdbc.sql("""
                        UPDATE ringcentral_connection SET
                            status = :status,
                            access_token_encrypted = :accessToken, access_token_expires_at = :accessTokenExpiresAt,
                            refresh_token_encrypted = :refreshToken, refresh_token_issued_at = :refreshTokenIssuedAt,
                            refresh_token_expires_at = :refreshTokenExpiresAt,
                            owner_id = :ownerId, connected_by = :connectedBy, connected_at = :connectedAt,
                            last_refreshed_at = :lastRefreshedAt, problem = :problem,
                            version = :version, written_at = :writtenAt
                        WHERE id = :id AND version = :expectedVersion"""), connection)
                .param("expectedVersion", expectedVersion)
                .update();
        return updated == 1 ? SaveResult.SAVED : SaveResult.VERSION_CONFLICT;
    }

    private JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, RingCentralConnection c) {
        AccessToken access = c.accessToken();
        RefreshToken refresh = c.refreshToken();
        return statement
                .param("id", THE_ROW)
                .param("status", c.status().name())
                .param("accessToken", access == null ? null : cipher.encrypt(access.value(), SecretColumn.ACCESS_TOKEN, THE_ROW))
                .param("accessTokenExpiresAt", Timestamps.of(access == null ? null : access.expiresAt()))
                .param("refreshToken", refresh == null ? null : cipher.encrypt(refresh.value(), SecretColumn.REFRESH_TOKEN, THE_ROW))
                .param("refreshTokenIssuedAt", Timestamps.of(refresh == null ? null : refresh.issuedAt()))
                .param("refreshTokenExpiresAt", Timestamps.of(refresh == null ? null : refresh.expiresAt()))
                .param("ownerId", c.ownerId())
                .param("connectedBy", c.connectedBy())
                .param("connectedAt", Timestamps.of(c.connectedAt()))
                .param("lastRefreshedAt", Timestamps.of(c.lastRefreshedAt()))
                .param("problem", c.problem())
                .param("version", c.version())
                .param("writtenAt", Timestamps.of(clock.instant()));
    }

    private RingCentralConnection toConnection(ResultSet rs) throws SQLException {
        String accessCipherText = rs.getString("access_token_encrypted");
        String refreshCipherText = rs.getString("refresh_token_encrypted");
        AccessToken access = accessCipherText == null ? null : new AccessToken(
                cipher.decrypt(accessCipherText, SecretColumn.ACCESS_TOKEN, THE_ROW),
                Timestamps.read(rs, "access_token_expires_at"));
        RefreshToken refresh = refreshCipherText == null ? null : new RefreshToken(
                cipher.decrypt(refreshCipherText, SecretColumn.REFRESH_TOKEN, THE_ROW),
                Timestamps.read(rs, "refresh_token_issued_at"),
                Timestamps.read(rs, "refresh_token_expires_at"));
        return new RingCentralConnection(
                RingCentralConnection.Status.valueOf(rs.getString("status")),
                access,
                refresh,
                rs.getString("owner_id"),
                rs.getString("connected_by"),
                Timestamps.read(rs, "connected_at"),
                Timestamps.read(rs, "last_refreshed_at"),
                rs.getString("problem"),
                rs.getLong("version"));
    }
}
