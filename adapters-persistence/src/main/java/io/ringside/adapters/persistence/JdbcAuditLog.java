package io.ringside.adapters.persistence;

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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    static final int EXPORT_PAGE_SIZE = 500;

    private static final int ACTOR_MAX_LENGTH = 200;
    private static final int ADDRESS_MAX_LENGTH = 64;

    private static final String SELECT = """
            SELECT id, at, kind, actor_user_id, actor_username, actor_display_name, address, subject, detail, outcome
            FROM audit_entry""";
    private static final String NEWEST_FIRST = " ORDER BY at DESC, id";

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

    public JdbcAuditLog(DataSource dataSource) {
        this.jdbc = JdbcClient.create(Objects.requireNonNull(dataSource, "dataSource"));
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
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("Offset and limit cannot be negative");
        }
        if (limit == 0) {
            return List.of();
        }
        Filter filter = Filter.of(query);
        return jdbc.sql(SELECT + filter.where() + NEWEST_FIRST + " OFFSET :offset ROWS FETCH NEXT :limit ROWS ONLY")
                .params(filter.params())
                .param("offset", offset)
                .param("limit", limit)
                .query(ENTRY)
                .list();
    }

    @Override
    public long count(AuditQuery query) {
        Filter filter = Filter.of(query);
        return jdbc.sql("SELECT COUNT(*) FROM audit_entry" + filter.where())
                .params(filter.params())
                .query(Long.class)
                .single();
    }

    @Override
    public void forEach(AuditQuery query, Consumer<AuditEntry> each) {
        Filter filter = Filter.of(query);
        List<AuditEntry> page = firstPage(filter);
        while (!page.isEmpty()) {
            page.forEach(each);
            page = page.size() < EXPORT_PAGE_SIZE ? List.of() : pageAfter(filter, page.getLast());
        }
    }

    @Override
    public int deleteBefore(Instant cutoff) {
        return jdbc.sql("DELETE FROM audit_entry WHERE at < :cutoff")
                .param("cutoff", Timestamps.of(Objects.requireNonNull(cutoff, "cutoff")))
                .update();
    }

    private List<AuditEntry> firstPage(Filter filter) {
        return jdbc.sql(SELECT + filter.where() + NEWEST_FIRST + " FETCH FIRST :pageSize ROWS ONLY")
                .params(filter.params())
                .param("pageSize", EXPORT_PAGE_SIZE)
                .query(ENTRY)
                .list();
    }

    /** The next page after {@code last} in (at DESC, id) order: keyset paging, so entries added meanwhile shift nothing. */
    private List<AuditEntry> pageAfter(Filter filter, AuditEntry last) {
        // Leading with "at <= :lastAt" lets the at index start the page where the last one ended (H2 and
        // PostgreSQL both scan from the top otherwise: a 100,000-row export went from seconds to a third of one).
        String after = "at <= :lastAt AND (at < :lastAt OR id > :lastId)";
        String where = filter.where().isEmpty() ? " WHERE " + after : filter.where() + " AND " + after;
        return jdbc.sql(SELECT + where + NEWEST_FIRST + " FETCH FIRST :pageSize ROWS ONLY")
                .params(filter.params())
                .param("lastAt", Timestamps.of(last.at()))
                .param("lastId", last.id())
                .param("pageSize", EXPORT_PAGE_SIZE)
                .query(ENTRY)
                .list();
    }

    private static String clipped(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /** The WHERE clause for a query: only the parts the query sets, each a bound parameter. */
    private record Filter(String where, Map<String, Object> params) {

        static Filter of(AuditQuery query) {
            List<String> conditions = new ArrayList<>();
            Map<String, Object> params = new LinkedHashMap<>();
            if (query.username() != null) {
                conditions.add("actor_username = :username");
                params.put("username", query.username());
            }
            if (query.kind() != null) {
                conditions.add("kind = :kind");
                params.put("kind", query.kind().name());
            }
            if (query.from() != null) {
                conditions.add("at >= :from");
                params.put("from", Timestamps.of(query.from()));
            }
            if (query.to() != null) {
                conditions.add("at < :to");
                params.put("to", Timestamps.of(query.to()));
            }
            return new Filter(conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions), params);
        }
    }
}
