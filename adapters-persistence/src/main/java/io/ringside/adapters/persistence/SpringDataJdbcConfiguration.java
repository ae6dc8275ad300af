package io.ringside.adapters.persistence;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jdbc.core.convert.JdbcCustomConversions;
import org.springframework.data.jdbc.core.mapping.JdbcMappingContext;
import org.springframework.data.jdbc.repository.config.AbstractJdbcConfiguration;
import org.springframework.data.jdbc.repository.config.EnableJdbcRepositories;
import org.springframework.data.relational.RelationalManagedTypes;
import org.springframework.data.relational.core.mapping.NamingStrategy;

import java.util.List;
import java.util.Optional;

/**
 * Spring Data JDBC for this module's aggregates, complete in itself: the mapping, the converters and
 * the repositories of this package. Because it is an {@link AbstractJdbcConfiguration} and enables the
 * repositories itself, Spring Boot's Data JDBC auto-configuration backs off entirely (it creates neither
 * a second mapping context nor a second set of repositories), and the module works the same in a
 * context that does not load that auto-configuration at all. It needs a
 * {@code NamedParameterJdbcOperations} and a {@code transactionManager} (Boot's JDBC auto-configuration).
 */
@Configuration(proxyBeanMethods = false)
@EnableJdbcRepositories(basePackageClasses = SpringDataJdbcConfiguration.class)
class SpringDataJdbcConfiguration extends AbstractJdbcConfiguration {

    /** Unquoted names: the migrations' snake_case tables resolve alike on H2 (upper-cased) and PostgreSQL (lower-cased). */
    @Bean
    @Override
    public JdbcMappingContext jdbcMappingContext(Optional<NamingStrategy> namingStrategy,
                                                 JdbcCustomConversions customConversions,
                                                 RelationalManagedTypes jdbcManagedTypes) {
        JdbcMappingContext context = super.jdbcMappingContext(namingStrategy, customConversions, jdbcManagedTypes);
        context.setForceQuote(false);
        return context;
    }

    @Override
    protected List<?> userConverters() {
        return TimestampConverters.all();
    }
}
