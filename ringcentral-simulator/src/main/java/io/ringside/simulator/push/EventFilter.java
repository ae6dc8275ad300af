package io.ringside.simulator.push;

import io.ringside.simulator.calls.Directory;
import io.ringside.simulator.calls.SimulatedCall;
import io.ringside.simulator.oauth.AppPermissions;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The event filters the simulator's gateway serves, parsed from what a client subscribes to ({@code ~}
 * or real ids) into what the subscription reports and notifications name: the same path with real ids.
 */
sealed interface EventFilter {

    /** The filter with real ids, as RingCentral echoes it in the subscription and in each notification's {@code event}. */
    String canonical();

    /** The app permission this filter needs. */
    String permission();

    /** Every call of the account: {@code /restapi/v1.0/account/~/telephony/sessions}. */
    record AccountTelephonySessions(long accountId) implements EventFilter {
        @Override
        public String canonical() {
            return "/restapi/v1.0/account/" + accountId + "/telephony/sessions";
        }

        @Override
        public String permission() {
            return AppPermissions.CALL_CONTROL;
        }
    }

    /** The calls of one extension: {@code /restapi/v1.0/account/~/extension/~/telephony/sessions}. */
    record ExtensionTelephonySessions(long accountId, long extensionId) implements EventFilter {
        @Override
        public String canonical() {
            return "/restapi/v1.0/account/" + accountId + "/extension/" + extensionId + "/telephony/sessions";
        }

        @Override
        public String permission() {
            return AppPermissions.CALL_CONTROL;
        }
    }

    /** One extension's presence, with its active calls when {@code detailed}. */
    record ExtensionPresence(long accountId, long extensionId, boolean detailed) implements EventFilter {
        @Override
        public String canonical() {
            return "/restapi/v1.0/account/" + accountId + "/extension/" + extensionId + "/presence"
                    + (detailed ? "?detailedTelephonyState=true" : "");
        }

        @Override
        public String permission() {
            return AppPermissions.READ_PRESENCE;
        }
    }

    default boolean coversCallOf(SimulatedCall call) {
        return switch (this) {
            case AccountTelephonySessions a -> true;
            case ExtensionTelephonySessions e -> call.extension().id() == e.extensionId();
            case ExtensionPresence p -> call.extension().id() == p.extensionId();
        };
    }

    Pattern SHAPE = Pattern.compile(
            "/restapi/v1\\.0/account/([^/?]+)(?:/extension/([^/?]+))?/(telephony/sessions|presence)/?(?:\\?(.*))?");

    /**
     * Parses a filter as a token of {@code ownerId} may subscribe to it: its own account and its own
     * extension only. Empty when the filter is unknown to RingCentral or out of this token's reach.
     */
    static Optional<EventFilter> parse(String filter, Directory directory, long ownerId) {
        if (filter == null) {
            return Optional.empty();
        }
        Matcher m = SHAPE.matcher(filter.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        String account = m.group(1);
        String extension = m.group(2);
        String resource = m.group(3);
        String query = m.group(4);
        if (!account.equals("~") && !account.equals(Long.toString(directory.accountId()))) {
            return Optional.empty();
        }
        if (extension != null && !extension.equals("~") && !extension.equals(Long.toString(ownerId))) {
            return Optional.empty();
        }
        long accountId = directory.accountId();
        if (resource.equals("telephony/sessions")) {
            if (query != null && !query.isEmpty()) {
                return Optional.empty(); // direction, statusCode, … are not simulated
            }
            return Optional.of(extension == null ? new AccountTelephonySessions(accountId)
                    : new ExtensionTelephonySessions(accountId, ownerId));
        }
        if (extension == null) {
            return Optional.empty(); // presence is per extension
        }
        if (query == null || query.isEmpty()) {
            return Optional.of(new ExtensionPresence(accountId, ownerId, false));
        }
        return switch (query) {
            case "detailedTelephonyState=true" -> Optional.of(new ExtensionPresence(accountId, ownerId, true));
            case "detailedTelephonyState=false" -> Optional.of(new ExtensionPresence(accountId, ownerId, false));
            default -> Optional.empty();
        };
    }
}
