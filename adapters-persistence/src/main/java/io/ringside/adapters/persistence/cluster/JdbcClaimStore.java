package io.ringside.adapters.persistence.cluster;

import io.ringside.application.port.out.ClaimStore;
import io.ringside.domain.Claim;
import io.ringside.domain.PhoneNumber;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The claims on callers in {@code caller_claim}, one per number. A claim is active while {@code now} is before
 * its time plus {@link Claim#LASTS} ({@link Claim#isActive}), i.e. while it was made after {@code now - LASTS}.
 */
public class JdbcClaimStore implements ClaimStore {

    private final JdbcClient jdbc;

    public JdbcClaimStore(DataSource dataSource) {
        this.jdbc = JdbcClient.create(Objects.requireNonNull(dataSource, "dataSource"));
    }

    @Override
    public void put(Claim claim) {
        // Update, else insert (the same statements on H2 and PostgreSQL). Two operators claiming one new number at
        // once: one insert loses to the other's, and its update then replaces it, as a later claim does.
        if (update(claim) == 0) {
            try {
                row("""
                        INSERT INTO caller_claim (phone, user_id, display_name, claimed_at)
                        VALUES (:phone, :userId, :displayName, :at)""", claim).update();
            } catch (DuplicateKeyException e) {
                update(claim);
            }
        }
    }

    @Override
    public boolean release(PhoneNumber phone, UUID by) {
        return jdbc.sql("DELETE FROM caller_claim WHERE phone = :phone AND user_id = :by")
                .param("phone", phone.e164())
                .param("by", by)
                .update() > 0;
    }

    @Override
    public int expire(Instant now) {
        return jdbc.sql("DELETE FROM caller_claim WHERE claimed_at <= :endedBefore")
                .param("endedBefore", Instants.param(now.minus(Claim.LASTS)))
                .update();
    }

    @Override
    public List<Claim> active(Instant now) {
        return jdbc.sql("""
                        SELECT phone, user_id, display_name, claimed_at FROM caller_claim
                        WHERE claimed_at > :endedBefore ORDER BY claimed_at, phone""")
                .param("endedBefore", Instants.param(now.minus(Claim.LASTS)))
                .query((rs, n) -> new Claim(
                        PhoneNumber.of(rs.getString("phone")),
                        rs.getObject("user_id", UUID.class),
                        rs.getString("display_name"),
                        Instants.read(rs, "claimed_at")))
                .list();
    }

    private int update(Claim claim) {
        return row("""
                UPDATE caller_claim SET user_id = :userId, display_name = :displayName, claimed_at = :at
                WHERE phone = :phone""", claim).update();
    }

    private JdbcClient.StatementSpec row(String sql, Claim claim) {
        return jdbc.sql(sql)
                .param("phone", claim.phone().e164())
                .param("userId", claim.userId())
                .param("displayName", claim.displayName())
                .param("at", Instants.param(claim.at()));
    }
}
