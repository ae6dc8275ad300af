package io.ringside.bootstrap.e2e;

import com.microsoft.playwright.APIRequestContext;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.SameSiteAttribute;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.RequestOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The one end-to-end browser test: the packaged jar in demo mode (its built-in RingCentral
 * simulator), driven through Debian's Chromium with Playwright. An admin connects RingCentral
 * through the simulator's consent page; an operator cannot reach the admin page; with the intake
 * page open a caller ringing at a colleague's extension (103) appears without a click (RingCentral
 * push to Ringside, server push to the page); Populate phone number opens the list of two callers,
 * one is picked by keyboard, saved, and shows in today's intakes. Then the admin adds an operator at
 * extension 104 (picked from the company's extension list) and reads the temporary password once; the
 * operator must choose her own password first (a common one is refused), her own ringing call fills the
 * phone at once, her intake shows her display name, and the audit trail filtered to her says what she did.
 * And the OAuth callback refuses bad input on the running app. Throughout, the browser reports no Content-Security-Policy violation
 * (console and {@code securitypolicyviolation} events; a planted inline script proves both are heard),
 * every page arrives with the policy, and the session cookie works over plain http. A screenshot of every step lands in
 * {@code target/screenshots} (01-…, 02-…), the app's own log in {@code target/e2e/ringside.log}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RingsideInBrowserIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final String TOKEN_PATH = "POST /restapi/oauth/token";

    private static final String FIRST_NUMBER = "+16025551234";
    private static final String FIRST_NAME = "Maria Lopez";
    private static final String FIRST_DISPLAY = "(602) 555-1234";
    private static final String SECOND_NUMBER = "+14155550123";
    private static final String SECOND_NAME = "Sam Chen";
    private static final String SECOND_DISPLAY = "(415) 555-0123";

    private static final Map<String, String> DEMO_DISPLAY_NAMES = Map.of("admin", "Administrator", "operator", "Operator");
    private static final String NEW_OPERATOR = "maria";
    private static final String NEW_OPERATOR_NAME = "Maria Lopez";
    private static final String NEW_OPERATOR_PASSWORD = "lantern-otter-harbour-42";
    private static final String THIRD_NUMBER = "+13125550199";
    private static final String THIRD_NAME = "Dana Whitfield";
    private static final String THIRD_DISPLAY = "(312) 555-0199";

    private static RunningRingside ringside;
    private static Playwright playwright;
    private static Browser browser;
    private static APIRequestContext simulator;
    private static Path screenshots;
    private static int shotNumber;

    private BrowserContext context;
    private Page page;
    private final List<String> pushedFrames = new CopyOnWriteArrayList<>();
    /** What the browser refused under the page's policies: its console lines and securitypolicyviolation events. */
    private final List<String> policyViolations = new CopyOnWriteArrayList<>();
    private final List<String> pagesWithoutPolicy = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startRingsideAndBrowser() throws Exception {
        if (!Files.isExecutable(CHROMIUM)) {
            String why = CHROMIUM + " is missing: install Debian's chromium package (.ci/run does) to run the browser test";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(why);
            }
            assumeTrue(false, why);
        }
        Path target = Path.of(System.getProperty("ringside.jar", "target/ringside.jar")).toAbsolutePath().getParent();
        screenshots = Path.of(System.getProperty("ringside.screenshots", target.resolve("screenshots").toString()));
        Files.createDirectories(screenshots);
        try (var old = Files.newDirectoryStream(screenshots, "*.png")) {
            for (Path shot : old) {
                Files.delete(shot);
            }
        }
        ringside = RunningRingside.start(Path.of(System.getProperty("ringside.jar", "target/ringside.jar")),
                target.resolve("e2e").resolve("ringside.log"));

        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
        simulator = playwright.request().newContext(new com.microsoft.playwright.APIRequest.NewContextOptions()
                .setBaseURL(ringside.baseUrl() + "/simulator/control/"));
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(10_000);
    }

    @AfterAll
    static void stopEverything() throws Exception {
        try {
            if (simulator != null) {
                simulator.dispose();
            }
            if (browser != null) {
                browser.close();
            }
            if (playwright != null) {
                playwright.close();
            }
        } finally {
            if (ringside != null) {
                ringside.close();
            }
        }
    }

    @BeforeEach
    void openBrowser() {
        context = browser.newContext(new Browser.NewContextOptions()
                .setBaseURL(ringside.baseUrl())
                .setViewportSize(1280, 900)
                .setLocale("en-US"));
        context.setDefaultTimeout(15_000);
        watchPolicyViolations();
        page = context.newPage();
        page.onConsoleMessage(message -> {
            String text = message.text();
            if (text.contains("Content Security Policy") || text.contains("Content-Security-Policy")
                    || text.contains("Permissions-Policy")) {
                policyViolations.add("console " + message.type() + ": " + (text.length() > 300 ? text.substring(0, 300) + "…" : text));
            }
        });
        page.onResponse(response -> {
            boolean redirect = response.status() >= 300 && response.status() < 400;
            if ("document".equals(response.request().resourceType()) && !redirect
                    && response.headerValue("content-security-policy") == null) {
                pagesWithoutPolicy.add(response.status() + " " + response.url());
            }
        });
        page.onWebSocket(socket -> socket.onFrameReceived(frame -> {
            String text = frame.text();
            if (text != null) {
                pushedFrames.add(text);
            }
        }));
    }

    @AfterEach
    void closeBrowser() {
        if (context != null) {
            context.close();
        }
    }

    /**
     * Every violation is reported twice, by the browser's console and by a {@code securitypolicyviolation}
     * event on the document, and both are recorded. The event listener is installed by Playwright before any
     * page script runs (outside the page's policy), and reports through a binding, not the console.
     */
    private void watchPolicyViolations() {
        context.exposeBinding("ringsideReportsPolicyViolation", (source, args) -> {
            policyViolations.add("event: " + args[0]);
            return null;
        });
        context.addInitScript("document.addEventListener('securitypolicyviolation', e => "
                + "window.ringsideReportsPolicyViolation(e.effectiveDirective + ' refused ' + (e.blockedURI || '?')"
                + " + ' on ' + e.documentURI + ' line ' + e.lineNumber));");
    }

    @Test
    @Order(0)
    void aPlantedInlineScriptIsRefusedAndHeard() {
        step("a planted inline script is refused, and the refusal heard", this::plantedInlineScriptIsRefusedAndHeard);
    }

    private void plantedInlineScriptIsRefusedAndHeard() {
        page.navigate("/login");
        assertThat(page.locator("vaadin-login-form")).isVisible();
        assertTrue(policyViolations.isEmpty(), "Vaadin's login page runs under the policy (violations listed below)");

        // A script without the page's nonce, as an injected <script> would be (page.evaluate itself is exempt).
        page.evaluate("() => { const s = document.createElement('script');"
                + " s.textContent = 'window.plantedScriptRan = true'; document.head.appendChild(s); }");
        page.waitForCondition(() -> policyViolations.stream().anyMatch(v -> v.startsWith("event: "))
                && policyViolations.stream().anyMatch(v -> v.startsWith("console ")));
        assertEquals(Boolean.FALSE, page.evaluate("() => window.plantedScriptRan === true"), "the planted script did not run");
        assertTrue(policyViolations.stream().anyMatch(v -> v.startsWith("event: script-src")), policyViolations.toString());
        assertTrue(policyViolations.stream().anyMatch(v -> v.startsWith("console error: ") && v.contains("inline script")),
                policyViolations.toString());
        policyViolations.clear(); // heard as planted; anything else is a real violation
    }

    @Test
    @Order(1)
    void adminConnectsOperatorSeesCallersLivePicksOneByKeyboardAndSaves() {
        step("admin connects RingCentral", this::adminConnectsRingCentral);
        step("operator cannot administer", this::operatorCannotAdminister);
        step("a caller ringing at a colleague's extension appears without a click", this::ringingCallerAppearsLive);
        step("populate, pick by keyboard, save", this::populatePickByKeyboardAndSave);
    }

    @Test
    @Order(2)
    void adminAddsAnOperatorWhoChoosesAPasswordTakesTheirOwnCallAndSavesAsThemselves() {
        step("admin adds an operator at extension 104", this::adminAddsOperator);
        step("the operator must choose their own password first", this::newOperatorChangesTemporaryPassword);
        step("their own call fills at once and the intake says who saved it", this::newOperatorTakesTheirCall);
        step("the audit trail says who did it", this::auditTrailShowsWhoDidIt);
    }

    @Test
    @Order(3)
    void theOAuthCallbackRefusesBadInput() {
        step("the callback refuses bad input", this::callbackRefusesBadInput);
    }

    // --- step 1 -------------------------------------------------------------------------------

    private void adminConnectsRingCentral() {
        logIn("admin", "admin");
        sessionCookieWorksOverPlainHttp();
        long tokenRequestsBefore = simulatorCount(TOKEN_PATH);

        page.navigate("/admin/ringcentral");
        assertThat(page.locator("#connection-status")).hasText("Not connected");
        assertThat(page.locator("#connect")).isVisible();
        screenshot("admin-not-connected");

        page.locator("#connect").click();
        page.waitForURL(Pattern.compile(".*/simulator/restapi/oauth/authorize.*"));
        assertThat(page.locator("#allow")).isVisible();
        assertEquals(1, context.pages().size(), "the consent page opens in the same tab");
        screenshot("simulator-consent-page");

        page.locator("#allow").click();
        page.waitForURL(Pattern.compile(".*/admin/ringcentral.*"));
        assertThat(page.locator("#connection-status")).hasText("Connected");
        assertThat(page.getByText("RingCentral connected")).isVisible();
        assertThat(page.locator("#connect")).isHidden();
        assertThat(page.locator("#disconnect")).isVisible();
        assertThat(page.locator("#detail-connected-by")).hasText("admin");
        screenshot("admin-connected");
        assertEquals(tokenRequestsBefore + 1, simulatorCount(TOKEN_PATH),
                "connecting exchanges the code at the simulator's token endpoint exactly once");

        page.locator("#logout").click();
        page.waitForURL(Pattern.compile(".*/login.*"));
    }

    // --- step 2 -------------------------------------------------------------------------------

    private void operatorCannotAdminister() {
        logIn("operator", "operator");
        assertThat(page.locator("#main-nav")).containsText("Caller intake");
        assertThat(page.locator("#main-nav")).not().containsText("RingCentral");
        assertNoConnectButton();

        page.navigate("/admin/ringcentral");
        // Vaadin answers a view the user may not open like a route that does not exist.
        assertThat(page.locator("body")).containsText("Could not navigate to 'admin/ringcentral'");
        assertThat(page.locator("body")).not().containsText("RingCentral connection");
        assertThat(page.locator("#connection-status")).hasCount(0);
        assertNoConnectButton();
        screenshot("operator-refused-admin-page");

        APIResponse callback = page.request().get("/api/ringcentral/callback?code=abc&state=" + forgedState(),
                RequestOptions.create().setMaxRedirects(0));
        assertEquals(403, callback.status(), "the OAuth callback is for admins only");

        page.navigate("/");
        assertThat(page.locator("#user-name")).hasText("Operator");
        assertNoConnectButton();
    }

    /** Over http on localhost a Secure cookie would never come back; behind https Tomcat marks it Secure. */
    private void sessionCookieWorksOverPlainHttp() {
        Cookie session = context.cookies().stream().filter(c -> c.name.equals("JSESSIONID")).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie after login: " + context.cookies()));
        assertTrue(session.httpOnly, "the session cookie is HttpOnly");
        assertEquals(SameSiteAttribute.LAX, session.sameSite, "the session cookie is SameSite=Lax");
        assertFalse(session.secure, "over plain http the session cookie is not Secure, so login works in demo mode");
    }

    private void assertNoConnectButton() {
        assertThat(page.locator("#connect")).hasCount(0);
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Connect RingCentral"))).hasCount(0);
    }

    // --- step 3 -------------------------------------------------------------------------------

    private void ringingCallerAppearsLive() {
        // The intake page is open (step 2 ends there) and the feed is live.
        assertThat(page.locator("#live-indicator")).containsText(Pattern.compile("^Live"));
        screenshot("operator-intake-live");

        long started = System.nanoTime();
        // It rings at a colleague's desk (extension 103), not the connected user's: only push shows it while it rings.
        startCall(FIRST_NUMBER, FIRST_NAME, "103");
        // No click: the live region announces the ringing caller, pushed by the server.
        assertThat(page.locator("#call-announcer")).containsText(FIRST_DISPLAY + " (" + FIRST_NAME + ")",
                new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(3_000));
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.println("[e2e] ring-to-visible in the browser: " + millis + " ms");
        assertTrue(pushedFrames.stream().anyMatch(f -> f.contains(FIRST_NAME)),
                "the ringing caller arrived over the server-push WebSocket (not only through a poll)");
        assertThat(page.locator("#live-indicator")).containsText(Pattern.compile("^Live"));

        // And it is in the Recent callers list: open it from the keyboard (still no click).
        page.locator("#recent-callers input").focus();
        page.keyboard().press("ArrowDown");
        Locator items = visibleItems();
        assertThat(items).hasCount(1);
        assertThat(items.first()).containsText(FIRST_DISPLAY + " — just now · " + FIRST_NAME + " · ringing");
        screenshot("ringing-caller-in-list");
        page.keyboard().press("Escape");
        assertThat(visibleItems()).hasCount(0);
    }

    // --- step 4 -------------------------------------------------------------------------------

    /** The whole intake without the mouse: Alt+P, arrows and Enter in the list, typing, Enter, Ctrl+Enter. */
    private void populatePickByKeyboardAndSave() {
        startCall(SECOND_NUMBER, SECOND_NAME);
        assertThat(page.locator("#call-announcer")).containsText(SECOND_DISPLAY + " (" + SECOND_NAME + ")");
        assertThat(page.locator("#populate")).hasAttribute("aria-keyshortcuts", Pattern.compile("Alt\\+P", Pattern.CASE_INSENSITIVE));

        page.keyboard().press("Alt+KeyP");
        Locator items = visibleItems();
        assertThat(items).hasCount(2);
        assertThat(items.filter(new Locator.FilterOptions().setHasText(FIRST_NAME))).hasCount(1);
        assertThat(items.filter(new Locator.FilterOptions().setHasText(SECOND_NAME))).hasCount(1);
        // Populate puts the keyboard in the list.
        assertThat(page.locator("#recent-callers input")).isFocused();
        screenshot("populate-opens-two-callers");

        List<String> labels = items.allTextContents();
        int index = -1;
        for (int i = 0; i < labels.size(); i++) {
            if (labels.get(i).contains(FIRST_NAME)) {
                index = i;
            }
        }
        assertTrue(index >= 0, "Maria's row in " + labels);
        for (int i = 0; i <= index; i++) {
            page.keyboard().press("ArrowDown");
        }
        assertThat(page.locator("vaadin-combo-box-item[focused]")).containsText(FIRST_NAME);
        screenshot("caller-chosen-by-keyboard");
        page.keyboard().press("Enter");

        assertThat(page.locator("#phone input")).hasValue(FIRST_DISPLAY);
        // The keyboard is in Name now; typing replaces whatever was offered, Enter goes on to Notes.
        assertThat(page.locator("#name input")).isFocused();
        page.keyboard().type(FIRST_NAME);
        page.keyboard().press("Enter");
        assertThat(page.locator("#notes textarea")).isFocused();
        page.keyboard().type("Asks about her order; call back after 3 pm");
        screenshot("intake-filled");

        page.keyboard().press("Control+Enter");
        assertThat(savedNotice(FIRST_DISPLAY)).isVisible();
        Locator today = page.locator("#todays-intakes");
        assertThat(today).containsText(FIRST_NAME);
        assertThat(today).containsText(FIRST_DISPLAY);
        assertThat(today).containsText("Asks about her order");
        assertThat(today).containsText("Operator");
        assertThat(page.locator("#phone input")).hasValue("");
        screenshot("intake-saved-in-todays-list");
    }

    // --- people --------------------------------------------------------------------------------

    private String temporaryPassword;

    private void adminAddsOperator() {
        logIn("admin", "admin");
        page.navigate("/admin/users");
        assertThat(page.locator("#users")).containsText("jordan");
        page.locator("#add-person").click();
        page.locator("#user-username input").fill(NEW_OPERATOR);
        page.locator("#user-display-name input").fill(NEW_OPERATOR_NAME);
        // The extension comes from the company's list on RingCentral (the simulator's directory).
        page.locator("#user-extension input").fill("104");
        assertThat(visibleItems().filter(new Locator.FilterOptions().setHasText("Maria Lopez"))).hasCount(1);
        page.keyboard().press("Enter");
        screenshot("admin-adds-operator");
        page.locator("#user-save").click();

        Locator password = page.locator("#temporary-password");
        assertThat(password).isVisible();
        assertThat(page.locator("#temporary-password-username")).hasText(NEW_OPERATOR);
        temporaryPassword = password.textContent().strip();
        assertEquals(16, temporaryPassword.length(), "a 16-character temporary password");
        screenshot("temporary-password-shown-once");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Done")).click();
        assertThat(page.locator("#temporary-password")).hasCount(0);
        assertThat(page.locator("#users")).containsText(NEW_OPERATOR_NAME);
        assertThat(page.locator("#users")).containsText("Must change password");
        assertThat(page.locator("#users")).containsText("104");
        page.locator("#logout").click();
        page.waitForURL(Pattern.compile(".*/login.*"));
    }

    private void newOperatorChangesTemporaryPassword() {
        logInAs(NEW_OPERATOR, temporaryPassword);
        // Wherever they go, the change-password page comes first.
        page.waitForURL(Pattern.compile(".*/account/password.*"));
        assertThat(page.locator("#must-change")).isVisible();
        page.navigate("/");
        page.waitForURL(Pattern.compile(".*/account/password.*"));
        screenshot("operator-must-change-password");

        page.locator("#current-password input").fill(temporaryPassword);
        page.locator("#new-password input").fill("password1234");
        page.locator("#repeat-password input").fill("password1234");
        page.locator("#change-password-button").click();
        assertThat(page.locator("#new-password")).containsText("commonly used");
        screenshot("common-password-refused");

        page.locator("#new-password input").fill(NEW_OPERATOR_PASSWORD);
        page.locator("#repeat-password input").fill(NEW_OPERATOR_PASSWORD);
        page.locator("#change-password-button").click();
        page.waitForURL(Pattern.compile(".*/$"));
        assertThat(page.locator("#user-name")).hasText(NEW_OPERATOR_NAME);
        screenshot("operator-chose-own-password");
    }

    private void newOperatorTakesTheirCall() {
        assertThat(page.locator("#live-indicator")).containsText(Pattern.compile("^Live"));
        // Two callers: one at a colleague's desk, one ringing at hers (104).
        startCall(SECOND_NUMBER, SECOND_NAME, "103");
        startCall(THIRD_NUMBER, THIRD_NAME, "104");
        assertThat(page.locator("#call-announcer")).containsText("Your call");

        // Her own ringing call fills at once: no list to choose from.
        page.locator("#populate").click();
        assertThat(page.locator("#phone input")).hasValue(THIRD_DISPLAY);
        assertThat(visibleItems()).hasCount(0);
        page.locator("#name input").fill(THIRD_NAME);
        page.locator("#notes textarea").fill("New customer; wants a quote");
        screenshot("your-call-filled-at-once");
        page.locator("#save").click();
        assertThat(savedNotice(THIRD_DISPLAY)).isVisible();
        Locator today = page.locator("#todays-intakes");
        assertThat(today).containsText(THIRD_NAME);
        assertThat(today).containsText(NEW_OPERATOR_NAME);
        screenshot("intake-saved-by-maria");
        page.locator("#logout").click();
        page.waitForURL(Pattern.compile(".*/login.*"));
    }

    private void auditTrailShowsWhoDidIt() {
        logIn("admin", "admin");
        page.navigate("/admin/audit");
        Locator audit = page.locator("#audit");
        assertThat(audit).containsText("Login succeeded");
        // Only what Maria did: her first login, her own password, her intake, her logout.
        page.locator("#audit-user input").fill(NEW_OPERATOR);
        page.locator("#audit-user input").press("Enter");
        // The grid keeps cells of rows it no longer shows: look at the visible ones only.
        Locator cells = page.locator("#audit vaadin-grid-cell-content:visible");
        assertThat(cells.filter(new Locator.FilterOptions().setHasText("Administrator (admin)"))).hasCount(0);
        assertThat(cells.filter(new Locator.FilterOptions().setHasText("Login succeeded"))).hasCount(1);
        assertThat(cells.filter(new Locator.FilterOptions().setHasText("Password changed"))).hasCount(2);
        assertThat(cells.filter(new Locator.FilterOptions().setHasText("Intake saved"))).hasCount(1);
        assertThat(cells.filter(new Locator.FilterOptions().setHasText("commonly used passwords"))).hasCount(1);
        screenshot("audit-trail-of-maria");
    }

    // --- step 5 -------------------------------------------------------------------------------

    private void callbackRefusesBadInput() {
        logIn("admin", "admin");
        long tokenRequestsBefore = simulatorCount(TOKEN_PATH);
        String state = forgedState();
        String code = "forged-code-" + forgedState().substring(0, 12);
        String tooLong = "c".repeat(3000);

        String body = refused("/api/ringcentral/callback?state=" + state, state, code);
        assertTrue(body.contains("Missing OAuth code"), body);
        refused("/api/ringcentral/callback?code=" + code + "&state=" + state, state, code);
        refused("/api/ringcentral/callback?error=access_denied&state=" + state, state, code);
        refused("/api/ringcentral/callback?code=" + code + "&code=" + code + "x&state=" + state, state, code);
        refused("/api/ringcentral/callback?code=" + code + "&state=" + state + "&state=" + state, state, code);
        refused("/api/ringcentral/callback?code=" + code + "&state=short", state, code);
        refused("/api/ringcentral/callback?code=" + tooLong + "&state=" + state, state, tooLong);

        assertEquals(tokenRequestsBefore, simulatorCount(TOKEN_PATH), "no bad callback reached RingCentral's token endpoint");

        // What the admin's browser shows for one of them.
        var response = page.navigate("/api/ringcentral/callback?state=" + state);
        assertEquals(400, response.status());
        assertThat(page.locator("h1")).hasText("Missing OAuth code");
        screenshot("callback-missing-code");
    }

    /** A 400 page with no stack trace and none of the values sent. */
    private String refused(String url, String state, String code) {
        APIResponse response = page.request().get(url, RequestOptions.create().setMaxRedirects(0));
        String body = response.text();
        String shown = url.length() > 120 ? url.substring(0, 120) + "…" : url;
        assertEquals(400, response.status(), shown + " → " + body);
        assertFalse(body.contains("Exception"), shown + " shows an exception: " + body);
        assertFalse(body.contains("at io."), shown + " shows a stack trace: " + body);
        assertFalse(body.contains(state), shown + " echoes the state");
        assertFalse(body.contains(code), shown + " echoes the code");
        return body;
    }

    // --- helpers ------------------------------------------------------------------------------

    /** Logs in as a demo user; the header then shows their display name. */
    private void logIn(String user, String password) {
        logInAs(user, password);
        assertThat(page.locator("#user-name")).hasText(DEMO_DISPLAY_NAMES.get(user));
    }

    private void logInAs(String user, String password) {
        page.navigate("/login");
        page.locator("vaadin-login-form input[name='username']").fill(user);
        page.locator("vaadin-login-form input[name='password']").fill(password);
        screenshot("login-" + user);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
    }

    private String startCall(String from, String name) {
        return startCall(from, name, "101");
    }

    /** A caller rings {@code extension}: 101 is the connected user, 102 and 103 are colleagues. */
    private String startCall(String from, String name, String extension) {
        APIResponse response = simulator.post("calls", RequestOptions.create()
                .setHeader("Content-Type", "application/json")
                .setData("{\"from\":\"" + from + "\",\"name\":\"" + name + "\",\"extension\":\"" + extension + "\"}"));
        assertEquals(201, response.status(), response.text());
        Matcher id = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(response.text());
        assertTrue(id.find(), response.text());
        return id.group(1);
    }

    private long simulatorCount(String methodAndPath) {
        APIResponse response = simulator.get("requests");
        assertEquals(200, response.status(), response.text());
        Matcher count = Pattern.compile("\"" + Pattern.quote(methodAndPath) + "\"\\s*:\\s*(\\d+)").matcher(response.text());
        return count.find() ? Long.parseLong(count.group(1)) : 0;
    }

    private Locator savedNotice(String number) {
        return page.locator("vaadin-notification-card").filter(new Locator.FilterOptions().setHasText("Saved intake for " + number));
    }

    private Locator visibleItems() {
        return page.locator("vaadin-combo-box-item:visible");
    }

    private static String forgedState() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private void screenshot(String name) {
        Path file = screenshots.resolve(String.format("%02d-%s.png", ++shotNumber, name));
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
    }

    private void step(String name, Runnable step) {
        try {
            step.run();
            assertTrue(policyViolations.isEmpty(), "the browser refused something under the page's policies (listed below)");
            assertEquals(List.of(), pagesWithoutPolicy, "pages served without a Content-Security-Policy");
        } catch (RuntimeException | AssertionError e) {
            try {
                screenshot("FAILED-" + name.replaceAll("[^A-Za-z0-9]+", "-"));
            } catch (RuntimeException ignored) {
                // the page may be gone
            }
            throw new AssertionError("Step \"" + name + "\" failed: " + e.getMessage()
                    + "\n--- refused under the page's policies ---\n" + String.join("\n", policyViolations)
                    + "\n--- Ringside log (last lines) ---\n" + ringside.logTail(40), e);
        }
    }
}
