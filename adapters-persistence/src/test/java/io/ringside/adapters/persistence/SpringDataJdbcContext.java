package io.ringside.adapters.persistence;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;

/**
 * The smallest Spring context the module's Spring Data JDBC repositories run in: what Boot's JDBC
 * auto-configuration provides (a NamedParameterJdbcTemplate and a transaction manager) plus
 * {@link SpringDataJdbcConfiguration}, on a test database.
 */
final class SpringDataJdbcContext implements AutoCloseable {

    private final AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();

    SpringDataJdbcContext(DataSource dataSource) {
        // The DataSource itself is no bean here: closing the context would close the test database's pool.
        context.registerBean(NamedParameterJdbcTemplate.class, () -> new NamedParameterJdbcTemplate(dataSource));
        context.registerBean("transactionManager", PlatformTransactionManager.class, () -> new JdbcTransactionManager(dataSource));
        context.register(SpringDataJdbcConfiguration.class);
        context.refresh();
    }

    SpringDataUserAccounts userAccounts() {
        return new SpringDataUserAccounts(context.getBean(UserRows.class), Fixtures.CLOCK);
    }

    @Override
    public void close() {
        context.close();
    }
}
