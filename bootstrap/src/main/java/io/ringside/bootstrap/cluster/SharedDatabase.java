package io.ringside.bootstrap.cluster;

import org.springframework.core.env.Environment;

import java.util.Locale;

/**
 * Whether several Ringside instances may share this database: on PostgreSQL they may (and the cluster is on,
 * with nothing to configure beyond the datasource); on H2 only one can open the file.
 *
 * @param shared   true on PostgreSQL
 * @param url      the JDBC URL, for the cluster's own dedicated connections
 */
public record SharedDatabase(boolean shared, String url, String username, String password) {

    static SharedDatabase of(Environment environment) {
        String url = environment.getProperty("spring.datasource.url", "");
        boolean postgres = url.toLowerCase(Locale.ROOT).startsWith("jdbc:postgresql:");
        return new SharedDatabase(postgres, url, environment.getProperty("spring.datasource.username"),
                environment.getProperty("spring.datasource.password"));
    }

    /** The password never prints. */
    @Override
    public String toString() {
        return "SharedDatabase[shared=" + shared + ", url=" + url + ", username=" + username + "]";
    }
}
