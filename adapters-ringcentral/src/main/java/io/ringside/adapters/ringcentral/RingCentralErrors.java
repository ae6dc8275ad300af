package io.ringside.adapters.ringcentral;

import io.ringside.adapters.ringcentral.wire.ErrorResponse;
import io.ringside.application.port.out.AccessTokenRejectedException;
import io.ringside.application.port.out.RingCentralException;
import io.ringside.application.port.out.RingCentralRejectedException;
import io.ringside.application.port.out.RingCentralRejectedException.Reason;

import java.util.Collection;
import java.util.Set;

/** RingCentral's 4xx answers (other than 429) as the port's distinct outcomes. */
final class RingCentralErrors {

    /** 401 codes that mean "this access token is no good": expired (OAU-128) or revoked/invalid. */
    private static final Set<String> TOKEN_REJECTED = Set.of("OAU-128", "OAU-213", "AGW-401");
    private static final Set<String> MISSING_PERMISSION = Set.of("CMN-401", "CMN-403");

    private RingCentralErrors() {
    }

    /**
     * @param body    the parsed error body, or null when it was not RingCentral's JSON
     * @param secrets the request's secrets, masked out of any text RingCentral quotes back
     */
    static RingCentralException translate(Operation operation, int status, ErrorResponse body, Collection<String> secrets) {
        String code = body == null ? null : body.firstErrorCode();
        String error = body == null ? null : body.error();
        String said = body == null ? null : Redaction.quote(body.firstMessage(), secrets);
        return operation.isOAuth()
                ? oauth(operation, status, code, error, said)
                : api(operation, status, code, said);
    }

    private static RingCentralException oauth(Operation operation, int status, String code, String error, String said) {
        Reason reason;
        String advice;
        if ("OAU-109".equals(code) || "OAU-113".equals(code)) {
            reason = Reason.REDIRECT_MISMATCH;
            advice = "the redirect URI (ringcentral.redirect-uri) must equal the one registered for the app";
        } else if ("invalid_client".equals(error) || "OAU-146".equals(code) || "OAU-153".equals(code)) {
            reason = Reason.BAD_CLIENT_CREDENTIALS;
            advice = "check the app's client id and secret";
        } else if (operation == Operation.TOKEN_EXCHANGE && "OAU-108".equals(code)) {
            reason = Reason.CODE_EXPIRED;
            advice = "the authorization code expired; connect again";
        } else if (operation == Operation.TOKEN_EXCHANGE && ("OAU-106".equals(code) || "OAU-110".equals(code) || "invalid_grant".equals(error))) {
            reason = Reason.CODE_REJECTED;
            advice = "the authorization code is unknown or already used; connect again";
        } else if (operation != Operation.TOKEN_EXCHANGE && "invalid_grant".equals(error)) {
            reason = Reason.INVALID_GRANT;
            advice = "the refresh token is no longer valid; an admin must connect RingCentral again";
        } else if (status == 401) {
            reason = Reason.BAD_CLIENT_CREDENTIALS;
            advice = "RingCentral did not accept the app's client credentials";
        } else {
            reason = Reason.REQUEST_REFUSED;
            advice = "HTTP " + status;
        }
        return new RingCentralRejectedException(reason, code, message(operation, reason, code, said, advice));
    }

    private static RingCentralException api(Operation operation, int status, String code, String said) {
        // Set.of(...).contains(null) throws: a 4xx without RingCentral's error code (a proxy's 404) must still read as a refusal.
        if (status == 401 || code != null && TOKEN_REJECTED.contains(code)) {
            return new AccessTokenRejectedException(code);
        }
        if (status == 403 || code != null && MISSING_PERMISSION.contains(code)) {
            String advice = switch (operation) {
                case WS_TOKEN -> "the RingCentral app lacks the WebSocketsSubscription permission, which push notifications need";
                // CMN-408 is RingCentral's "user needs to have [ReadExtensions] permission"; CMN-401 names the app's.
                case EXTENSION_LIST -> "CMN-408".equals(code)
                        ? "the connected RingCentral user may not see the company's extensions (user permission ReadExtensions):"
                        + " connect RingCentral as an administrator"
                        : "the RingCentral app lacks the ReadAccounts permission, which Ringside needs to list the company's"
                        + " extensions: add Read Accounts to the app's permissions in RingCentral's developer console,"
                        + " then connect RingCentral again";
                default -> "the RingCentral app or the connected user lacks a permission (ReadCallLog, ReadPresence;"
                        + " the company call log needs an admin user)";
            };
            return new RingCentralRejectedException(Reason.MISSING_PERMISSION, code, message(operation, Reason.MISSING_PERMISSION,
                    code, said, advice));
        }
        return new RingCentralRejectedException(Reason.REQUEST_REFUSED, code,
                message(operation, Reason.REQUEST_REFUSED, code, said, "HTTP " + status));
    }

    private static String message(Operation operation, Reason reason, String code, String said, String advice) {
        StringBuilder text = new StringBuilder("RingCentral refused the ").append(operation.description())
                .append(" (").append(reason).append(code == null ? "" : ", " + code).append("): ").append(advice);
        if (said != null) {
            text.append(". RingCentral said: ").append(said);
        }
        return text.toString();
    }
}
