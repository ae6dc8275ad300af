package io.ringside.application.port.in;

import java.util.Optional;

/** Who a logged-in username is now (display name, role, extension), as the console needs them. */
public interface LookUpUser {

    Optional<UserSummary> byUsername(String username);
}
