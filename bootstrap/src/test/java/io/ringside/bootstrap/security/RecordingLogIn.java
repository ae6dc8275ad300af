package io.ringside.bootstrap.security;

import io.ringside.application.port.in.LogIn;
import io.ringside.application.port.in.LoginResult;
import io.ringside.application.port.in.UserSummary;
import io.ringside.domain.Password;
import io.ringside.domain.Role;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link LogIn} that knows a few people (password = username) and writes down what it was told, the way the
 * audit trail would: "sessionEnded sam: idle for 30 minutes".
 */
final class RecordingLogIn implements LogIn {

    static final String WRONG = "Wrong username or password.";

    final List<String> said = new CopyOnWriteArrayList<>();
    final List<String> addresses = new CopyOnWriteArrayList<>();
    private final Map<String, Role> people = Map.of("admin", Role.ADMIN, "operator", Role.OPERATOR, "sam", Role.OPERATOR);
    /** The answer for every attempt, when set: a refusal to replay. */
    volatile LoginResult.Refused refuseAll;

    @Override
    public LoginResult logIn(String username, Password password, String address) {
        said.add("logIn " + username);
        return answer(username, password, address);
    }

    @Override
    public LoginResult verify(String username, Password password, String address, String via) {
        said.add("verify " + username + " via " + via);
        return answer(username, password, address);
    }

    private LoginResult answer(String username, Password password, String address) {
        addresses.add(String.valueOf(address));
        if (refuseAll != null) {
            return refuseAll;
        }
        Role role = people.get(username);
        if (role == null || !password.value().equals(username)) {
            return new LoginResult.Refused(LoginResult.Reason.BAD_CREDENTIALS, WRONG);
        }
        return new LoginResult.Accepted(new UserSummary(UUID.nameUUIDFromBytes(username.getBytes()), username, username,
                role, null, true, false, null, false, 1));
    }

    @Override
    public void loggedOut(String username, String address) {
        said.add("loggedOut " + username);
    }

    @Override
    public void sessionEnded(String username, String why) {
        said.add("sessionEnded " + username + ": " + why);
    }

    List<String> ended() {
        return said.stream().filter(line -> line.startsWith("sessionEnded")).toList();
    }
}
