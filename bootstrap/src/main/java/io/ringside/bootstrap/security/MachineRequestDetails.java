package io.ringside.bootstrap.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import java.io.Serial;
import java.util.Objects;

/**
 * The details of a request whose credentials a machine sent (a Prometheus scraper's HTTP Basic): a chain that serves
 * machines gives its authentication these, and {@link ApplicationLogins} then only checks the credentials instead of
 * logging the person in (no audit entry, no last login for each scrape).
 */
public final class MachineRequestDetails extends WebAuthenticationDetails {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String via;

    /** @param via who is asking, for the audit trail, e.g. "Actuator (HTTP Basic)" */
    public MachineRequestDetails(HttpServletRequest request, String via) {
        super(request);
        this.via = Objects.requireNonNull(via, "via");
    }

    public String via() {
        return via;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MachineRequestDetails details && super.equals(other) && via.equals(details.via);
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + via.hashCode();
    }
}
