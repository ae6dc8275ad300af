package io.ringside.adapters.persistence.cluster;

import io.ringside.application.port.out.InstanceRegistry;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** The instances' heartbeats in {@code ringside_instance}, one row per instance id, its latest word kept. */
public class JdbcInstanceRegistry implements InstanceRegistry {

    private final JdbcClient jdbc;

    public JdbcInstanceRegistry(DataSource dataSource) {
        this.jdbc = JdbcClient.create(Objects.requireNonNull(dataSource, "dataSource"));
    }

    @Override
    public void heartbeat(Instance instance) {
        // Update, else insert: the same statements on H2 and PostgreSQL. Only this instance writes its row, so
        // the insert loses a race only to its own earlier heartbeat; then the update applies.
        if (update(instance) == 0) {
            try {
                row("""
                        INSERT INTO ringside_instance (id, host, started_at, last_seen, owner_since, watchers)
                        VALUES (:id, :host, :startedAt, :lastSeen, :ownerSince, :watchers)""", instance).update();
            } catch (DuplicateKeyException e) {
                update(instance);
            }
        }
    }

    @Override
    public List<Instance> seenSince(Instant since) {
        return jdbc.sql("""
                        SELECT id, host, started_at, last_seen, owner_since, watchers FROM ringside_instance
                        WHERE last_seen >= :since ORDER BY started_at DESC, id""")
                .param("since", Instants.param(since))
                .query((rs, n) -> new Instance(
                        rs.getString("id"),
                        rs.getString("host"),
                        Instants.read(rs, "started_at"),
                        Instants.read(rs, "last_seen"),
                        Instants.read(rs, "owner_since"),
                        rs.getInt("watchers")))
                .list();
    }

    private int update(Instance instance) {
        return row("""
                UPDATE ringside_instance SET host = :host, started_at = :startedAt, last_seen = :lastSeen,
                       owner_since = :ownerSince, watchers = :watchers WHERE id = :id""", instance).update();
    }

    private JdbcClient.StatementSpec row(String sql, Instance instance) {
        return jdbc.sql(sql)
                .param("id", instance.id())
                .param("host", instance.host())
                .param("startedAt", Instants.param(instance.startedAt()))
                .param("lastSeen", Instants.param(instance.lastSeen()))
                .param("ownerSince", Instants.param(instance.ownerSince()))
                .param("watchers", instance.watchers());
    }
}
