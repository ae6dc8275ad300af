package io.ringside.adapters.persistence;

import io.ringside.application.port.out.PendingAuthorizationStore;
import io.ringside.domain.CodeVerifier;
import io.ringside.domain.PendingAuthorization;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * OAuth attempts in flight, with the PKCE verifier encrypted and bound to its row's state. {@link #take} reads the row, then
 * deletes it; the database lets exactly one concurrent delete remove it, and only the caller whose
 * delete removed the row (update count 1) gets the attempt.
 */
public class JdbcPendingAuthorizationStore implements PendingAuthorizationStore {

    private final JdbcClient jdbc;
    private final SecretCipher cipher;

    public JdbcPendingAuthorizationStore(DataSource dataSource, EncryptionKeys keys) {
        this.jdbc = JdbcClient.create(Objects.requireNonNull(dataSource, "dataSource"));
        this.cipher = new SecretCipher(keys);
    }

    @Override
    public void save(PendingAuthorization pending) {
        jdbc.sql("""
                        INSERT INTO pending_authorization (state, code_verifier_encrypted, started_by, expires_at)
                        VALUES (:state, :verifier, :startedBy, :expiresAt)""")
                .param("state", pending.state())
                .param("verifier", cipher.encrypt(pending.codeVerifier().value(), SecretColumn.CODE_VERIFIER, pending.state()))
                .param("startedBy", pending.startedBy())
                .param("expiresAt", Timestamps.of(pending.expiresAt()))
                .update();
    }

    @Override
    public Optional<PendingAuthorization> take(String state, Instant now) {
        if (!PendingAuthorization.looksLikeState(state)) {
            return Optional.empty(); // junk from a forged callback never reaches a query
        }
        Optional<PendingAuthorization> found = jdbc.sql("""
                        SELECT state, code_verifier_encrypted, started_by, expires_at FROM pending_authorization
                        WHERE state = :state AND expires_at > :now""")
                .param("state", state)
                .param("now", Timestamps.of(now))
                .query((rs, n) -> new PendingAuthorization(
                        rs.getString("state"),
                        new CodeVerifier(cipher.decrypt(rs.getString("code_verifier_encrypted"),
                                SecretColumn.CODE_VERIFIER, rs.getString("state"))),
                        rs.getString("started_by"),
                        Timestamps.read(rs, "expires_at")))
                .optional();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        int removed = jdbc.sql("DELETE FROM pending_authorization WHERE state = :state AND expires_at > :now")
                .param("state", state)
                .param("now", Timestamps.of(now))
                .update();
        return removed == 1 ? found : Optional.empty();
    }

    @Override
    public int purgeExpired(Instant now) {
        // Expired means expires_at <= now, the same boundary take() refuses.
        return jdbc.sql("DELETE FROM pending_authorization WHERE expires_at <= :now")
                .param("now", Timestamps.of(now))
                .update();
    }
}
