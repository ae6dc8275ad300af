package io.ringside.bootstrap.wiring;

import io.ringside.application.port.in.ViewConnection;
import io.ringside.bootstrap.RingsideApplication;
import io.ringside.simulator.SimulatedPlatform;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** With real RingCentral credentials there is no simulator at all: not as a bean, not as a path. */
@SpringBootTest(classes = RingsideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "ringcentral.client-id=real-client-id",
                "ringcentral.client-secret=real-client-secret",
                "ringcentral.base-url=https://platform.ringcentral.biz",
                "ringside.encryption-key=q83vEjRWeJASNFZ4kBI0VniQEjRWeJASNFZ4kBI0Vng=",
                "ringside.admin-password=correct-horse-battery",
                "ringside.operator-password=staple-operator-pass",
                "ringside.data-dir=target/test-data/${random.uuid}",
                "ringside.scheduling.enabled=false"})
class RealModeTest {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    ViewConnection viewConnection;

    @Test
    void thereIsNoSimulatorBean() {
        assertThat(context.getBeanNamesForType(SimulatedPlatform.class)).isEmpty();
    }

    @Test
    void theConfiguredRingCentralServerIsTheOneInUse() {
        assertThat(viewConnection.view().server()).isEqualTo(URI.create("https://platform.ringcentral.biz"));
    }

    @Test
    void anAdminFindsNothingUnderSimulator() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=correct-horse-battery")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).doesNotContain("error"));

        HttpResponse<String> adminPage = browser.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/admin/ringcentral")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(adminPage.statusCode()).as("positive control: the admin is logged in and sees the admin page").isEqualTo(200);

        for (String path : new String[]{"/simulator/restapi/oauth/authorize?response_type=code&client_id=ringside-demo-client",
                "/simulator/restapi/v1.0/account/~/extension/~/presence", "/simulator/control/requests"}) {
            HttpResponse<String> answer = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(path).isEqualTo(404);
        }
    }
}
