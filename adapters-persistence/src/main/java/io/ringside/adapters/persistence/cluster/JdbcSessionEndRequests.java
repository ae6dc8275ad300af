package io.ringside.adapters.persistence.cluster;

import io.ringside.application.port.out.SessionEndRequests;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** The requests to end someone's sessions in {@code session_end_request}, one row per request. */
public class JdbcSessionEndRequests implements SessionEndRequests {

    private final JdbcClient jdbc;

    public JdbcSessionEndRequests(DataSource dataSource) {
        this.jdbc = JdbcClient.create(Objects.requireNonNull(dataSource, "dataSource"));
    }

    @Override
    public void request(String username, Instant at) {
        jdbc.sql("INSERT INTO session_end_request (username, requested_at) VALUES (:username, :at)")
                .param("username", Objects.requireNonNull(username, "username"))
                .param("at", Instants.param(Objects.requireNonNull(at, "at")))
                .update();
    }

    @Override
    public List<Request> since(Instant from) {
        return jdbc.sql("""
                        SELECT username, requested_at FROM session_end_request
                        WHERE requested_at >= :from ORDER BY requested_at, id""")
                .param("from", Instants.param(from))
                .query((rs, n) -> new Request(rs.getString("username"), Instants.read(rs, "requested_at")))
                .list();
    }

    @Override
    public int purge(Instant before) {
        return jdbc.sql("DELETE FROM session_end_request WHERE requested_at < :before")
                .param("before", Instants.param(before))
                .update();
    }
}
