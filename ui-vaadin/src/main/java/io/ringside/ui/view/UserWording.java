package io.ringside.ui.view;

import io.ringside.application.port.in.UserSummary;
import io.ringside.domain.Extension;
import io.ringside.domain.Role;
import io.ringside.ui.RelativeTime;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How the Users page words a person's role, status and last login (times in the console's zone). */
final class UserWording {

    static final String NEVER = "Never";

    private final DateTimeFormatter clockTime;
    private final DateTimeFormatter dateTime;

    UserWording(ZoneId zone) {
        this.clockTime = DateTimeFormatter.ofPattern("HH:mm").withZone(zone);
        this.dateTime = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
    }

    static String role(Role role) {
        return switch (role) {
            case ADMIN -> "Admin";
            case OPERATOR -> "Operator";
        };
    }

    /** The one thing an admin most needs to know: disabled beats locked beats a pending password change. */
    String status(UserSummary user) {
        if (!user.enabled()) {
            return "Disabled";
        }
        if (user.locked()) {
            return user.lockedUntil() == null ? "Locked" : "Locked until " + clockTime.format(user.lockedUntil());
        }
        if (user.mustChangePassword()) {
            return "Must change password";
        }
        return "Enabled";
    }

    /** "12 min ago" within the hour, else the date and time. */
    String lastLogin(Instant at, Instant now) {
        if (at == null) {
            return NEVER;
        }
        Duration age = Duration.between(at, now);
        return age.compareTo(Duration.ofHours(1)) < 0 ? RelativeTime.ago(age) : dateTime.format(at);
    }

    /** "104 · Maria Lopez" as the extension picker lists it; the number alone when RingCentral gave no name. */
    static String extension(Extension extension) {
        String number = extension.number() != null ? extension.number() : extension.id();
        return extension.name() == null ? number : number + " · " + extension.name();
    }
}
