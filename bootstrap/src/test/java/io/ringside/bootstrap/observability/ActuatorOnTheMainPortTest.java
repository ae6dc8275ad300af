package io.ringside.bootstrap.observability;

import io.ringside.domain.Actor;
import io.ringside.application.port.in.LookUpUser;
import io.ringside.application.port.in.SaveIntake;
import io.ringside.application.port.in.ViewAuditTrail;
import io.ringside.application.port.out.RingCentralException;
import io.ringside.application.service.RecentCallersBoard;
import io.ringside.bootstrap.RingsideApplication;
import io.ringside.bootstrap.ringcentral.LateBoundRingCentral;
import io.ringside.domain.AccessToken;
import io.ringside.domain.AuditEntry;
import io.ringside.domain.AuditKind;
import io.ringside.domain.AuditQuery;
import io.ringside.domain.CallEvent;
import io.ringside.domain.Caller;
import io.ringside.domain.Direction;
import io.ringside.domain.PartyStatus;
import io.ringside.domain.PhoneNumber;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Health and metrics on the main port (no {@code management.server.port}), in demo mode against the
 * built-in simulator: admins only; anonymous users get 401 and operators 403, whatever the endpoint.
 */
@SpringBootTest(classes = RingsideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "ringside.data-dir=${java.io.tmpdir}/ringside-test-${random.uuid}",
                "ringside.simulator.generator.enabled=false",
                "ringside.scheduling.enabled=false"})
class ActuatorOnTheMainPortTest {

    private static final String[] ENDPOINTS = {"/actuator", "/actuator/health", "/actuator/health/liveness",
            "/actuator/health/readiness", "/actuator/prometheus"};

    @LocalServerPort
    int port;
    @Autowired
    LateBoundRingCentral ringCentral;
    @Autowired
    SaveIntake saveIntake;
    @Autowired
    RecentCallersBoard board;
    @Autowired
    ViewAuditTrail auditTrail;
    @Autowired
    LookUpUser lookUpUser;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> get(String path, String user, String password) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anonymousUsersAreRefusedEveryEndpointAndLearnNothing() throws Exception {
        for (String path : ENDPOINTS) {
            HttpResponse<String> answer = get(path, null, null);
            assertThat(answer.statusCode()).as(path).isEqualTo(401);
            assertThat(answer.body()).as(path).doesNotContain("UP").doesNotContain("ringside_");
            assertThat(answer.headers().allValues("Set-Cookie")).as("%s leaves no session behind", path).isEmpty();
        }
    }

    @Test
    void operatorsAreForbiddenEveryEndpoint() throws Exception {
        for (String path : ENDPOINTS) {
            HttpResponse<String> answer = get(path, "operator", "operator");
            assertThat(answer.statusCode()).as(path).isEqualTo(403);
            assertThat(answer.body()).as(path).doesNotContain("UP").doesNotContain("ringside_");
        }
    }

    @Test
    void aWrongAdminPasswordIsRefused() throws Exception {
        assertThat(get("/actuator/prometheus", "admin", "operator").statusCode()).isEqualTo(401);
    }

    @Test
    void scrapesWithTheAdminsPasswordAreNoLoginsAndLeaveNoAuditEntries() throws Exception {
        AuditQuery adminsLogins = new AuditQuery("admin", AuditKind.LOGIN_SUCCEEDED, null, null);
        long loginsBefore = auditTrail.count(adminsLogins);
        long entriesBefore = auditTrail.count(AuditQuery.ALL);
        Instant lastLoginBefore = lookUpUser.byUsername("admin").orElseThrow().lastLoginAt();

        for (int scrape = 0; scrape < 3; scrape++) {
            assertThat(get("/actuator/prometheus", "admin", "admin").statusCode()).isEqualTo(200);
        }

        assertThat(auditTrail.count(adminsLogins)).isEqualTo(loginsBefore);
        assertThat(auditTrail.count(AuditQuery.ALL)).isEqualTo(entriesBefore);
        assertThat(lookUpUser.byUsername("admin").orElseThrow().lastLoginAt()).isEqualTo(lastLoginBefore);
    }

    @Test
    void aScrapeWithAWrongPasswordIsAuditedAsAFailedLogin() throws Exception {
        AuditQuery adminsFailures = new AuditQuery("admin", AuditKind.LOGIN_FAILED, null, null);
        long before = auditTrail.count(adminsFailures);

        assertThat(get("/actuator/prometheus", "admin", "not-the-admin-password").statusCode()).isEqualTo(401);

        assertThat(auditTrail.count(adminsFailures)).isEqualTo(before + 1);
        List<AuditEntry> newest = auditTrail.find(adminsFailures, 0, 1);
        assertThat(newest.getFirst().detail()).isEqualTo("Actuator (HTTP Basic): wrong password");
    }

    @Test
    void readinessStaysUpWhileRingCentralIsNotConnectedAndSaysSo() throws Exception {
        HttpResponse<String> answer = get("/actuator/health/readiness", "admin", "admin");

        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode health = JsonMapper.builder().build().readTree(answer.body());
        assertThat(health.path("status").asString()).isEqualTo("UP");
        assertThat(health.path("components").path("db").path("status").asString()).isEqualTo("UP");
        JsonNode ringCentral = health.path("components").path("ringCentral");
        assertThat(ringCentral.path("status").asString()).isEqualTo("UP");
        assertThat(ringCentral.path("details").path("connection").asString()).isEqualTo("NOT_CONNECTED");
        assertThat(ringCentral.path("details").path("liveCalls").asString()).isEqualTo("POLLING");
        assertThat(ringCentral.path("details").path("liveCallsLimitation").asString()).isNotBlank();
    }

    @Test
    void livenessIsUp() throws Exception {
        HttpResponse<String> answer = get("/actuator/health/liveness", "admin", "admin");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void anAdminLoggedInToTheConsoleReadsHealthWithTheirSession() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=admin")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).doesNotContain("error"));

        HttpResponse<String> health = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"ringCentral\"");
    }

    @Test
    void prometheusCountsWhatHappenedAfterIt() throws Exception {
        // A real request through the adapter in use (demo mode: to the simulator, which refuses a token it never issued).
        assertThatThrownBy(() -> ringCentral.liveCalls(new AccessToken("never-issued", Instant.now().plusSeconds(3600))))
                .isInstanceOf(RingCentralException.class);
        saveIntake.save("Pat Doe", new PhoneNumber("+16025551234"), "", null, new Actor(null, "admin", "Administrator", null), true);
        board.apply(new CallEvent("s-metrics", 1, Instant.now().minusMillis(40), "p-1", Direction.INBOUND,
                new Caller(new PhoneNumber("+16025559876"), "Lee Ames"), "+16505550100", null, PartyStatus.PROCEEDING, false));

        HttpResponse<String> answer = get("/actuator/prometheus", "admin", "admin");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(sum(answer.body(), "ringside_ringcentral_requests_total{group=\"light\"")).isEqualTo(1.0);
        assertThat(answer.body())
                .contains("ringside_ringcentral_requests_total{group=\"heavy\",outcome=\"429\"} 0.0")
                .contains("ringside_ringcentral_requests_total{group=\"auth\",outcome=\"refused_locally\"} 0.0")
                .contains("ringside_token_refreshes_total{outcome=\"refused\"} 0.0")
                .contains("ringside_push_reconnects_total 0.0")
                .contains("ringside_push_recoveries_total 0.0")
                .contains("ringside_push_live 0.0")
                .contains("ringside_link_broken 0.0")
                .contains("ringside_intakes_saved_total 1.0")
                .contains("ringside_calls_ring_to_visible_seconds_bucket{le=\"0.25\"} 1")
                .contains("ringside_calls_ring_to_visible_seconds_count 1");
    }

    /** The sum of the samples whose line starts with {@code prefix} (e.g. one counter's every outcome). */
    private static double sum(String exposition, String prefix) {
        double total = 0;
        Matcher sample = Pattern.compile("(?m)^" + Pattern.quote(prefix) + "[^}]*} (\\S+)$").matcher(exposition);
        while (sample.find()) {
            total += Double.parseDouble(sample.group(1));
        }
        return total;
    }
}
