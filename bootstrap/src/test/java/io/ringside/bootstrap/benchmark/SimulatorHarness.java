package io.ringside.bootstrap.benchmark;

import io.ringside.adapters.ringcentral.RingCentralAdapter;
import io.ringside.adapters.ringcentral.RingCentralSettings;
import io.ringside.domain.CodeVerifier;
import io.ringside.domain.IssuedTokens;
import io.ringside.bootstrap.testing.SimulatorConsent;
import io.ringside.simulator.SimulatedPlatform;
import io.ringside.simulator.SimulatorApplication;
import io.ringside.simulator.calls.CallResult;
import io.ringside.simulator.calls.Party;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.UnaryOperator;

/**
 * The simulator on its own embedded server (the standalone {@link SimulatorApplication}, on a free
 * port, real rate limits, no caller generator, its WebSocket push gateway at {@code /ws}), plus a
 * response-status probe so 429s are counted where RingCentral would count them: at the platform, not by
 * Ringside.
 */
public final class SimulatorHarness implements AutoCloseable {

    public static final String CLIENT_ID = "ringside-demo-client";
    public static final String CLIENT_SECRET = "ringside-demo-secret";

    /**
     * Bootstrap's test classpath carries Ringside's whole stack; the simulator must not pick up its
     * security, Vaadin or database auto-configuration. It gets what its own module would give it.
     */
    private static final List<String> NOT_THE_SIMULATORS = List.of(
            "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
            "com.vaadin.flow.spring.SpringBootAutoConfiguration",
            "com.vaadin.flow.spring.SpringSecurityAutoConfiguration",
            "com.vaadin.flow.spring.VaadinScopesConfig",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
            "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
            "org.springframework.boot.data.jdbc.autoconfigure.DataJdbcRepositoriesAutoConfiguration");


    private final ConfigurableApplicationContext context;
    private final SimulatedPlatform platform;
    private final StatusProbe probe;
    private final URI baseUrl;
    private final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private SimulatorHarness(ConfigurableApplicationContext context) {
        this.context = context;
        this.platform = context.getBean(SimulatedPlatform.class);
        this.probe = context.getBean(StatusProbe.class);
        this.baseUrl = URI.create("http://localhost:" + context.getEnvironment().getRequiredProperty("local.server.port"));
    }

    public static SimulatorHarness start(Duration callLogDelay) {
        SpringApplication application = new SpringApplication(SimulatorApplication.class, ProbeConfiguration.class);
        application.setBannerMode(Banner.Mode.OFF);
        application.setLogStartupInfo(false);
        ConfigurableApplicationContext context = application.run(
                "--server.port=0",
                // Not bootstrap's application.properties (it is on this classpath): the simulator's own defaults.
                "--spring.config.location=optional:classpath:/caller-feed-benchmark-has-no-config.properties",
                "--spring.autoconfigure.exclude=" + String.join(",", NOT_THE_SIMULATORS),
                "--ringside.simulator.generator.enabled=false",
                // bootstrap's data post-processor is on this classpath too: keep its demo key out of ./data
                "--ringside.data-dir=target/benchmark/data",
                "--ringside.simulator.call-log-delay=" + callLogDelay.toSeconds() + "s",
                "--logging.level.root=WARN",
                "--logging.level.io.ringside=WARN",
                "--server.tomcat.threads.max=64");
        SimulatorHarness harness = new SimulatorHarness(context);
        harness.checkProbe();
        return harness;
    }

    /** The instrument first: one planned 429 from the platform must reach the probe's count. */
    private void checkProbe() {
        platform.failNextRequests(1, 429);
        try {
            HttpResponse<Void> answer = browser.send(HttpRequest.newBuilder(
                    baseUrl.resolve("/restapi/v1.0/account/~/extension/~/presence?detailedTelephonyState=true")).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            if (answer.statusCode() != 429 || probe.light429.sum() != 1) {
                throw new IllegalStateException("The 429 probe does not see the simulator's 429s (HTTP " + answer.statusCode()
                        + ", counted " + probe.total() + ")");
            }
        } catch (IOException e) {
            throw new IllegalStateException("The simulator does not answer on " + baseUrl, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        platform.reset();
        probe.clear();
    }

    public SimulatedPlatform platform() {
        return platform;
    }

    public URI baseUrl() {
        return baseUrl;
    }

    public StatusProbe probe() {
        return probe;
    }

    /** The real adapter pointed at the simulator; {@code change} may adjust its settings (push off for the polling rows). */
    RingCentralAdapter adapter(UnaryOperator<RingCentralSettings.Builder> change) {
        RingCentralSettings.Builder settings = RingCentralSettings.builder()
                .clientId(CLIENT_ID)
                .clientSecret(CLIENT_SECRET)
                .baseUrl(baseUrl)
                .redirectUri(baseUrl.resolve("/benchmark/oauth-callback"));
        return RingCentralAdapter.create(change.apply(settings).build(), "US", Clock.systemUTC());
    }

    /**
     * The authorization code flow as an admin's browser does it: the authorize URL Ringside builds
     * (PKCE S256), the consent page, Allow, the code from the redirect, then Ringside's code exchange.
     */
    IssuedTokens connect(RingCentralAdapter adapter) throws IOException, InterruptedException {
        CodeVerifier verifier = CodeVerifier.random(new SecureRandom());
        String state = UUID.randomUUID().toString();
        URI authorize = adapter.authorization().authorizeUrl(state, verifier.s256Challenge());
        Map<String, String> back = new SimulatorConsent().decide(authorize, true);
        String code = back.get("code");
        if (code == null || !state.equals(back.get("state"))) {
            throw new IllegalStateException("The simulator redirected back without a code for our state");
        }
        return adapter.authorization().exchangeCode(code, verifier);
    }

    /** Forgets calls, sessions, rate windows and counts; then {@code count} ended calls in the last 55 min, so lists are full. */
    void resetWithHistory(int count, Random random) {
        platform.reset();
        probe.clear();
        Instant now = platform.clock().instant();
        for (int i = 0; i < count; i++) {
            Instant start = now.minus(Duration.ofSeconds(90 + (long) i * 3300 / count));
            boolean answered = random.nextInt(4) != 0;
            platform.callBook().addEnded(
                    new Party("+1312555" + String.format("%04d", 1000 + i), null, "History Caller " + i, "Chicago, IL"),
                    platform.directory().connectedUser(), start, Duration.ofSeconds(5 + random.nextInt(20)),
                    Duration.ofSeconds(30 + random.nextInt(300)), answered ? CallResult.ACCEPTED : CallResult.MISSED);
        }
    }

    @Override
    public void close() {
        browser.close();
        context.close();
    }

    @Configuration(proxyBeanMethods = false)
    public static class ProbeConfiguration {
        @Bean
        StatusProbe benchmarkStatusProbe() {
            return new StatusProbe();
        }
    }

    /**
     * Counts the platform's HTTP 429 answers per rate-limit group, as its HTTP layer sends them: the group
     * from the answer's {@code X-Rate-Limit-Group}, or from the path when a planned failure carries none.
     * (A 429 to a subscription request travels over the WebSocket, not HTTP: see the benchmark's count of
     * subscription requests not answered 200.)
     */
    public static final class StatusProbe extends OncePerRequestFilter {
        final LongAdder heavy429 = new LongAdder();
        final LongAdder medium429 = new LongAdder();
        final LongAdder light429 = new LongAdder();
        final LongAdder auth429 = new LongAdder();
        /** Token requests the platform refused with HTTP 400: invalid_grant (a refresh token used up or unknown) and the like. */
        final LongAdder tokenRefused400 = new LongAdder();

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            try {
                chain.doFilter(request, response);
            } finally {
                if (response.getStatus() == 429) {
                    counter(response.getHeader("X-Rate-Limit-Group"), request.getRequestURI()).increment();
                }
                if (response.getStatus() == 400 && request.getRequestURI().endsWith("/restapi/oauth/token")) {
                    tokenRefused400.increment();
                }
            }
        }

        private LongAdder counter(String group, String path) {
            String g = group != null ? group
                    : path.contains("/call-log") || path.contains("/active-calls") ? "Heavy"
                    : path.contains("/presence") ? "Light"
                    : path.contains("/oauth/") ? "Auth" : "Medium";
            return switch (g) {
                case "Heavy" -> heavy429;
                case "Light" -> light429;
                case "Auth" -> auth429;
                default -> medium429;
            };
        }

        /** Every HTTP 429 the platform sent. */
        public long total() {
            return heavy429.sum() + medium429.sum() + light429.sum() + auth429.sum();
        }

        /** HTTP 400 answers to token requests (a refresh with a used or unknown refresh token is {@code invalid_grant}). */
        public long tokenRefusals() {
            return tokenRefused400.sum();
        }

        public void clear() {
            tokenRefused400.reset();
            heavy429.reset();
            medium429.reset();
            light429.reset();
            auth429.reset();
        }
    }
}
