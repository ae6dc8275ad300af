package io.ringside.simulator.oauth;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The permissions (app scopes) of the one registered app, as set in RingCentral's developer console.
 * Tokens list them in {@code scope}; the push gateway checks them live, so a test can take one away
 * from a connected app and see the gateway refuse what needs it.
 */
public final class AppPermissions {

    /** The account's extension list (and other account and extension data). */
    public static final String READ_ACCOUNTS = "ReadAccounts";
    public static final String READ_CALL_LOG = "ReadCallLog";
    public static final String READ_PRESENCE = "ReadPresence";
    public static final String CALL_CONTROL = "CallControl";
    public static final String WEB_SOCKETS_SUBSCRIPTION = "WebSocketsSubscription";

    /** What the demo app has: enough to list the extensions, read calls and receive them by push. */
    public static final Set<String> DEFAULTS =
            Set.copyOf(Arrays.asList(READ_ACCOUNTS, READ_CALL_LOG, READ_PRESENCE, CALL_CONTROL, WEB_SOCKETS_SUBSCRIPTION));

    private Set<String> granted = orderedCopy(DEFAULTS);

    /** In the console's order (see {@link #scope()}). */
    public synchronized Set<String> granted() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(granted));
    }

    public synchronized boolean has(String permission) {
        return granted.contains(permission);
    }

    public synchronized void set(Collection<String> permissions) {
        for (String permission : permissions) {
            if (permission == null || !permission.matches("[A-Za-z]+")) {
                throw new IllegalArgumentException("not a permission name: " + permission);
            }
        }
        granted = orderedCopy(permissions);
    }

    public synchronized void grant(String permission) {
        Set<String> next = orderedCopy(granted);
        next.add(permission);
        set(next);
    }

    public synchronized void revoke(String permission) {
        Set<String> next = orderedCopy(granted);
        next.remove(permission);
        granted = next;
    }

    public synchronized void reset() {
        granted = orderedCopy(DEFAULTS);
    }

    /** As a token's {@code scope}: space-separated, in a stable order. */
    public synchronized String scope() {
        return String.join(" ", granted);
    }

    private static Set<String> orderedCopy(Collection<String> permissions) {
        // The console's order, so scope strings are stable: known ones first, others after, alphabetically.
        Set<String> ordered = new LinkedHashSet<>();
        for (String known : new String[] {READ_ACCOUNTS, READ_CALL_LOG, READ_PRESENCE, CALL_CONTROL, WEB_SOCKETS_SUBSCRIPTION}) {
            if (permissions.contains(known)) {
                ordered.add(known);
            }
        }
        permissions.stream().filter(p -> !ordered.contains(p)).sorted().forEach(ordered::add);
        return ordered;
    }
}
