package io.ringside.bootstrap.security;

import io.ringside.domain.Actor;
import io.ringside.application.port.in.ConnectRingCentral;
import io.ringside.bootstrap.RingsideApplication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The response headers a browser gets from the running app (demo mode, a real Tomcat on a random
 * port, plain http from loopback), on the pages people open: Vaadin's login page and a view, the
 * OAuth callback's error page, and the simulator's consent and error pages. A real server, not
 * MockMvc: Vaadin's host page once went out with none of Spring Security's headers, which only a
 * real response showed. Behind a TLS proxy (X-Forwarded-Proto from loopback, a trusted address)
 * the session cookie is Secure and HSTS is sent; over plain http neither, so demo login works.
 */
@SpringBootTest(classes = RingsideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "ringside.data-dir=target/test-data/${random.uuid}",
                "ringside.simulator.generator.enabled=false",
                "ringside.scheduling.enabled=false"})
class SecurityHeadersTest {

    private static final Actor ADMIN = new Actor(null, "admin", "Administrator", "127.0.0.1");

    private static final Pattern NONCE = Pattern.compile("script-src 'self' 'nonce-([A-Za-z0-9+/=]+)' 'unsafe-eval'");
    private static final Pattern SCRIPT_TAG = Pattern.compile("<script\\b[^>]*>", Pattern.CASE_INSENSITIVE);

    @LocalServerPort
    int port;
    @Autowired
    ConnectRingCentral connect;

    private HttpClient browser;

    @BeforeEach
    void newBrowser() {
        browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Test
    void vaadinsLoginPageRunsOnlyItsOwnScriptsUnderAFreshNonce() throws Exception {
        HttpResponse<String> first = get("/login");
        assertThat(first.statusCode()).isEqualTo(200);
        assertHardened(first);
        String nonce = nonceOf(first);
        assertThat(scriptTagsWithout(nonce, first.body())).isEmpty();
        assertThat(SCRIPT_TAG.matcher(first.body()).results().count()).as("Vaadin's bootstrap scripts").isGreaterThanOrEqualTo(3);

        String next = nonceOf(get("/login"));
        assertThat(next).as("a new nonce for every page").isNotEqualTo(nonce);
        assertThat(scriptTagsWithout(next, first.body())).as("the old page's nonce is not the new one's").isNotEmpty();
    }

    @Test
    void theScriptCheckFindsAPlantedScriptWithoutTheNonce() {
        String page = "<script nonce=\"abc\">ok()</script><script type=\"module\">planted()</script><SCRIPT src=x nonce=abcd>";
        assertThat(scriptTagsWithout("abc", page)).containsExactly("<script type=\"module\">", "<SCRIPT src=x nonce=abcd>");
    }

    @Test
    void aViewAfterLoginAndTheCallbacksErrorPageAreHardenedToo() throws Exception {
        logInAsAdmin();
        HttpResponse<String> view = get("/admin/ringcentral");
        assertThat(view.statusCode()).isEqualTo(200);
        assertHardened(view);
        assertThat(scriptTagsWithout(nonceOf(view), view.body())).isEmpty();

        HttpResponse<String> callback = get("/api/ringcentral/callback?state=" + "s".repeat(43));
        assertThat(callback.statusCode()).isEqualTo(400);
        assertThat(callback.body()).contains("Missing OAuth code");
        assertHardened(callback);
    }

    @Test
    void theSimulatorsConsentPagePostsToThisOriginUnderTheSamePolicy() throws Exception {
        URI authorize = connect.start(ADMIN);
        HttpResponse<String> consent = get(authorize.getRawPath() + "?" + authorize.getRawQuery());
        assertThat(consent.statusCode()).isEqualTo(200);
        assertHardened(consent);
        // form-action 'self': the consent form must post to this origin (a relative path).
        assertThat(consent.body()).contains("<form method=\"post\" action=\"/simulator/restapi/oauth/authorize/consent\">");

        HttpResponse<String> error = get("/simulator/restapi/oauth/authorize?client_id=nobody");
        assertThat(error.statusCode()).isEqualTo(400);
        assertHardened(error);
    }

    @Test
    void behindATlsProxyTheSessionCookieIsSecureAndHstsIsSent() throws Exception {
        HttpResponse<String> login = send(request("/login")
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "ringside.example.com").build());
        assertThat(login.headers().firstValue("Strict-Transport-Security")).hasValue("max-age=31536000 ; includeSubDomains");
        assertThat(sessionCookie(login)).contains("; Secure").contains("; HttpOnly").contains("; SameSite=Lax");

        HttpResponse<String> home = send(request("/")
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "ringside.example.com").build());
        assertThat(home.headers().firstValue("Location")).as("redirects keep the proxy's scheme and host")
                .hasValue("https://ringside.example.com/login");
    }

    @Test
    void overPlainHttpTheCookieIsNotSecureSoDemoLoginWorks() throws Exception {
        HttpResponse<String> login = get("/login");
        assertThat(login.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(sessionCookie(login)).doesNotContain("Secure").contains("; HttpOnly").contains("; SameSite=Lax");

        logInAsAdmin();
        assertThat(get("/admin/ringcentral").statusCode()).as("the session came back over http").isEqualTo(200);
    }

    private void assertHardened(HttpResponse<String> response) {
        String policy = response.headers().firstValue("Content-Security-Policy").orElse("");
        assertThat(policy.split("; ")).as("the Content-Security-Policy of " + response.uri()).contains(
                "default-src 'self'", "style-src 'self' 'unsafe-inline'", "font-src 'self' data:", "img-src 'self' data:", "connect-src 'self'",
                "object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'");
        assertThat(policy).doesNotContain("unsafe-inline' 'nonce").matches(".*" + NONCE.pattern() + ".*");
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(response.headers().firstValue("Permissions-Policy").orElse(""))
                .contains("camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()");
        assertThat(response.headers().firstValue("Cross-Origin-Opener-Policy")).hasValue("same-origin");
        assertThat(response.headers().firstValue("Strict-Transport-Security")).as("no HSTS over plain http").isEmpty();
    }

    private static String nonceOf(HttpResponse<String> response) {
        Matcher nonce = NONCE.matcher(response.headers().firstValue("Content-Security-Policy").orElse(""));
        assertThat(nonce.find()).as("a script nonce in the policy of " + response.uri()).isTrue();
        return nonce.group(1);
    }

    /** Every {@code <script>} start tag that does not carry exactly {@code nonce}. */
    private static List<String> scriptTagsWithout(String nonce, String html) {
        List<String> without = new ArrayList<>();
        SCRIPT_TAG.matcher(html).results().map(MatchResult::group).forEach(tag -> {
            if (!tag.contains("nonce=\"" + nonce + "\"")) {
                without.add(tag);
            }
        });
        return without;
    }

    private String sessionCookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie from " + response.uri() + ": " + response.headers().map()));
    }

    private void logInAsAdmin() throws IOException, InterruptedException {
        get("/login");
        HttpResponse<String> loggedIn = send(request("/login")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=admin")).build());
        assertThat(loggedIn.statusCode()).isEqualTo(302);
        assertThat(loggedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
    }

    private HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return send(request(pathAndQuery).build());
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery));
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return browser.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
