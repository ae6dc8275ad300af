package io.ringside.application.service;

import io.ringside.application.port.in.LogIn;
import io.ringside.application.port.in.LoginResult;
import io.ringside.application.port.in.UserSummary;
import io.ringside.application.port.out.ConcurrentChangeException;
import io.ringside.application.port.out.PasswordHasher;
import io.ringside.application.port.out.UserAccounts;
import io.ringside.domain.Actor;
import io.ringside.domain.AuditKind;
import io.ringside.domain.AuditOutcome;
import io.ringside.domain.LoginLockout;
import io.ringside.domain.Password;
import io.ringside.domain.UserAccount;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Logins: checks the password, locks a username after too many wrong ones, throttles an address that
 * guesses too much, and audits each attempt once. A machine's check of credentials ({@link #verify}) takes the
 * same path; only its success is not recorded.
 *
 * <p>The answer must not tell whether a username exists: usernames nobody has get the same lockout from
 * a bounded in-memory count, and every attempt that is not throttled costs one hash comparison (a
 * dummy hash for unknown usernames), so the time taken does not tell either. A disabled person with the
 * right password gets the same answer as a wrong password.
 */
public final class Logins implements LogIn {

    public static final String BAD_CREDENTIALS = "Wrong username or password.";
    public static final String LOCKED =
            "Too many failed logins. This username is locked for 15 minutes; an admin can unlock it by resetting the password.";
    public static final String THROTTLED = "Too many login attempts from your address. Wait a few minutes and try again.";
    /** How many usernames nobody has are remembered for their lockout; the oldest are forgotten first. */
    public static final int UNKNOWN_USERNAMES_REMEMBERED = 10_000;
    private static final String NO_USERNAME = "(none)";
    /** How often an attempt's bookkeeping is tried against what others stored meanwhile before giving up. */
    private static final int RECORD_ROUNDS = 20;

    private final UserAccounts users;
    private final PasswordHasher hasher;
    private final Auditor auditor;
    private final Clock clock;
    private final LoginLockout lockout;
    private final AddressThrottle throttle;
    private final String dummyHash;
    private final Map<String, Strikes> unknownUsernames;

    public Logins(UserAccounts users, PasswordHasher hasher, Auditor auditor, Clock clock) {
        this(users, hasher, auditor, clock, LoginLockout.DEFAULT, new AddressThrottle());
    }

    public Logins(UserAccounts users, PasswordHasher hasher, Auditor auditor, Clock clock, LoginLockout lockout,
                  AddressThrottle throttle) {
        this.users = Objects.requireNonNull(users, "users");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.auditor = Objects.requireNonNull(auditor, "auditor");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.lockout = Objects.requireNonNull(lockout, "lockout");
        this.throttle = Objects.requireNonNull(throttle, "throttle");
        this.dummyHash = hasher.hash(new Password(new TemporaryPasswords().next()));
        this.unknownUsernames = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Strikes> eldest) {
                return size() > UNKNOWN_USERNAMES_REMEMBERED;
            }
        };
    }

    @Override
    public LoginResult logIn(String username, Password password, String address) {
        return attempt(username, password, address, Attempt.LOGIN);
    }

    @Override
    public LoginResult verify(String username, Password password, String address, String via) {
        if (via == null || via.isBlank()) {
            throw new IllegalArgumentException("Say who is checking credentials, for the audit trail");
        }
        return attempt(username, password, address, new Attempt(via.strip()));
    }

    private LoginResult attempt(String username, Password password, String address, Attempt attempt) {
        Instant now = clock.instant();
        Optional<String> valid = validUsername(username);
        String typed = valid.orElseGet(() -> asTyped(username));
        if (throttle.isThrottled(address, now)) {
            Actor actor = new Actor(null, typed, null, address);
            return refused(AuditKind.LOGIN_FAILED, actor, attempt.detail("throttled: too many attempts from this address"),
                    AuditOutcome.REFUSED, LoginResult.Reason.THROTTLED, THROTTLED);
        }
        Optional<UserAccount> user = valid.flatMap(users::byUsername);
        LoginResult result = user.isPresent()
                ? known(user.get(), password, address, now, attempt)
                : unknown(typed, password, address, now, attempt);
        if (result instanceof LoginResult.Refused) {
            throttle.failed(address, now);
        }
        return result;
    }

    @Override
    public void loggedOut(String username, String address) {
        auditor.succeeded(AuditKind.LOGOUT, actor(username, address), name(username), null);
    }

    @Override
    public void sessionEnded(String username, String why) {
        auditor.succeeded(AuditKind.SESSION_ENDED, actor(username, null), name(username), why);
    }

    private LoginResult known(UserAccount user, Password password, String address, Instant now, Attempt attempt) {
        Actor actor = Actor.of(user, address);
        boolean right = hasher.matches(password, user.passwordHash());
        if (user.isLocked(now)) {
            return refused(AuditKind.LOGIN_FAILED, actor, attempt.detail("locked: too many wrong passwords"),
                    AuditOutcome.REFUSED, LoginResult.Reason.LOCKED, LOCKED);
        }
        if (!right) {
            UserAccount after = record(user, account -> account.loginFailed(now, lockout));
            if (after.isLocked(now)) {
                return refused(AuditKind.LOGIN_LOCKED, actor, attempt.detail(lockedDetail()), AuditOutcome.FAILED,
                        LoginResult.Reason.LOCKED, LOCKED);
            }
            return refused(AuditKind.LOGIN_FAILED, actor, attempt.detail("wrong password"), AuditOutcome.FAILED,
                    LoginResult.Reason.BAD_CREDENTIALS, BAD_CREDENTIALS);
        }
        if (!user.enabled()) {
            return disabled(actor, attempt);
        }
        if (!attempt.isLogin()) {
            // A check, not a login: nothing to record, nothing to audit (see LogIn#verify).
            return new LoginResult.Accepted(UserSummary.of(user, now));
        }
        UserAccount after = record(user, account -> account.loggedIn(now));
        if (!after.enabled()) {
            // Disabled by an admin while this login was being checked (seen on the re-read).
            return disabled(actor, attempt);
        }
        auditor.succeeded(AuditKind.LOGIN_SUCCEEDED, actor, user.username(), null);
        return new LoginResult.Accepted(UserSummary.of(after, now));
    }

    private LoginResult disabled(Actor actor, Attempt attempt) {
        return refused(AuditKind.LOGIN_FAILED, actor, attempt.detail("disabled"), AuditOutcome.REFUSED,
                LoginResult.Reason.BAD_CREDENTIALS, BAD_CREDENTIALS);
    }

    private LoginResult unknown(String typed, Password password, String address, Instant now, Attempt attempt) {
        hasher.matches(password, dummyHash);
        Actor actor = new Actor(null, typed, null, address);
        String key = typed.toLowerCase(Locale.ROOT);
        Strikes after;
        synchronized (unknownUsernames) {
            Strikes before = unknownUsernames.getOrDefault(key, Strikes.NONE);
            if (before.isLocked(now)) {
                after = null;
            } else {
                after = before.failed(now, lockout);
                unknownUsernames.put(key, after);
            }
        }
        if (after == null) {
            return refused(AuditKind.LOGIN_FAILED, actor, attempt.detail("locked: too many wrong passwords (no such username)"),
                    AuditOutcome.REFUSED, LoginResult.Reason.LOCKED, LOCKED);
        }
        if (after.isLocked(now)) {
            return refused(AuditKind.LOGIN_LOCKED, actor, attempt.detail(lockedDetail() + " (no such username)"),
                    AuditOutcome.FAILED, LoginResult.Reason.LOCKED, LOCKED);
        }
        return refused(AuditKind.LOGIN_FAILED, actor, attempt.detail("no such username"), AuditOutcome.FAILED,
                LoginResult.Reason.BAD_CREDENTIALS, BAD_CREDENTIALS);
    }

    private String lockedDetail() {
        return lockout.maxFailures() + " wrong passwords in a row: locked for " + lockout.lockFor().toMinutes() + " minutes";
    }

    private LoginResult refused(AuditKind kind, Actor actor, String detail, AuditOutcome outcome, LoginResult.Reason reason,
                                String message) {
        auditor.record(kind, actor, actor.username(), detail, outcome);
        return new LoginResult.Refused(reason, message);
    }

    /**
     * Records an attempt's bookkeeping without moving the version (an admin's edit from the list stays valid);
     * when another attempt or an admin got there first, applies it again to what is stored now, so no failure is
     * lost. Each lost round means someone else's write succeeded; the bound only stops a pathological storm.
     */
    private UserAccount record(UserAccount user, UnaryOperator<UserAccount> attempt) {
        UserAccount before = user;
        for (int round = 1; ; round++) {
            UserAccount after = attempt.apply(before);
            if (users.recordLoginState(before, after)) {
                return after;
            }
            if (round == RECORD_ROUNDS) {
                throw new ConcurrentChangeException("The login state of " + user.username());
            }
            before = users.byId(user.id()).orElseThrow(() -> new ConcurrentChangeException("The user " + user.username()));
        }
    }

    private Actor actor(String username, String address) {
        Optional<UserAccount> user = validUsername(username).flatMap(users::byUsername);
        return user.map(account -> Actor.of(account, address)).orElseGet(() -> new Actor(null, name(username), null, address));
    }

    private static String name(String username) {
        return validUsername(username).orElseGet(() -> asTyped(username));
    }

    private static Optional<String> validUsername(String username) {
        try {
            return Optional.of(UserAccount.username(username));
        } catch (IllegalArgumentException notAUsername) {
            return Optional.empty();
        }
    }

    /** What someone typed that is no username, short enough for the audit trail. */
    private static String asTyped(String username) {
        String text = username == null ? "" : username.strip();
        if (text.isEmpty()) {
            return NO_USERNAME;
        }
        return text.length() <= UserAccount.USERNAME_MAX_LENGTH ? text : text.substring(0, UserAccount.USERNAME_MAX_LENGTH);
    }

    /**
     * What an attempt is for: a person logging in ({@link #LOGIN}), or a machine's check of the credentials for one
     * request ({@link #verify}), named by {@code via} in its refusals' audit details and leaving no trace when it succeeds.
     */
    private record Attempt(String via) {

        static final Attempt LOGIN = new Attempt(null);

        boolean isLogin() {
            return via == null;
        }

        String detail(String why) {
            return isLogin() ? why : via + ": " + why;
        }
    }

    /** The lockout count of a username nobody has: the same rule as {@link UserAccount#loginFailed}. */
    private record Strikes(int failures, Instant lockedUntil) {

        static final Strikes NONE = new Strikes(0, null);

        boolean isLocked(Instant now) {
            return lockedUntil != null && now.isBefore(lockedUntil);
        }

        Strikes failed(Instant now, LoginLockout lockout) {
            int count = failures + 1;
            return count >= lockout.maxFailures() ? new Strikes(0, now.plus(lockout.lockFor())) : new Strikes(count, lockedUntil);
        }
    }
}
