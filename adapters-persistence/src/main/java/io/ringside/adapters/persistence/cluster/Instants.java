package io.ringside.adapters.persistence.cluster;

import org.springframework.jdbc.core.SqlParameterValue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Instants in {@code TIMESTAMP WITH TIME ZONE} columns, the same way on H2 and PostgreSQL (as the module's
 * {@code Timestamps}, which this package cannot see). Both keep microseconds, so values are truncated to
 * microseconds on the way in: what is read back equals what was stored.
 */
final class Instants {

    private Instants() {
    }

    static SqlParameterValue param(Instant instant) {
        return new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE, stored(instant));
    }

    static OffsetDateTime stored(Instant instant) {
        return instant == null ? null : truncated(instant).atOffset(ZoneOffset.UTC);
    }

    /** {@code instant} as a column keeps it. */
    static Instant truncated(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }

    static Instant read(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
