package io.ringside.adapters.persistence;

import io.ringside.application.port.out.IntakeStore;
import io.ringside.domain.Intake;
import io.ringside.domain.PhoneNumber;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** What operators saved, in {@code intake}; every list is newest first. Intakes from before users had ids have no operator id. */
public class JdbcIntakeStore implements IntakeStore {

    private static final String SELECT = """
            SELECT id, caller_name, phone, notes, telephony_session_id, operator_id, operator, saved_at FROM intake
            """;
    // id breaks ties so two intakes saved in the same microsecond always list in the same order.
    private static final String NEWEST_FIRST = " ORDER BY saved_at DESC, id";

    private static final RowMapper<Intake> INTAKE = (rs, n) -> new Intake(
            rs.getObject("id", UUID.class),
            rs.getString("caller_name"),
            PhoneNumber.of(rs.getString("phone")),
            rs.getString("notes"),
            rs.getString("telephony_session_id"),
            rs.getObject("operator_id", UUID.class),
            rs.getString("operator"),
            Timestamps.read(rs, "saved_at"));

    private final JdbcClient jdbc;

    public JdbcIntakeStore(DataSource dataSource) {
        this.jdbc = JdbcClient.create(Objects.requireNonNull(dataSource, "dataSource"));
    }

    @Override
    public void save(Intake intake) {
        jdbc.sql("""
                        INSERT INTO intake (id, caller_name, phone, notes, telephony_session_id, operator_id, operator, saved_at)
                        VALUES (:id, :callerName, :phone, :notes, :telephonySessionId, :operatorId, :operator, :savedAt)""")
                .param("id", intake.id())
                .param("callerName", intake.callerName())
                .param("phone", intake.phone().e164())
                .param("notes", intake.notes())
                .param("telephonySessionId", intake.telephonySessionId())
                .param("operatorId", intake.operatorId())
                .param("operator", intake.operator())
                .param("savedAt", Timestamps.of(intake.savedAt()))
                .update();
    }

    @Override
    public List<Intake> savedBetween(Instant from, Instant to) {
        return jdbc.sql(SELECT + "WHERE saved_at >= :from AND saved_at < :to" + NEWEST_FIRST)
                .param("from", Timestamps.of(from))
                .param("to", Timestamps.of(to))
                .query(INTAKE)
                .list();
    }

    @Override
    public List<Intake> forCall(String telephonySessionId) {
        if (telephonySessionId == null || telephonySessionId.isBlank()) {
            return List.of();
        }
        return jdbc.sql(SELECT + "WHERE telephony_session_id = :id" + NEWEST_FIRST)
                .param("id", telephonySessionId.strip())
                .query(INTAKE)
                .list();
    }

    @Override
    public List<Intake> forNumber(PhoneNumber phone) {
        return jdbc.sql(SELECT + "WHERE phone = :phone" + NEWEST_FIRST)
                .param("phone", phone.e164())
                .query(INTAKE)
                .list();
    }
}
