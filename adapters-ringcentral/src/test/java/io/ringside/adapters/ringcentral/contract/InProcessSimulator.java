package io.ringside.adapters.ringcentral.contract;

import io.ringside.simulator.SimulatedPlatform;
import io.ringside.simulator.SimulatorApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ringcentral-simulator}'s own Spring Boot app on a random loopback port, mounted under
 * {@code /simulator} as in Ringside's demo mode, and a person at its consent page (the JDK's
 * HttpClient, following no redirects, as a browser's form post would).
 */
final class InProcessSimulator implements AutoCloseable {

    static final String PREFIX = "/simulator";
    private static final Pattern FORM_ACTION = Pattern.compile("<form method=\"post\" action=\"([^\"]+)\"");
    private static final Pattern CONSENT_ID = Pattern.compile("name=\"consent\" value=\"([^\"]+)\"");

    private final ConfigurableApplicationContext context;
    private final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    final SimulatedPlatform platform;
    /** {@code http://127.0.0.1:<port>} */
    final String origin;
    /** The RingCentral server URL the adapter is given: the origin plus {@link #PREFIX}. */
    final String baseUrl;

    private InProcessSimulator(ConfigurableApplicationContext context) {
        this.context = context;
        this.platform = context.getBean(SimulatedPlatform.class);
        this.origin = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
        this.baseUrl = origin + PREFIX;
    }

    static InProcessSimulator start() {
        SpringApplication application = new SpringApplicationBuilder(SimulatorApplication.class)
                .properties("server.port=0",
                        "server.address=127.0.0.1",
                        "spring.main.banner-mode=off",
                        "ringside.simulator.path-prefix=" + PREFIX,
                        "ringside.simulator.generator.enabled=false")
                .build();
        // Leave logging as the adapter's tests configured it (the no-secrets tests capture log lines).
        application.setListeners(application.getListeners().stream()
                .filter(listener -> !(listener instanceof LoggingApplicationListener))
                .toList());
        return new InProcessSimulator(application.run());
    }

    /** Opens the consent page at {@code authorizeUrl} and clicks Allow: RingCentral's redirect back to the app. */
    URI allow(URI authorizeUrl) {
        HttpResponse<String> page = send(HttpRequest.newBuilder(authorizeUrl).GET().build());
        assertThat(page.statusCode()).as("consent page: %s", page.body()).isEqualTo(200);
        Matcher action = FORM_ACTION.matcher(page.body());
        Matcher consent = CONSENT_ID.matcher(page.body());
        assertThat(action.find() && consent.find()).as("a consent form in %s", page.body()).isTrue();

        HttpResponse<String> redirect = send(HttpRequest.newBuilder(URI.create(origin + action.group(1)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("consent=" + URLEncoder.encode(consent.group(1), StandardCharsets.UTF_8)
                        + "&decision=allow"))
                .build());
        assertThat(redirect.statusCode()).as("answer to Allow: %s", redirect.body()).isEqualTo(302);
        return URI.create(redirect.headers().firstValue("Location").orElseThrow());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return browser.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException failed) {
            throw new AssertionError("request to the simulator failed: " + request.uri(), failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", interrupted);
        }
    }

    @Override
    public void close() {
        context.close();
        browser.close();
    }
}
