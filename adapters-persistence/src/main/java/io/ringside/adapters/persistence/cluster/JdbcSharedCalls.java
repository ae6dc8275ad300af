package io.ringside.adapters.persistence.cluster;

import io.ringside.application.port.out.SharedCalls;
import io.ringside.application.port.out.SharedFeed;
import io.ringside.domain.CallState;
import io.ringside.domain.Caller;
import io.ringside.domain.CallingParty;
import io.ringside.domain.Direction;
import io.ringside.domain.Extension;
import io.ringside.domain.InboundCall;
import io.ringside.domain.PhoneNumber;
import io.ringside.domain.UnusableCallerId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The owner's feed in {@code shared_feed} (one row) and {@code shared_call} (a row per phone call). A publish
 * is one transaction that writes only the calls that changed and removes the calls that left the feed, so the
 * readers (other instances, each reloading when signalled) see one publish or the next, never half of one.
 * The feed row is written first: its row lock makes two publishers — only possible for a moment around a
 * change of owner — take turns instead of mixing their calls.
 */
public class JdbcSharedCalls implements SharedCalls {

    private final JdbcClient jdbc;
    private final TransactionTemplate writing;
    public JdbcSharedCalls(DataSource dataSource) {
        this.jdbc = JdbcClient.create(Objects.requireNonNull(dataSource, "dataSource"));
        this.writing = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    @Override
    public void publish(SharedFeed feed) {
        Map<String, InboundCall> wanted = new LinkedHashMap<>();
        for (InboundCall call : feed.calls()) {
            wanted.put(call.sessionKey(), asStored(call)); // one row per phone call; a later record of it wins
        }
        writing.executeWithoutResult(status -> {
            writeFeedRow(feed);
            Map<String, InboundCall> stored = storedCalls();
            for (InboundCall call : wanted.values()) {
                InboundCall before = stored.get(call.sessionKey());
                if (before == null) {
                    insert(call);
                } else if (!before.equals(call)) {
                    update(call);
                }
            }
            for (String gone : stored.keySet()) {
                if (!wanted.containsKey(gone)) {
                    jdbc.sql("DELETE FROM shared_call WHERE session_key = :key").param("key", gone).update();
                }
            }
        });
    }

    @Override
    public Optional<SharedFeed> read() {
        // One statement, so one snapshot on both databases: the feed row and the calls of the same publish.
        // (Two statements would need an isolation level that H2 does not apply across tables.)
        return jdbc.sql("""
                        SELECT f.state AS feed_state, f.detail, f.until_at, f.as_of, f.published_at, c.*
                        FROM shared_feed f LEFT JOIN shared_call c ON 1 = 1
                        WHERE f.id = 1""")
                .query(rs -> {
                    if (!rs.next()) {
                        return Optional.<SharedFeed>empty();
                    }
                    SharedFeed.State state = SharedFeed.State.valueOf(rs.getString("feed_state"));
                    String detail = rs.getString("detail");
                    Instant until = Instants.read(rs, "until_at");
                    Instant asOf = Instants.read(rs, "as_of");
                    Instant published = Instants.read(rs, "published_at");
                    List<InboundCall> calls = new ArrayList<>();
                    do {
                        if (rs.getString("session_key") != null) { // null: the feed has no calls
                            calls.add(call(rs));
                        }
                    } while (rs.next());
                    return Optional.of(new SharedFeed(calls, state, detail, until, asOf, published));
                });
    }

    private void writeFeedRow(SharedFeed feed) {
        int updated = feedRow("""
                UPDATE shared_feed SET state = :state, detail = :detail, until_at = :until, as_of = :asOf,
                       published_at = :published WHERE id = 1""", feed).update();
        if (updated == 0) {
            feedRow("""
                    INSERT INTO shared_feed (id, state, detail, until_at, as_of, published_at)
                    VALUES (1, :state, :detail, :until, :asOf, :published)""", feed).update();
        }
    }

    private JdbcClient.StatementSpec feedRow(String sql, SharedFeed feed) {
        return jdbc.sql(sql)
                .param("state", feed.state().name())
                .param("detail", feed.detail())
                .param("until", Instants.param(feed.until()))
                .param("asOf", Instants.param(feed.asOf()))
                .param("published", Instants.param(feed.published()));
    }

    /** The stored calls by session key. */
    private Map<String, InboundCall> storedCalls() {
        Map<String, InboundCall> calls = new LinkedHashMap<>();
        jdbc.sql("SELECT * FROM shared_call")
                .query((rs, n) -> call(rs))
                .list()
                .forEach(call -> calls.put(call.sessionKey(), call));
        return calls;
    }

    private void insert(InboundCall call) {
        callRow("""
                INSERT INTO shared_call (session_key, id, telephony_session_id, direction, caller_number,
                    caller_unusable, caller_name, dialled_number, start_time, state, answered_by_id,
                    answered_by_number, answered_by_name, ringing_at, updated_at)
                VALUES (:key, :id, :session, :direction, :number, :unusable, :name, :dialled, :start, :state,
                    :answererId, :answererNumber, :answererName, :ringingAt, CURRENT_TIMESTAMP)""", call).update();
    }

    private void update(InboundCall call) {
        callRow("""
                UPDATE shared_call SET id = :id, telephony_session_id = :session, direction = :direction,
                    caller_number = :number, caller_unusable = :unusable, caller_name = :name,
                    dialled_number = :dialled, start_time = :start, state = :state, answered_by_id = :answererId,
                    answered_by_number = :answererNumber, answered_by_name = :answererName,
                    ringing_at = :ringingAt, updated_at = CURRENT_TIMESTAMP
                WHERE session_key = :key""", call).update();
    }

    private JdbcClient.StatementSpec callRow(String sql, InboundCall call) {
        Extension answerer = call.answeredBy();
        return jdbc.sql(sql)
                .param("key", call.sessionKey())
                .param("id", call.id())
                .param("session", call.telephonySessionId())
                .param("direction", call.direction().name())
                .param("number", call.from() instanceof Caller caller ? caller.number().e164() : null)
                .param("unusable", call.from() instanceof UnusableCallerId unusable ? unusable.reason().name() : null)
                .param("name", call.from().name())
                .param("dialled", call.dialledNumber())
                .param("start", Instants.param(call.startTime()))
                .param("state", call.state().name())
                .param("answererId", answerer == null ? null : answerer.id())
                .param("answererNumber", answerer == null ? null : answerer.number())
                .param("answererName", answerer == null ? null : answerer.name())
                .param("ringingAt", DeskList.write(call.ringingAt()));
    }

    private static InboundCall call(ResultSet rs) throws SQLException {
        String number = rs.getString("caller_number");
        String name = rs.getString("caller_name");
        CallingParty from = number != null
                ? new Caller(PhoneNumber.of(number), name)
                : new UnusableCallerId(UnusableCallerId.Reason.valueOf(rs.getString("caller_unusable")), name);
        String answererId = rs.getString("answered_by_id");
        Extension answerer = answererId == null ? null
                : new Extension(answererId, rs.getString("answered_by_number"), rs.getString("answered_by_name"));
        return new InboundCall(
                rs.getString("id"),
                rs.getString("telephony_session_id"),
                Direction.valueOf(rs.getString("direction")),
                from,
                rs.getString("dialled_number"),
                Instants.read(rs, "start_time"),
                CallState.valueOf(rs.getString("state")),
                answerer,
                DeskList.read(rs.getString("ringing_at")));
    }

    /** {@code call} as its row will read back (the start to the microsecond), so an unchanged call is not rewritten. */
    private static InboundCall asStored(InboundCall call) {
        Instant start = Instants.truncated(call.startTime());
        return start.equals(call.startTime()) ? call
                : new InboundCall(call.id(), call.telephonySessionId(), call.direction(), call.from(),
                        call.dialledNumber(), start, call.state(), call.answeredBy(), call.ringingAt());
    }
}
