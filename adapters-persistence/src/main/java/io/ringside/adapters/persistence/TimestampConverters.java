package io.ringside.adapters.persistence;

import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.jdbc.core.mapping.JdbcValue;

import java.sql.JDBCType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Spring Data JDBC's side of {@link Timestamps}, so aggregates store instants exactly as the JdbcClient
 * stores do. Left alone, Spring Data writes an {@link Instant} as a {@code java.sql.Timestamp} (which H2
 * reads through the JVM's time zone), and it binds a converted value with the SQL type of the
 * property, {@code TIMESTAMP}, which PostgreSQL's driver refuses for an {@code OffsetDateTime}: hence a
 * {@link JdbcValue} that names {@code TIMESTAMP_WITH_TIMEZONE}. H2 reads such a column back as an
 * {@code OffsetDateTime}, PostgreSQL as a {@code Timestamp}; Spring Data converts the latter itself.
 */
final class TimestampConverters {

    private TimestampConverters() {
    }

    static List<Converter<?, ?>> all() {
        return List.of(new InstantToColumn(), new ColumnToInstant());
    }

    @WritingConverter
    static final class InstantToColumn implements Converter<Instant, JdbcValue> {
        @Override
        public JdbcValue convert(Instant instant) {
            return JdbcValue.of(Timestamps.stored(instant), JDBCType.TIMESTAMP_WITH_TIMEZONE);
        }
    }

    @ReadingConverter
    static final class ColumnToInstant implements Converter<OffsetDateTime, Instant> {
        @Override
        public Instant convert(OffsetDateTime value) {
            return value.toInstant();
        }
    }
}
