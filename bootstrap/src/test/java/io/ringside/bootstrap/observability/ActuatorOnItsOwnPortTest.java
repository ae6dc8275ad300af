package io.ringside.bootstrap.observability;

import io.ringside.bootstrap.RingsideApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code management.server.port}, health and metrics move to that port (bound to loopback here),
 * where probes and scrapers need no login; the main port no longer serves them to anyone.
 */
@SpringBootTest(classes = RingsideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "ringside.data-dir=${java.io.tmpdir}/ringside-test-${random.uuid}",
                "ringside.simulator.generator.enabled=false",
                "ringside.scheduling.enabled=false",
                "management.server.port=0",
                "management.server.address=127.0.0.1"})
class ActuatorOnItsOwnPortTest {

    @LocalServerPort
    int port;
    @LocalManagementPort
    int managementPort;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> get(int onPort, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + onPort + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void probesAndScrapersReadTheManagementPortWithoutALogin() throws Exception {
        assertThat(managementPort).isNotEqualTo(port);

        HttpResponse<String> readiness = get(managementPort, "/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"status\":\"UP\"").contains("\"connection\":\"NOT_CONNECTED\"");
        assertThat(get(managementPort, "/actuator/health/liveness").statusCode()).isEqualTo(200);

        HttpResponse<String> prometheus = get(managementPort, "/actuator/prometheus");
        assertThat(prometheus.statusCode()).isEqualTo(200);
        assertThat(prometheus.body()).contains("ringside_ringcentral_requests_total").contains("ringside_link_broken");
    }

    @Test
    void theMainPortNoLongerServesThem() throws Exception {
        for (String path : new String[]{"/actuator/health", "/actuator/health/readiness", "/actuator/prometheus"}) {
            HttpResponse<String> answer = get(port, path);
            assertThat(answer.statusCode()).as(path).isNotEqualTo(200);
            assertThat(answer.body()).as(path).doesNotContain("UP").doesNotContain("ringside_");
        }
    }
}
