package io.ringside.adapters.persistence;

import org.springframework.jdbc.core.SqlParameterValue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Instants in {@code TIMESTAMP WITH TIME ZONE} columns, the same way on H2 and PostgreSQL.
 * Both keep microseconds, so values are truncated to microseconds on the way in: what is read
 * back equals what a comparison in SQL saw.
 */
final class Timestamps {

    private Timestamps() {
    }

    static SqlParameterValue of(Instant instant) {
        return new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE, stored(instant));
    }

    /** The value a column keeps for {@code instant}: whole microseconds, in UTC. */
    static OffsetDateTime stored(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }

    static Instant read(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
