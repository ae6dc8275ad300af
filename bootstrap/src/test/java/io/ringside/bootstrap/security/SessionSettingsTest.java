package io.ringside.bootstrap.security;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.mock.env.MockEnvironment;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SessionSettingsTest {

    private static SessionSettings bind(String... properties) {
        MockEnvironment environment = new MockEnvironment();
        for (int i = 0; i < properties.length; i += 2) {
            environment.setProperty(properties[i], properties[i + 1]);
        }
        return Binder.get(environment).bindOrCreate("ringside", SessionSettings.class);
    }

    @Test
    void thirtyMinutesIdleAndTwelveHoursAtMost() {
        assertThat(bind()).isEqualTo(new SessionSettings(Duration.ofMinutes(30), Duration.ofHours(12)));
        assertThat(bind()).isEqualTo(SessionSettings.defaults());
    }

    @Test
    void aReceptionDeskMayKeepItsSessionLonger() {
        assertThat(bind("ringside.session-idle-timeout", "4h", "ringside.session-max-age", "16h"))
                .isEqualTo(new SessionSettings(Duration.ofHours(4), Duration.ofHours(16)));
    }

    @Test
    void anIdleTimeoutOutsideOneMinuteToADayIsRefusedByName() {
        assertThatThrownBy(() -> bind("ringside.session-idle-timeout", "30s")).rootCause()
                .hasMessage("ringside.session-idle-timeout must be between 1 min and 24 h, not 30 seconds");
        assertThatThrownBy(() -> bind("ringside.session-idle-timeout", "25h", "ringside.session-max-age", "48h")).rootCause()
                .hasMessage("ringside.session-idle-timeout must be between 1 min and 24 h, not 25 hours");
    }

    @Test
    void aMaxAgeShorterThanTheIdleTimeoutIsRefusedByName() {
        assertThatThrownBy(() -> bind("ringside.session-idle-timeout", "2h", "ringside.session-max-age", "90m")).rootCause()
                .hasMessage("ringside.session-max-age must be at least ringside.session-idle-timeout (2 hours) and at most 7 days, not 90 minutes");
    }
}
