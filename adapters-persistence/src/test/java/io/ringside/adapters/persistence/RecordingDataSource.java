package io.ringside.adapters.persistence;

import javax.sql.DataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A data source that notes every query run through it with its parameters, so the benchmark can ask the
 * database for the plan of exactly what the store sent ({@link #explain}). Only for that: the timed queries
 * go through the plain data source.
 */
final class RecordingDataSource {

    /** One query as sent: its SQL and its parameters by position (a {@code setObject} with a SQL type keeps it). */
    record Sent(String sql, Map<Integer, Object[]> parameters) {
    }

    private final DataSource target;
    private final List<Sent> sent = new ArrayList<>();

    RecordingDataSource(DataSource target) {
        this.target = target;
    }

    DataSource dataSource() {
        return proxy(DataSource.class, target, (method, args, result) -> result instanceof Connection c
                ? proxy(Connection.class, c, this::statement) : result);
    }

    /** The queries sent since the last call, and forgets them. */
    List<Sent> take() {
        List<Sent> taken = List.copyOf(sent);
        sent.clear();
        return taken;
    }

    /**
     * The plan the database chooses for {@code query}, run for real: PostgreSQL's {@code EXPLAIN (ANALYZE, BUFFERS)},
     * H2's {@code EXPLAIN ANALYZE} (the index it uses and how many rows it read).
     */
    static String explain(DataSource dataSource, TestDatabase.Kind kind, Sent query) throws SQLException {
        String explain = (kind == TestDatabase.Kind.POSTGRESQL ? "EXPLAIN (ANALYZE, BUFFERS) " : "EXPLAIN ANALYZE ") + query.sql();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(explain)) {
            for (Map.Entry<Integer, Object[]> p : query.parameters().entrySet()) {
                Object[] value = p.getValue();
                if (value.length > 1 && value[1] instanceof Integer sqlType) {
                    s.setObject(p.getKey(), value[0], sqlType);
                } else {
                    s.setObject(p.getKey(), value[0]);
                }
            }
            StringBuilder plan = new StringBuilder();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            return plan.toString().strip();
        }
    }

    private Object statement(Method method, Object[] args, Object result) {
        if (result instanceof PreparedStatement prepared && args != null && args.length > 0 && args[0] instanceof String sql
                && isQuery(sql)) {
            Map<Integer, Object[]> parameters = new TreeMap<>();
            sent.add(new Sent(sql, parameters));
            return proxy(PreparedStatement.class, prepared, (m, a, r) -> {
                if (m.getName().startsWith("set") && a != null && a.length >= 2 && a[0] instanceof Integer index) {
                    parameters.put(index, m.getName().equals("setNull") ? new Object[]{null}
                            : java.util.Arrays.copyOfRange(a, 1, a.length));
                }
                return r;
            });
        }
        if (result instanceof Statement plain && !(result instanceof PreparedStatement)) {
            return proxy(Statement.class, plain, (m, a, r) -> {
                if (a != null && a.length > 0 && a[0] instanceof String sql && isQuery(sql)) {
                    sent.add(new Sent(sql, Map.of()));
                }
                return r;
            });
        }
        return result;
    }

    private static boolean isQuery(String sql) {
        return sql.stripLeading().regionMatches(true, 0, "SELECT", 0, 6) || sql.stripLeading().regionMatches(true, 0, "WITH", 0, 4);
    }

    private interface AfterCall {
        Object apply(Method method, Object[] args, Object result) throws Exception;
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, T target, AfterCall after) {
        InvocationHandler handler = (p, method, args) -> {
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            return after.apply(method, args, result);
        };
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, handler);
    }
}
