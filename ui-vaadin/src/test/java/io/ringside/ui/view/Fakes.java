package io.ringside.ui.view;

import io.ringside.application.port.in.ChangePassword;
import io.ringside.application.port.in.ClaimCallers;
import io.ringside.application.port.in.ConnectOutcome;
import io.ringside.application.port.in.ConnectRingCentral;
import io.ringside.application.port.in.ConnectionView;
import io.ringside.application.port.in.DisconnectRingCentral;
import io.ringside.application.port.in.FeedStatus;
import io.ringside.application.port.in.ListRecentCallers;
import io.ringside.application.port.in.ListTodaysIntakes;
import io.ringside.application.port.in.PasswordRejectedException;
import io.ringside.application.port.in.RecentCallersResult;
import io.ringside.application.port.in.RecognizeCaller;
import io.ringside.application.port.in.SaveIntake;
import io.ringside.application.port.in.SaveOutcome;
import io.ringside.application.port.in.ViewConnection;
import io.ringside.application.port.in.WatchRecentCallers;
import io.ringside.application.port.in.WrongCurrentPasswordException;
import io.ringside.domain.Actor;
import io.ringside.domain.CallState;
import io.ringside.domain.Caller;
import io.ringside.domain.Claim;
import io.ringside.domain.ExtensionLink;
import io.ringside.domain.Intake;
import io.ringside.domain.KnownCaller;
import io.ringside.domain.Password;
import io.ringside.domain.PhoneNumber;
import io.ringside.domain.RecentCaller;
import io.ringside.ui.CurrentUser;
import io.ringside.ui.DemoCalls;
import io.ringside.ui.Roles;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** In-memory fakes of the inbound ports and the UI's own interfaces, for Karibu tests without Spring. */
final class Fakes {

    static final Duration WINDOW = Duration.ofMinutes(60);

    private Fakes() {
    }

    static RecentCaller caller(String e164, String name, Instant lastCallAt, CallState state, String session) {
        return new RecentCaller(new Caller(PhoneNumber.of(e164), name), lastCallAt, state, 1, session);
    }

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** Recent callers: {@link #list()} answers {@link #next}; {@link #push} sends to the watchers like the feed thread does. */
    static final class RecentCallers implements ListRecentCallers, WatchRecentCallers {
        RecentCallersResult next = RecentCallersResult.without(WINDOW, new FeedStatus.NotConnected());
        final List<Consumer<RecentCallersResult>> listeners = new CopyOnWriteArrayList<>();
        int listCalls;
        int closed;

        @Override
        public RecentCallersResult list() {
            listCalls++;
            return next;
        }

        @Override
        public Subscription watch(Consumer<RecentCallersResult> listener) {
            listeners.add(listener);
            return () -> {
                if (listeners.remove(listener)) {
                    closed++;
                }
            };
        }

        /** Delivers from another thread, as the real feed does. */
        void push(RecentCallersResult result) throws InterruptedException {
            next = result;
            Thread feed = new Thread(() -> listeners.forEach(l -> l.accept(result)), "fake-feed");
            feed.start();
            feed.join();
        }
    }

    /** Saves like the service: asks first when someone else saved for the number within {@link SaveIntake#ASK_WITHIN}. */
    static final class Intakes implements SaveIntake, ListTodaysIntakes {
        final List<Intake> saved = new ArrayList<>();
        final Clock clock;
        int asked;

        Intakes(Clock clock) {
            this.clock = clock;
        }

        @Override
        public SaveOutcome save(String callerName, PhoneNumber phone, String notes, String telephonySessionId, Actor by,
                                boolean evenIfSavedRecently) {
            Instant now = clock.instant();
            if (!evenIfSavedRecently) {
                Optional<Intake> another = saved.stream()
                        .filter(earlier -> earlier.phone().equals(phone))
                        .filter(earlier -> !earlier.savedAt().isBefore(now.minus(ASK_WITHIN)))
                        .filter(earlier -> !earlier.isBy(by.userId()))
                        .findFirst();
                if (another.isPresent()) {
                    asked++;
                    return new SaveOutcome.SavedRecentlyByAnother(another.get().operator(), another.get().savedAt());
                }
            }
            Intake intake = Intake.record(callerName, phone, notes, telephonySessionId, by, now);
            saved.add(0, intake);
            return new SaveOutcome.Saved(intake);
        }

        @Override
        public List<Intake> today() {
            return List.copyOf(saved);
        }
    }

    /**
     * What earlier intakes say about numbers: {@link #known} answers, every question is kept in {@link #asked} (from
     * whichever thread asked), and {@link #failing} makes every lookup throw, as a database outage would.
     */
    static final class KnownCallers implements RecognizeCaller {
        final Map<PhoneNumber, KnownCaller> known = new ConcurrentHashMap<>();
        final List<PhoneNumber> asked = new CopyOnWriteArrayList<>();
        final List<String> askedOnThreads = new CopyOnWriteArrayList<>();
        volatile boolean failing;

        /** The number has {@code intakes} earlier intakes, the last saved {@code at} with {@code lastName} (may be null). */
        KnownCallers knows(String e164, String lastName, int intakes, Instant at) {
            PhoneNumber phone = PhoneNumber.of(e164);
            known.put(phone, new KnownCaller(phone, lastName, intakes, at));
            return this;
        }

        @Override
        public Optional<KnownCaller> recognize(PhoneNumber phone) {
            asked.add(phone);
            askedOnThreads.add(Thread.currentThread().getName());
            if (failing) {
                throw new IllegalStateException("database unreachable");
            }
            return Optional.ofNullable(known.get(phone));
        }

        long askedAbout(String e164) {
            PhoneNumber phone = PhoneNumber.of(e164);
            return asked.stream().filter(phone::equals).count();
        }
    }

    /** Claims like the service: newest per number, for {@link Claim#LASTS}; {@link #push} tells watchers from another thread. */
    static final class Claims implements ClaimCallers {
        final List<Claim> made = new CopyOnWriteArrayList<>();
        final List<Consumer<List<Claim>>> listeners = new CopyOnWriteArrayList<>();
        final Clock clock;
        int closed;

        Claims(Clock clock) {
            this.clock = clock;
        }

        @Override
        public void claim(PhoneNumber phone, Actor by) {
            made.removeIf(claim -> claim.phone().equals(phone));
            made.add(new Claim(phone, by.userId(), by.displayName(), clock.instant()));
        }

        @Override
        public List<Claim> claims() {
            Instant now = clock.instant();
            return made.stream().filter(claim -> claim.isActive(now)).toList();
        }

        @Override
        public Subscription watch(Consumer<List<Claim>> listener) {
            listeners.add(listener);
            return () -> {
                if (listeners.remove(listener)) {
                    closed++;
                }
            };
        }

        /** A colleague claims {@code phone}, and the watchers hear of it from another thread, as from the service. */
        void claimedBy(User colleague, String e164) throws InterruptedException {
            claim(PhoneNumber.of(e164), colleague.actor());
            push();
        }

        void push() throws InterruptedException {
            List<Claim> now = claims();
            Thread service = new Thread(() -> listeners.forEach(l -> l.accept(now)), "fake-claims");
            service.start();
            service.join();
        }
    }

    /**
     * Password changes with the service's rules and messages: the current password must be right, the new one
     * 12–64 characters, not common, not the same. A success clears the user's must-change flag.
     */
    static final class Passwords implements ChangePassword {
        static final String COMMON = "password1234";

        final Supplier<User> users;
        String current = "temporary-pass-1";
        final List<String> changedBy = new ArrayList<>();

        Passwords(Supplier<User> users) {
            this.users = users;
        }

        @Override
        public void change(Actor who, Password current, Password next) {
            if (!current.value().equals(this.current)) {
                throw new WrongCurrentPasswordException("The current password is not right.");
            }
            if (next.value().equals(current.value())) {
                throw new PasswordRejectedException("The new password must differ from the current one.");
            }
            String problem = next.lengthProblem();
            if (problem != null) {
                throw new PasswordRejectedException(problem);
            }
            if (next.value().equalsIgnoreCase(COMMON)) {
                throw new PasswordRejectedException(
                        "This password is on a list of commonly used passwords; choose one that is harder to guess.");
            }
            this.current = next.value();
            changedBy.add(who.username());
            users.get().mustChangePassword = false;
        }
    }

    static final class Connection implements ConnectRingCentral, DisconnectRingCentral, ViewConnection {
        static final URI SERVER = URI.create("https://platform.ringcentral.com");
        ConnectionView view = ConnectionView.notConnected(SERVER, null);
        final List<String> started = new ArrayList<>();
        final List<String> disconnectedBy = new ArrayList<>();

        @Override
        public URI start(Actor admin) {
            started.add(admin.username());
            return URI.create("https://platform.ringcentral.com/restapi/oauth/authorize?response_type=code&state=abc");
        }

        @Override
        public ConnectOutcome complete(String state, String code, Actor admin) {
            throw new UnsupportedOperationException("the views never complete");
        }

        @Override
        public ConnectOutcome decline(String state, String error, Actor admin) {
            throw new UnsupportedOperationException("the views never decline");
        }

        @Override
        public void disconnect(Actor admin) {
            disconnectedBy.add(admin.username());
            view = ConnectionView.notConnected(SERVER, null);
        }

        @Override
        public ConnectionView view() {
            return view;
        }
    }

    /** The person at the console; tests set their extension or must-change flag before the view starts. */
    static final class User implements CurrentUser {
        static final String ADDRESS = "203.0.113.7";

        final String name;
        final Set<String> roles;
        final UUID id;
        String displayName;
        ExtensionLink extension;
        boolean mustChangePassword;
        int logouts;

        User(String name, String displayName, Set<String> roles) {
            this.name = name;
            this.displayName = displayName;
            this.roles = roles;
            this.id = UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
        }

        User(String name, Set<String> roles) {
            this(name, name, roles);
        }

        static User operator() {
            return new User("olivia", "Olivia Park", Set.of(Roles.OPERATOR));
        }

        static User admin() {
            return new User("ada", "Ada Admin", Set.of(Roles.ADMIN, Roles.OPERATOR));
        }

        static User maria() {
            return new User("maria", "Maria Lopez", Set.of(Roles.OPERATOR));
        }

        User at(ExtensionLink desk) {
            this.extension = desk;
            return this;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public UUID id() {
            return id;
        }

        @Override
        public String displayName() {
            return displayName;
        }

        @Override
        public Optional<ExtensionLink> extension() {
            return Optional.ofNullable(extension);
        }

        @Override
        public boolean mustChangePassword() {
            return mustChangePassword;
        }

        @Override
        public Actor actor() {
            return new Actor(id, name, displayName, ADDRESS);
        }

        @Override
        public boolean hasRole(String role) {
            return roles.contains(role);
        }

        @Override
        public void logout() {
            logouts++;
        }
    }

    static final class Demo implements DemoCalls {
        final List<String> events = new ArrayList<>();

        @Override
        public SimulatedCall ringNow() {
            events.add("ring");
            return new SimulatedCall("call-1", PhoneNumber.of("+16025550147"), "Jane Doe");
        }

        @Override
        public void answer(String callId) {
            events.add("answer " + callId);
        }

        @Override
        public void end(String callId) {
            events.add("end " + callId);
        }
    }
}
