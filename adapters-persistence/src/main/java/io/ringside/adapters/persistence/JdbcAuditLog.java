package io.ringside.adapters.persistence;

import io.ringside.adapters.persistence.NewestFirstRows.Filter;
import io.ringside.application.port.out.AuditLog;
import io.ringside.domain.Actor;
import io.ringside.domain.AuditEntry;
import io.ringside.domain.AuditKind;
import io.ringside.domain.AuditOutcome;
import io.ringside.domain.AuditQuery;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The audit trail in {@code audit_entry}, newest first ({@code at DESC}, then id so equal instants keep
 * one order). Plain SQL rather than Spring Data: an entry is inserted once and never updated, and the
 * page's filters (any of four, or none) and the export's keyset pages are a WHERE clause built from
 * the query, which reads more plainly as SQL than as Criteria.
 */
public class JdbcAuditLog implements AuditLog {

    /** The export reads this many entries per query, so no connection is held while a slow client downloads. */
    static final int EXPORT_PAGE_SIZE = NewestFirstRows.EXPORT_PAGE_SIZE;

    private static final int ACTOR_MAX_LENGTH = 200;
    private static final int ADDRESS_MAX_LENGTH = 64;

    private static final String SELECT = """
            SELECT id, at, kind, actor_user_id, actor_username, actor_display_name, address, subject, detail, outcome
            FROM audit_entry""";

    private static final RowMapper<AuditEntry> ENTRY = (rs, n) -> new AuditEntry(
            rs.getObject("id", UUID.class),
            Timestamps.read(rs, "at"),
            AuditKind.valueOf(rs.getString("kind")),
            new Actor(rs.getObject("actor_user_id", UUID.class), rs.getString("actor_username"),
                    rs.getString("actor_display_name"), rs.getString("address")),
            rs.getString("subject"),
            rs.getString("detail"),
            AuditOutcome.valueOf(rs.getString("outcome")));

    private final JdbcClient jdbc;
    private final NewestFirstRows<AuditEntry> rows;

    public JdbcAuditLog(DataSource dataSource) {
        this.jdbc = JdbcClient.create(Objects.requireNonNull(dataSource, "dataSource"));
        this.rows = new NewestFirstRows<>(jdbc, SELECT, "audit_entry", "at", ENTRY, AuditEntry::at, AuditEntry::id);
    }

    @Override
    public void append(AuditEntry entry) {
        Actor actor = entry.actor();
        jdbc.sql("""
                        INSERT INTO audit_entry (id, at, kind, actor_user_id, actor_username, actor_display_name, address,
                                                 subject, detail, outcome)
                        VALUES (:id, :at, :kind, :actorUserId, :actorUsername, :actorDisplayName, :address,
                                :subject, :detail, :outcome)""")
                .param("id", entry.id())
                .param("at", Timestamps.of(entry.at()))
                .param("kind", entry.kind().name())
                .param("actorUserId", actor.userId())
                // A username someone tried at the login form can be any length; the trail must still be written.
                .param("actorUsername", clipped(actor.username(), ACTOR_MAX_LENGTH))
                .param("actorDisplayName", clipped(actor.displayName(), ACTOR_MAX_LENGTH))
                .param("address", clipped(actor.address(), ADDRESS_MAX_LENGTH))
                .param("subject", entry.subject())
                .param("detail", entry.detail())
                .param("outcome", entry.outcome().name())
                .update();
    }

    @Override
    public List<AuditEntry> find(AuditQuery query, int offset, int limit) {
        return rows.page(filter(query), offset, limit);
    }

    @Override
    public long count(AuditQuery query) {
        return rows.count(filter(query));
    }

    @Override
    public void forEach(AuditQuery query, Consumer<AuditEntry> each) {
        rows.forEach(filter(query), each);
    }

    @Override
    public int deleteBefore(Instant cutoff) {
        return jdbc.sql("DELETE FROM audit_entry WHERE at < :cutoff")
                .param("cutoff", Timestamps.of(Objects.requireNonNull(cutoff, "cutoff")))
                .update();
    }

    private static String clipped(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /** The WHERE clause for a query: only the parts the query sets, each a bound parameter. */
    private static Filter filter(AuditQuery query) {
        return Filter.matching()
                .and("actor_username = :username", "username", query.username())
                .and("kind = :kind", "kind", query.kind() == null ? null : query.kind().name())
                .and("at >= :from", "from", query.from() == null ? null : Timestamps.of(query.from()))
                .and("at < :to", "to", query.to() == null ? null : Timestamps.of(query.to()))
                .build();
    }
}
