package io.ringside.ui.view;

import com.vaadin.flow.router.RouteConfiguration;
import io.ringside.application.port.in.ExtensionsUnavailableException;
import io.ringside.application.port.in.IssuedPassword;
import io.ringside.application.port.in.ListCompanyExtensions;
import io.ringside.application.port.in.ManageUsers;
import io.ringside.application.port.in.UserChangeRefusedException;
import io.ringside.application.port.in.UserSummary;
import io.ringside.application.port.in.ViewAuditTrail;
import io.ringside.domain.Actor;
import io.ringside.domain.AuditEntry;
import io.ringside.domain.AuditQuery;
import io.ringside.domain.Extension;
import io.ringside.domain.ExtensionLink;
import io.ringside.domain.Role;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The Karibu base plus the Users and Audit pages, built with fakes of their ports (kept here so the
 * shared {@link Fakes} stays with the intake views).
 */
abstract class AdminViewsTestBase extends KaribuTestBase {

    final FakeUsers users = new FakeUsers();
    final FakeExtensions extensions = new FakeExtensions();
    final FakeAuditTrail audit = new FakeAuditTrail();

    @Override
    void startVaadin() {
        super.startVaadin();
        RouteConfiguration routes = RouteConfiguration.forApplicationScope();
        routes.setAnnotatedRoute(UsersView.class);
        routes.setAnnotatedRoute(AuditView.class);
    }

    @Override
    Object create(Class<?> type) {
        if (type == UsersView.class) {
            return new UsersView(users, extensions, user, settings, clock);
        }
        if (type == AuditView.class) {
            return new AuditView(audit, settings, clock);
        }
        return super.create(type);
    }

    static UserSummary person(String username, String displayName, Role role) {
        return new UserSummary(UUID.nameUUIDFromBytes(username.getBytes()), username, displayName, role, null, true,
                false, null, null, false, 3);
    }

    /** Records every call with its arguments; {@link #refusal}/{@link #problem} make the next change fail. */
    static final class FakeUsers implements ManageUsers {
        final List<UserSummary> people = new ArrayList<>();
        final List<String> calls = new ArrayList<>();
        final List<Actor> actors = new ArrayList<>();
        String temporaryPassword = "Kq7-mPz4-Xw9t-Hr2c";
        UserChangeRefusedException refusal;
        IllegalArgumentException problem;
        int listed;

        @Override
        public List<UserSummary> list() {
            listed++;
            return people.stream().sorted(Comparator.comparing(UserSummary::username)).toList();
        }

        @Override
        public IssuedPassword add(String username, String displayName, Role role, ExtensionLink extension, Actor admin) {
            record("add " + username + " | " + displayName + " | " + role + " | " + extension, admin);
            UserSummary added = new UserSummary(UUID.randomUUID(), username, displayName, role, extension, true, false, null,
                    null, true, 0);
            people.add(added);
            return new IssuedPassword(added, temporaryPassword);
        }

        @Override
        public UserSummary edit(UUID id, long version, String displayName, Role role, ExtensionLink extension, Actor admin) {
            UserSummary old = find(id);
            record("edit " + old.username() + " v" + version + " | " + displayName + " | " + role + " | " + extension, admin);
            return replace(old, new UserSummary(id, old.username(), displayName, role, extension, old.enabled(), old.locked(),
                    old.lockedUntil(), old.lastLoginAt(), old.mustChangePassword(), version + 1));
        }

        @Override
        public UserSummary setEnabled(UUID id, long version, boolean enabled, Actor admin) {
            UserSummary old = find(id);
            record((enabled ? "enable " : "disable ") + old.username() + " v" + version, admin);
            return replace(old, new UserSummary(id, old.username(), old.displayName(), old.role(), old.extension(), enabled,
                    old.locked(), old.lockedUntil(), old.lastLoginAt(), old.mustChangePassword(), version + 1));
        }

        @Override
        public IssuedPassword resetPassword(UUID id, Actor admin) {
            UserSummary old = find(id);
            record("reset " + old.username(), admin);
            UserSummary reset = replace(old, new UserSummary(id, old.username(), old.displayName(), old.role(), old.extension(),
                    old.enabled(), false, null, old.lastLoginAt(), true, old.version() + 1));
            return new IssuedPassword(reset, temporaryPassword);
        }

        private void record(String call, Actor admin) {
            if (problem != null) {
                throw problem;
            }
            if (refusal != null) {
                throw refusal;
            }
            calls.add(call);
            actors.add(admin);
        }

        private UserSummary find(UUID id) {
            return people.stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
        }

        private UserSummary replace(UserSummary old, UserSummary updated) {
            people.set(people.indexOf(old), updated);
            return updated;
        }
    }

    static final class FakeExtensions implements ListCompanyExtensions {
        List<Extension> list = List.of(new Extension("62001", "101", "Front Desk"), new Extension("62004", "104", "Maria Lopez"),
                new Extension("62005", "105", "Alex Kim"));
        String unavailable;

        @Override
        public List<Extension> extensions() {
            if (unavailable != null) {
                throw new ExtensionsUnavailableException(unavailable);
            }
            return list;
        }
    }

    /** Entries newest first, filtered with the query's own rule; remembers what was asked. */
    static final class FakeAuditTrail implements ViewAuditTrail {
        final List<AuditEntry> entries = new ArrayList<>();
        final List<AuditQuery> queries = new ArrayList<>();
        final List<String> pages = new ArrayList<>();

        @Override
        public List<AuditEntry> find(AuditQuery query, int offset, int limit) {
            queries.add(query);
            pages.add(offset + "+" + limit);
            return matching(query).stream().skip(offset).limit(limit).toList();
        }

        @Override
        public long count(AuditQuery query) {
            queries.add(query);
            return matching(query).size();
        }

        @Override
        public void export(AuditQuery query, Consumer<AuditEntry> each) {
            queries.add(query);
            matching(query).forEach(each);
        }

        private List<AuditEntry> matching(AuditQuery query) {
            return entries.stream().filter(query::matches).sorted(Comparator.comparing(AuditEntry::at).reversed()).toList();
        }

        AuditQuery lastQuery() {
            return queries.getLast();
        }
    }

    static Instant at(String instant) {
        return Instant.parse(instant);
    }
}
