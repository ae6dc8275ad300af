package io.ringside.bootstrap.config;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.mock.env.MockEnvironment;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code ringside.*} bound as Spring Boot binds it at start-up. */
class RingsidePropertiesTest {

    private static RingsideProperties bind(String... properties) {
        MockEnvironment environment = new MockEnvironment();
        for (int i = 0; i < properties.length; i += 2) {
            environment.setProperty(properties[i], properties[i + 1]);
        }
        return Binder.get(environment).bindOrCreate("ringside", RingsideProperties.class);
    }

    @Test
    void withNothingSetEverySettingHasItsDefault() {
        RingsideProperties settings = bind();

        assertThat(settings.recentCallersWindow()).isEqualTo(Duration.ofMinutes(60));
        assertThat(settings.phone().defaultRegion()).isEqualTo("US");
        assertThat(settings.scheduling().enabled()).isTrue();
        assertThat(settings.adminPassword()).isNull();
        assertThat(settings.operatorPassword()).isNull();
        assertThat(settings.auditRetention()).isEqualTo(Duration.ofDays(365));
    }

    @Test
    void auditEntriesAreKeptBetweenADayAndTenYears() {
        assertThat(bind("ringside.audit-retention", "90d").auditRetention()).isEqualTo(Duration.ofDays(90));
        assertThatThrownBy(() -> bind("ringside.audit-retention", "12h")).rootCause()
                .hasMessage("ringside.audit-retention must be between 1 day and 3650 days, not 12 h");
        assertThatThrownBy(() -> bind("ringside.audit-retention", "36h")).rootCause()
                .hasMessage("ringside.audit-retention must be whole days, like 365d, not 36 h");
    }

    @Test
    void aFirstUserPasswordFollowsThePasswordRulesWithoutBeingRepeated() {
        assertThatThrownBy(() -> bind("ringside.admin-password", "s3cr3t-pass")).rootCause()
                .hasMessage("RINGSIDE_ADMIN_PASSWORD: The password must be at least 12 characters long (this one has 11).");
        assertThatThrownBy(() -> bind("ringside.operator-password", "x".repeat(65))).rootCause()
                .hasMessage("RINGSIDE_OPERATOR_PASSWORD: The password must be at most 64 characters long (this one has 65).");
    }

    @Test
    void theHomeRegionIsOneThePhoneNumberLibraryKnowsWrittenAnyWay() {
        assertThat(bind("ringside.phone.default-region", " gb ").phone().defaultRegion()).isEqualTo("GB");
        // Kosovo has no ISO code but has phone numbers; Antarctica has an ISO code but no numbering plan.
        assertThat(bind("ringside.phone.default-region", "XK").phone().defaultRegion()).isEqualTo("XK");
        assertThatThrownBy(() -> bind("ringside.phone.default-region", "AQ")).rootCause()
                .hasMessage("ringside.phone.default-region must be a two-letter region code such as US, GB or DE, not 'AQ'");
    }

    @Test
    void theLimitsAreTheOnesOfTheRulesTheyFeed() {
        assertThatThrownBy(() -> bind("ringside.refresh-margin", "51m")).rootCause()
                .hasMessage("ringside.refresh-margin must be between 0 s and 50 min, not 51 min");
        assertThatThrownBy(() -> bind("ringside.keep-alive-age", "7d")).rootCause()
                .hasMessage("ringside.keep-alive-age must be between 10 min and 6 days, not 7 days");
        assertThatThrownBy(() -> bind("ringside.presence-interval", "400ms")).rootCause()
                .hasMessage("ringside.presence-interval must be between 500 ms and 1 min, not 400 ms");
        assertThatThrownBy(() -> bind("ringside.heavy-requests-per-minute", "11")).rootCause()
                .hasMessage("ringside.heavy-requests-per-minute must be between 1 and 10 (RingCentral allows 10), not 11");
        assertThat(bind("ringside.refresh-margin", "50m", "ringside.keep-alive-age", "6d", "ringside.heavy-requests-per-minute", "10")
                .refreshPolicy().margin()).isEqualTo(Duration.ofMinutes(50));
    }

    @Test
    void aBlankPasswordIsNoPasswordAndASetOneNeverPrints() {
        assertThat(bind("ringside.admin-password", "  ").adminPassword()).isNull();
        RingsideProperties settings = bind("ringside.admin-password", "correct horse battery");

        assertThat(settings.toString()).contains("adminPassword=********").contains("operatorPassword=(not set)")
                .doesNotContain("correct horse battery");
    }
}
