package io.ringside.ui.callback;

import io.ringside.application.port.in.ConnectOutcome;
import io.ringside.application.port.in.ConnectRingCentral;
import io.ringside.application.port.in.LookUpUser;
import io.ringside.application.port.in.UserSummary;
import io.ringside.domain.Actor;
import io.ringside.domain.PendingAuthorization;
import io.ringside.ui.Roles;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where RingCentral sends the admin's browser back after the consent page
 * ({@code ?code&state}, or {@code ?error&state}). Bootstrap's security chain already requires ADMIN
 * here; this checks again. Answers are small fixed HTML pages that never echo a parameter (no code,
 * state, token or secret), or a redirect to the admin page on success.
 */
@Controller
public class RingCentralCallbackController {

    public static final String PATH = "/api/ringcentral/callback";
    /** Where the admin lands after connecting; the admin page greets {@code ?connected}. */
    public static final String ADMIN_PAGE = "/admin/ringcentral";
    public static final int MAX_PARAMETER_LENGTH = 2048;

    private static final Logger log = LoggerFactory.getLogger(RingCentralCallbackController.class);
    private static final String ADMIN_AUTHORITY = "ROLE_" + Roles.ADMIN;

    private final ConnectRingCentral connectRingCentral;
    private final LookUpUser users;

    public RingCentralCallbackController(ConnectRingCentral connectRingCentral, LookUpUser users) {
        this.connectRingCentral = Objects.requireNonNull(connectRingCentral, "connectRingCentral");
        this.users = Objects.requireNonNull(users, "users");
    }

    /** Until the wiring passes {@link LookUpUser}: the admin is known by username only (no id, name as display name). */
    public RingCentralCallbackController(ConnectRingCentral connectRingCentral) {
        this(connectRingCentral, username -> Optional.empty());
    }

    @GetMapping(PATH)
    public ResponseEntity<String> callback(HttpServletRequest request, Authentication authentication) {
        String base = request.getContextPath();
        if (!isAdmin(authentication)) {
            log.warn("RingCentral callback refused: not an admin");
            return page(HttpStatus.FORBIDDEN, "Admins only",
                    "Only an admin can connect RingCentral. Log in as an admin and start again from the RingCentral page.",
                    base, "Go to the console");
        }
        Actor admin = admin(authentication.getName(), request.getRemoteAddr());
        Map<String, String[]> parameters = request.getParameterMap();
        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            String[] values = parameter.getValue();
            boolean tooLong = parameter.getKey().length() > MAX_PARAMETER_LENGTH
                    || (values != null && values.length > 0 && values[0] != null && values[0].length() > MAX_PARAMETER_LENGTH);
            if (values == null || values.length != 1 || tooLong) {
                log.warn("RingCentral callback refused: a parameter is repeated or too long");
                return badRequest("This address is not a valid RingCentral answer (a parameter is repeated or too long).", base);
            }
        }
        String code = single(parameters, "code");
        String state = single(parameters, "state");
        String error = single(parameters, "error");

        if (error != null) {
            if (code != null) {
                log.warn("RingCentral callback refused: both a code and an error");
                return badRequest("This address is not a valid RingCentral answer (it has both a code and an error).", base);
            }
            if (!PendingAuthorization.looksLikeState(state)) {
                log.warn("RingCentral callback refused: error without a valid state");
                return invalidState(base);
            }
            return answer(connectRingCentral.decline(state, error, admin), base);
        }
        if (code == null || code.isBlank()) {
            log.warn("RingCentral callback refused: no code");
            return page(HttpStatus.BAD_REQUEST, "Missing OAuth code",
                    "RingCentral's answer has no authorization code, so Ringside cannot connect. Start again from the RingCentral page.",
                    base + ADMIN_PAGE, "Back to the RingCentral page");
        }
        if (!PendingAuthorization.looksLikeState(state)) {
            log.warn("RingCentral callback refused: missing or malformed state");
            return invalidState(base);
        }
        ConnectOutcome outcome;
        try {
            outcome = connectRingCentral.complete(state, code, admin);
        } catch (RuntimeException e) {
            log.error("Completing the RingCentral connection failed", e);
            return page(HttpStatus.INTERNAL_SERVER_ERROR, "Ringside could not connect RingCentral",
                    "Something went wrong on Ringside's side. Try connecting again; if it keeps failing, look at Ringside's log.",
                    base + ADMIN_PAGE, "Try again");
        }
        return answer(outcome, base);
    }

    private ResponseEntity<String> answer(ConnectOutcome outcome, String base) {
        String adminPage = base + ADMIN_PAGE;
        return switch (outcome) {
            case ConnectOutcome.Connected connected -> {
                log.info("RingCentral connected");
                yield ResponseEntity.status(HttpStatus.FOUND)
                        .location(URI.create(adminPage + "?connected"))
                        .cacheControl(CacheControl.noStore())
                        .build();
            }
            case ConnectOutcome.StateInvalid ignored -> {
                log.warn("RingCentral callback refused: unknown, expired, used or another admin's state");
                yield invalidState(base);
            }
            case ConnectOutcome.AccessDenied denied -> {
                log.info("RingCentral access was not granted");
                yield "access_denied".equals(denied.error())
                        ? page(HttpStatus.FORBIDDEN, "You declined access",
                        "RingCentral says access was declined, so Ringside is not connected. You can connect again whenever you like.",
                        adminPage, "Back to the RingCentral page")
                        : page(HttpStatus.FORBIDDEN, "RingCentral did not grant access",
                        "RingCentral answered with an error instead of an authorization, so Ringside is not connected.",
                        adminPage, "Back to the RingCentral page");
            }
            case ConnectOutcome.CodeRejected rejected -> {
                log.warn("RingCentral rejected the authorization code: {}", rejected.reason());
                yield page(HttpStatus.BAD_GATEWAY, "RingCentral refused the connection", sentence(rejected), adminPage, "Try again");
            }
            case ConnectOutcome.Unavailable unavailable -> {
                log.warn("RingCentral unavailable while connecting");
                yield page(HttpStatus.SERVICE_UNAVAILABLE, "RingCentral could not be reached",
                        "RingCentral did not answer or asked Ringside to slow down. Wait a minute, then try connecting again.",
                        adminPage, "Try again");
            }
        };
    }

    private static String sentence(ConnectOutcome.CodeRejected rejected) {
        if (rejected.reason() == null) {
            return "RingCentral did not accept the authorization. Try connecting again.";
        }
        return switch (rejected.reason()) {
            case CODE_EXPIRED -> "The authorization expired before Ringside could use it (it lasts about a minute). Try connecting again.";
            case CODE_REJECTED -> "RingCentral did not accept the authorization (it may have been used already). Try connecting again.";
            case REDIRECT_MISMATCH -> "RingCentral says Ringside's redirect URI differs from the one registered for the app."
                    + " Check RINGCENTRAL_REDIRECT_URI, then try again.";
            case BAD_CLIENT_CREDENTIALS -> "RingCentral did not accept Ringside's client id or secret."
                    + " Check RINGCENTRAL_CLIENT_ID and RINGCENTRAL_CLIENT_SECRET, then try again.";
            default -> "RingCentral did not accept the authorization. Try connecting again.";
        };
    }

    /** The logged-in admin as the audit trail records them, from the address this request came from. */
    private Actor admin(String username, String address) {
        Optional<UserSummary> account;
        try {
            account = users.byUsername(username);
        } catch (RuntimeException e) {
            // The attempt is still this admin's (the state says so); the trail then names them by username only.
            log.warn("Could not look up the admin's account for the audit trail", e);
            account = Optional.empty();
        }
        return account.map(user -> new Actor(user.id(), user.username(), user.displayName(), address))
                .orElseGet(() -> new Actor(null, username, username, address));
    }

    private static boolean isAdmin(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated() || authentication.getName() == null) {
            return false;
        }
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            if (ADMIN_AUTHORITY.equals(authority.getAuthority())) {
                return true;
            }
        }
        return false;
    }

    private static String single(Map<String, String[]> parameters, String name) {
        String[] values = parameters.get(name);
        return values == null ? null : values[0];
    }

    private static ResponseEntity<String> invalidState(String base) {
        return page(HttpStatus.BAD_REQUEST, "This connection attempt is not valid",
                "The link is unknown, expired, already used or was started by someone else. Nothing was changed."
                        + " Start again from the RingCentral page.",
                base + ADMIN_PAGE, "Back to the RingCentral page");
    }

    private static ResponseEntity<String> badRequest(String text, String base) {
        return page(HttpStatus.BAD_REQUEST, "Bad request", text + " Nothing was changed.", base + ADMIN_PAGE,
                "Back to the RingCentral page");
    }

    /** A small page built from fixed text only: nothing from the request is written into it. */
    private static ResponseEntity<String> page(HttpStatus status, String title, String text, String link, String linkText) {
        String html = """
                <!DOCTYPE html>
                <html lang="en">
                <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%1$s · Ringside</title>
                <style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.5}</style>
                </head>
                <body>
                <h1>%1$s</h1>
                <p>%2$s</p>
                <p><a href="%3$s">%4$s</a></p>
                </body>
                </html>
                """.formatted(escape(title), escape(text), escape(link.isEmpty() ? "/" : link), escape(linkText));
        return ResponseEntity.status(status)
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .header("Referrer-Policy", "no-referrer")
                .body(html);
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
