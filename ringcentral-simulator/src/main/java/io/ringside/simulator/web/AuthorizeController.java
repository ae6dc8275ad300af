package io.ringside.simulator.web;

import io.ringside.simulator.SimulatedPlatform;
import io.ringside.simulator.limits.ThrottlingGroup;
import io.ringside.simulator.oauth.AuthorizeOutcome;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.HtmlUtils;

import java.util.Map;

/**
 * The browser side of the code flow: RingCentral's consent page (the user is already signed in),
 * then a redirect back to the app — or, when the request cannot be trusted, an error page.
 */
@Controller
@RequestMapping("${ringside.simulator.path-prefix:}/restapi/oauth/authorize")
class AuthorizeController {

    private final SimulatedPlatform platform;
    private final String pathPrefix;

    AuthorizeController(SimulatedPlatform platform, @Value("${ringside.simulator.path-prefix:}") String pathPrefix) {
        this.platform = platform;
        this.pathPrefix = pathPrefix;
    }

    @GetMapping
    @Throttled(value = ThrottlingGroup.AUTH, caller = Throttled.CallerProof.BROWSER)
    ResponseEntity<String> authorize(@RequestParam Map<String, String> query, HttpServletRequest request) {
        return respond(platform.authorizationServer().authorize(query), request);
    }

    @PostMapping(path = "/consent", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    @Throttled(value = ThrottlingGroup.AUTH, caller = Throttled.CallerProof.BROWSER)
    ResponseEntity<String> decide(@RequestParam(name = "consent", required = false) String consentId,
                                  @RequestParam(name = "decision", required = false) String decision,
                                  HttpServletRequest request) {
        return respond(platform.authorizationServer().decide(consentId, "allow".equals(decision)), request);
    }

    private ResponseEntity<String> respond(AuthorizeOutcome outcome, HttpServletRequest request) {
        return switch (outcome) {
            case AuthorizeOutcome.RedirectBack back -> ResponseEntity.status(HttpStatus.FOUND)
                    .header(HttpHeaders.LOCATION, back.location().toString())
                    .build();
            case AuthorizeOutcome.ShowConsent consent -> html(HttpStatus.OK, consentPage(consent, request));
            case AuthorizeOutcome.ShowError error -> html(HttpStatus.BAD_REQUEST, errorPage(error));
        };
    }

    private static ResponseEntity<String> html(HttpStatus status, String body) {
        return ResponseEntity.status(status)
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                // The page is a login surface: not framable, as on the real platform.
                .header("X-Frame-Options", "DENY")
                .body(body);
    }

    private String consentPage(AuthorizeOutcome.ShowConsent consent, HttpServletRequest request) {
        String app = HtmlUtils.htmlEscape(consent.appName());
        String user = HtmlUtils.htmlEscape(consent.userName());
        String action = HtmlUtils.htmlEscape(
                request.getContextPath() + pathPrefix + "/restapi/oauth/authorize/consent");
        return page("Authorize " + app, """
                <h1>%s wants to read your call log</h1>
                <p>Signed in to RingCentral (simulated) as <strong id="user-name">%s</strong>.</p>
                <p>%s is asking for permission to:</p>
                <ul><li>Read your call log (ReadCallLog)</li><li>See your presence and current calls (ReadPresence)</li></ul>
                <form method="post" action="%s">
                  <input type="hidden" name="consent" value="%s">
                  <button type="submit" id="allow" name="decision" value="allow">Allow</button>
                  <button type="submit" id="deny" name="decision" value="deny">Deny</button>
                </form>
                """.formatted(app, user, app, action, HtmlUtils.htmlEscape(consent.consentId())));
    }

    private static String errorPage(AuthorizeOutcome.ShowError error) {
        return page("Authorization error", """
                <h1>We could not process this request</h1>
                <p id="error-message">%s</p>
                <p>Error code: <code id="error-code">%s</code></p>
                """.formatted(HtmlUtils.htmlEscape(error.message()), HtmlUtils.htmlEscape(error.errorCode())));
    }

    private static String page(String title, String body) {
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>%s — RingCentral (simulated)</title>
                <style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem}
                button{font-size:1rem;padding:.5rem 1.5rem;margin-right:.5rem}</style></head>
                <body>%s</body></html>
                """.formatted(title, body);
    }
}
