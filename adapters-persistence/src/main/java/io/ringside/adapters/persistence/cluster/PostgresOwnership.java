package io.ringside.adapters.persistence.cluster;

import io.ringside.application.port.out.RingCentralOwnership;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Ownership of the RingCentral work as a PostgreSQL session-level advisory lock ({@code pg_try_advisory_lock}) held
 * by a connection of its own, outside the pool. The lock lives exactly as long as that session: when the instance
 * dies (kill -9 included) the operating system closes the socket, PostgreSQL ends the session and the lock is
 * free for the next instance that tries. A connection found dead means ownership is lost at once; it is closed
 * and the next {@link #tryAcquire} opens a new one.
 */
public final class PostgresOwnership implements RingCentralOwnership, AutoCloseable {

    /** The key Ringside locks unless told otherwise: "RINGSIDE" in ASCII. */
    public static final long RINGCENTRAL_WORK = 0x52494E4753494445L;

    private static final Logger log = LoggerFactory.getLogger(PostgresOwnership.class);
    private static final int VALIDITY_TIMEOUT_SECONDS = 2;

    private final DedicatedConnections connections;
    private final long lockKey;

    /** The session that holds, or tries for, the lock; null after a failure or a release. */
    private Connection connection;
    private boolean held;
    /** Whether the current run of failures to reach the database was logged already (once per break). */
    private boolean unreachableLogged;

    public PostgresOwnership(String url, String user, String password, long lockKey) {
        this.connections = new DedicatedConnections(url, user, password);
        this.lockKey = lockKey;
    }

    @Override
    public synchronized boolean tryAcquire() {
        if (held) {
            if (holds()) {
                return true; // locking again would stack a second hold on the same session
            }
        }
        try {
            if (connection == null) {
                connection = connections.open("ringside-ownership");
            }
            held = tryLock(connection);
            if (unreachableLogged) {
                log.info("The database answers the ownership check again");
                unreachableLogged = false;
            }
            if (held) {
                log.info("This instance now owns the RingCentral work (advisory lock {})", lockKey);
            }
            return held;
        } catch (SQLException e) {
            if (!unreachableLogged) {
                log.warn("Could not try for ownership of the RingCentral work: {}; trying again", e.getMessage());
                unreachableLogged = true;
            }
            drop();
            return false;
        }
    }

    @Override
    public synchronized boolean holds() {
        if (!held) {
            return false;
        }
        try {
            if (connection.isValid(VALIDITY_TIMEOUT_SECONDS) && lockShownForThisSession(connection)) {
                return true;
            }
            log.warn("This instance no longer owns the RingCentral work: its lock session ended");
        } catch (SQLException e) {
            log.warn("This instance no longer owns the RingCentral work: its lock session failed ({})", e.getMessage());
        }
        drop();
        return false;
    }

    @Override
    public synchronized void release() {
        if (connection == null) {
            return;
        }
        if (held) {
            try (PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                unlock.setLong(1, lockKey);
                unlock.execute();
                log.info("This instance gave up the RingCentral work");
            } catch (SQLException e) {
                // Closing the session below frees the lock just the same.
                log.debug("Unlocking before closing failed", e);
            }
        }
        drop();
    }

    /** Releases ownership; for a container that closes what it created. */
    @Override
    public void close() {
        release();
    }

    private boolean tryLock(Connection session) throws SQLException {
        try (PreparedStatement lock = session.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            lock.setLong(1, lockKey);
            try (ResultSet result = lock.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        }
    }

    /**
     * Asks PostgreSQL whether this session holds the lock. pg_locks shows a bigint key as two unsigned 32-bit
     * halves, the high one in classid and the low one in objid, with objsubid 1 (2 marks the two-int4 form).
     */
    private boolean lockShownForThisSession(Connection session) throws SQLException {
        try (PreparedStatement query = session.prepareStatement("""
                SELECT count(*) FROM pg_locks
                WHERE locktype = 'advisory' AND pid = pg_backend_pid() AND granted
                  AND classid::bigint = ? AND objid::bigint = ? AND objsubid = 1""")) {
            query.setLong(1, lockKey >>> 32);
            query.setLong(2, lockKey & 0xFFFF_FFFFL);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1) > 0;
            }
        }
    }

    private void drop() {
        DedicatedConnections.closeQuietly(connection);
        connection = null;
        held = false;
    }
}
