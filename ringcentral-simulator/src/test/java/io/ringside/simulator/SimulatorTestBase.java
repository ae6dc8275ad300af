package io.ringside.simulator;

import io.ringside.simulator.settings.SimulatorSettings;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The simulator on a real server, mounted under {@code /simulator} as in Ringside's demo mode. One
 * context for all test classes; each test starts from an empty platform whose rate limits are out
 * of the way (tests about throttling set them back).
 */
@SpringBootTest(classes = SimulatorApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "ringside.simulator.path-prefix=/simulator")
abstract class SimulatorTestBase {

    @Autowired
    SimulatedPlatform platform;

    @LocalServerPort
    int port;

    PlatformClient client;

    @BeforeEach
    void freshPlatform() {
        platform.reset();
        platform.updateSettings(s -> SimulatorSettings.defaults()
                .withRateLimits(SimulatorSettings.RateLimits.unlimited()));
        client = new PlatformClient(port, "/simulator");
    }

    String connectedAccessToken() {
        return client.connect().get("access_token").asString();
    }
}
