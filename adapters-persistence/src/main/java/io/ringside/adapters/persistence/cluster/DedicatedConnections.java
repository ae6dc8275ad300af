package io.ringside.adapters.persistence.cluster;

import org.postgresql.Driver;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Properties;

/**
 * Opens PostgreSQL connections of their own, outside the pool: a session that holds the advisory lock or
 * listens for notifications must live exactly as long as its holder wants, never be handed to anyone else,
 * and show in {@code pg_stat_activity} under a name that says what it is for.
 */
final class DedicatedConnections {

    private final String url;
    private final String user;
    private final String password;

    DedicatedConnections(String url, String user, String password) {
        this.url = Objects.requireNonNull(url, "url");
        this.user = user;
        this.password = password;
    }

    Connection open(String applicationName) throws SQLException {
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("ApplicationName", applicationName);
        // A server that vanished without a word (no RST) must still end our waits: keep-alives notice it,
        // and no statement waits longer than the socket timeout (seconds).
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty("connectTimeout", "5");
        properties.setProperty("socketTimeout", "30");
        // The driver itself, not DriverManager: no dependence on which class loader registered which driver.
        Connection connection = new Driver().connect(url, properties);
        if (connection == null) {
            throw new SQLException("Not a PostgreSQL JDBC URL: " + url.split("\\?")[0]); // parameters may hold a password
        }
        return connection;
    }

    static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException | RuntimeException ignored) {
            // it is being thrown away because it is broken
        }
    }
}
