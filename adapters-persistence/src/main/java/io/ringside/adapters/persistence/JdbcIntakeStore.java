package io.ringside.adapters.persistence;

import io.ringside.adapters.persistence.NewestFirstRows.Filter;
import io.ringside.application.port.out.ConcurrentChangeException;
import io.ringside.application.port.out.IntakeStore;
import io.ringside.domain.Actor;
import io.ringside.domain.Intake;
import io.ringside.domain.IntakeEdit;
import io.ringside.domain.IntakeQuery;
import io.ringside.domain.KnownCaller;
import io.ringside.domain.PhoneNumber;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * What operators saved, in {@code intake}, and their corrections, in {@code intake_edit}; every list of
 * intakes is newest first. Intakes from before users had ids have no operator id; intakes from before
 * corrections existed are version 1, like every newly saved one.
 *
 * <p>Plain SQL rather than a Spring Data aggregate, like {@link JdbcAuditLog}: the history page's filters
 * (any of five, or none), its pages and the export's keyset pages are a WHERE clause built from the query,
 * and a correction is one compare-and-set UPDATE plus the INSERT of its edit in one transaction; an
 * aggregate would only have served {@link #byId} and made the row's mapping live in two places.
 */
public class JdbcIntakeStore implements IntakeStore {

    /** The export reads this many intakes per query, so no connection is held while a slow client downloads. */
    static final int EXPORT_PAGE_SIZE = NewestFirstRows.EXPORT_PAGE_SIZE;

    /** The version a newly saved intake is stored with; the domain's 0 means "not stored yet". */
    static final long FIRST_VERSION = 1;

    private static final int ACTOR_MAX_LENGTH = 200;
    private static final int ADDRESS_MAX_LENGTH = 64;

    private static final String SELECT = """
            SELECT id, caller_name, phone, notes, telephony_session_id, operator_id, operator, saved_at, version FROM intake
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
            Timestamps.read(rs, "saved_at"),
            rs.getLong("version"));

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final NewestFirstRows<Intake> rows;

    public JdbcIntakeStore(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        this.jdbc = JdbcClient.create(dataSource);
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.rows = new NewestFirstRows<>(jdbc, SELECT, "intake", "saved_at", INTAKE, Intake::savedAt, Intake::id);
    }

    /** Stores a new intake at version 1, whatever version it carries. */
    @Override
    public Intake save(Intake intake) {
        jdbc.sql("""
                        INSERT INTO intake (id, caller_name, caller_name_lower, phone, notes, telephony_session_id,
                                            operator_id, operator, saved_at, version)
                        VALUES (:id, :callerName, :callerNameLower, :phone, :notes, :telephonySessionId,
                                :operatorId, :operator, :savedAt, :version)""")
                .param("id", intake.id())
                .param("callerName", intake.callerName())
                .param("callerNameLower", lowerCase(intake.callerName()))
                .param("phone", intake.phone().e164())
                .param("notes", intake.notes())
                .param("telephonySessionId", intake.telephonySessionId())
                .param("operatorId", intake.operatorId())
                .param("operator", intake.operator())
                .param("savedAt", Timestamps.of(intake.savedAt()))
                .param("version", FIRST_VERSION)
                .update();
        return intake.atVersion(FIRST_VERSION);
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

    @Override
    public Optional<Intake> byId(UUID id) {
        return jdbc.sql(SELECT + "WHERE id = :id")
                .param("id", Objects.requireNonNull(id, "id"))
                .query(INTAKE)
                .optional();
    }

    @Override
    public List<Intake> find(IntakeQuery query, int offset, int limit) {
        return rows.page(filter(query), offset, limit);
    }

    @Override
    public long count(IntakeQuery query) {
        return rows.count(filter(query));
    }

    @Override
    public void forEach(IntakeQuery query, Consumer<Intake> each) {
        rows.forEach(filter(query), each);
    }

    @Override
    public Intake correct(Intake corrected, IntakeEdit edit) {
        if (!edit.intakeId().equals(corrected.id())) {
            throw new IllegalArgumentException("The edit is of another intake");
        }
        return transaction.execute(status -> {
            int updated = jdbc.sql("""
                            UPDATE intake SET caller_name = :callerName, caller_name_lower = :callerNameLower,
                                              phone = :phone, notes = :notes, version = version + 1
                            WHERE id = :id AND version = :version""")
                    .param("callerName", corrected.callerName())
                    .param("callerNameLower", lowerCase(corrected.callerName()))
                    .param("phone", corrected.phone().e164())
                    .param("notes", corrected.notes())
                    .param("id", corrected.id())
                    .param("version", corrected.version())
                    .update();
            if (updated == 0) {
                throw new ConcurrentChangeException("This intake");
            }
            insert(edit, corrected.version());
            // Read back rather than assume: who saved it and when are the stored ones, whatever the caller passed.
            return byId(corrected.id()).orElseThrow(() -> new ConcurrentChangeException("This intake"));
        });
    }

    @Override
    public List<IntakeEdit> edits(UUID intakeId) {
        return jdbc.sql("""
                        SELECT e.id, e.from_version, e.at, e.by_user_id, e.by_username, e.by_display_name, e.address,
                               e.before_name, e.before_phone, e.before_notes, e.after_name, e.after_phone, e.after_notes,
                               i.telephony_session_id, i.operator_id, i.operator, i.saved_at
                        FROM intake_edit e JOIN intake i ON i.id = e.intake_id
                        WHERE e.intake_id = :intakeId
                        ORDER BY e.at, e.from_version, e.id""")
                .param("intakeId", Objects.requireNonNull(intakeId, "intakeId"))
                .query((rs, n) -> {
                    long fromVersion = rs.getLong("from_version");
                    Intake before = new Intake(intakeId, rs.getString("before_name"), PhoneNumber.of(rs.getString("before_phone")),
                            rs.getString("before_notes"), rs.getString("telephony_session_id"),
                            rs.getObject("operator_id", UUID.class), rs.getString("operator"),
                            Timestamps.read(rs, "saved_at"), fromVersion);
                    Intake after = before.corrected(rs.getString("after_name"), PhoneNumber.of(rs.getString("after_phone")),
                            rs.getString("after_notes"));
                    Actor by = new Actor(rs.getObject("by_user_id", UUID.class), rs.getString("by_username"),
                            rs.getString("by_display_name"), rs.getString("address"));
                    return new IntakeEdit(rs.getObject("id", UUID.class), intakeId, by, Timestamps.read(rs, "at"), before, after);
                })
                .list();
    }

    @Override
    public Optional<KnownCaller> known(PhoneNumber phone) {
        record Tally(long intakes, Instant last) {
        }
        Tally tally = jdbc.sql("SELECT COUNT(*) AS intakes, MAX(saved_at) AS last FROM intake WHERE phone = :phone")
                .param("phone", phone.e164())
                .query((rs, n) -> new Tally(rs.getLong("intakes"), Timestamps.read(rs, "last")))
                .single();
        if (tally.intakes() == 0) {
            return Optional.empty();
        }
        // The newest intake that has a name: a later intake saved without one does not forget who called.
        Optional<String> lastName = jdbc.sql("""
                        SELECT caller_name FROM intake WHERE phone = :phone AND caller_name IS NOT NULL
                        """ + NEWEST_FIRST + " FETCH FIRST 1 ROW ONLY")
                .param("phone", phone.e164())
                .query(String.class)
                .optional();
        return Optional.of(new KnownCaller(phone, lastName.orElse(null), (int) Math.min(tally.intakes(), Integer.MAX_VALUE),
                tally.last()));
    }

    private void insert(IntakeEdit edit, long fromVersion) {
        Actor by = edit.by();
        jdbc.sql("""
                        INSERT INTO intake_edit (id, intake_id, from_version, at, by_user_id, by_username, by_display_name,
                                                 address, before_name, before_phone, before_notes,
                                                 after_name, after_phone, after_notes)
                        VALUES (:id, :intakeId, :fromVersion, :at, :byUserId, :byUsername, :byDisplayName,
                                :address, :beforeName, :beforePhone, :beforeNotes,
                                :afterName, :afterPhone, :afterNotes)""")
                .param("id", edit.id())
                .param("intakeId", edit.intakeId())
                .param("fromVersion", fromVersion)
                .param("at", Timestamps.of(edit.at()))
                .param("byUserId", by.userId())
                .param("byUsername", clipped(by.username(), ACTOR_MAX_LENGTH))
                .param("byDisplayName", clipped(by.displayName(), ACTOR_MAX_LENGTH))
                .param("address", clipped(by.address(), ADDRESS_MAX_LENGTH))
                .param("beforeName", edit.before().callerName())
                .param("beforePhone", edit.before().phone().e164())
                .param("beforeNotes", edit.before().notes())
                .param("afterName", edit.after().callerName())
                .param("afterPhone", edit.after().phone().e164())
                .param("afterNotes", edit.after().notes())
                .update();
    }

    /** Lower-cased the way {@link IntakeQuery} lower-cases the part searched for. */
    private static String lowerCase(String name) {
        return name == null ? null : name.toLowerCase(Locale.ROOT);
    }

    private static String clipped(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /** The WHERE clause for a query: only the parts the query sets, each a bound parameter. */
    private static Filter filter(IntakeQuery query) {
        return Filter.matching()
                .and("phone = :phone", "phone", query.phone() == null ? null : query.phone().e164())
                // IntakeQuery has lower-cased the part already; % and _ typed by a person are meant literally.
                .and("caller_name_lower LIKE :namePattern ESCAPE '\\'", "namePattern",
                        query.name() == null ? null : "%" + likeEscaped(query.name()) + "%")
                .and("operator_id = :operatorId", "operatorId", query.operatorId())
                .and("saved_at >= :from", "from", query.from() == null ? null : Timestamps.of(query.from()))
                .and("saved_at < :to", "to", query.to() == null ? null : Timestamps.of(query.to()))
                .build();
    }

    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
