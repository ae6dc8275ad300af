package io.ringside.adapters.ringcentral;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.ringside.adapters.ringcentral.wire.ErrorResponse;
import io.ringside.application.port.out.RingCentralRateLimitedException;
import io.ringside.application.port.out.RingCentralUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Sends RingCentral requests with every protection in one place: the group's rate budget and
 * penalty (refused before anything is sent), a circuit breaker (a dead platform costs
 * milliseconds), timeouts, retries with backoff and jitter for idempotent GETs only, and
 * translation of every answer into a value or a port exception. Logs name the operation, the path
 * (never the query), the status and RingCentral's error code: never a token, a code or the secret.
 */
final class RingCentralTransport implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RingCentralTransport.class);
    /** RingCentral's "request rate exceeded", normally with a 429 but honoured whatever the status. */
    private static final String RATE_EXCEEDED = "CMN-301";
    /** Form fields whose values must never appear in a message: masked if RingCentral quotes them back. */
    private static final Set<String> SECRET_FORM_FIELDS = Set.of("code", "code_verifier", "refresh_token", "token");

    private final RingCentralSettings settings;
    private final Clock clock;
    private final RateLimits rateLimits;
    private final HttpClient http;
    private final JsonMapper json;
    private final CircuitBreaker circuitBreaker;
    private final Retry retry;
    private final String basicCredentials;
    private volatile RingCentralRequestObserver observer = RingCentralRequestObserver.NONE;

    RingCentralTransport(RingCentralSettings settings, Clock clock, RateLimits rateLimits) {
        this.settings = settings;
        this.clock = clock;
        this.rateLimits = rateLimits;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                // Never follow a redirect: it would carry the bearer token somewhere else.
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.json = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        this.circuitBreaker = CircuitBreaker.of("ringcentral", CircuitBreakerConfig.custom()
                .slidingWindow(Math.max(10, settings.circuitBreakerMinimumCalls()), settings.circuitBreakerMinimumCalls(),
                        CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .failureRateThreshold(settings.circuitBreakerFailureRate())
                .waitDurationInOpenState(settings.circuitBreakerOpenDuration())
                .permittedNumberOfCallsInHalfOpenState(1)
                // Only signs of a sick platform open the circuit; a 4xx is a healthy platform saying no.
                .recordException(failure -> failure instanceof RetryableFailure || failure instanceof RingCentralUnavailableException)
                // A request refused by the rate budget was never sent: it says nothing about RingCentral.
                .ignoreExceptions(RingCentralRateLimitedException.class)
                .clock(clock)
                .build());
        this.retry = Retry.of("ringcentral-get", RetryConfig.custom()
                .maxAttempts(settings.retryAttempts())
                .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(
                        settings.retryInitialBackoff(), 2.0, 0.5, settings.retryMaxBackoff()))
                .retryOnException(failure -> failure instanceof RetryableFailure)
                .build());
        this.basicCredentials = "Basic " + Base64.getEncoder().encodeToString(
                (settings.clientId() + ":" + settings.clientSecret()).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * An idempotent GET with the bearer token; retried on I/O errors and 5xx.
     *
     * @param url an absolute URL on the configured server
     */
    <T> T get(Operation operation, URI url, String bearerToken, Class<T> type) {
        HttpRequest request = HttpRequest.newBuilder(url)
                .GET()
                .header("Authorization", "Bearer " + bearerToken)
                .header("Accept", "application/json")
                .timeout(settings.readTimeout())
                .build();
        List<String> secrets = List.of(bearerToken, settings.clientSecret());
        try {
            return retry.executeSupplier(() -> attempt(operation, request, type, secrets, true, 0));
        } catch (RetryableFailure exhausted) {
            log.warn("RingCentral {} failed {} times; giving up: {}", operation.description(), settings.retryAttempts(), exhausted.getMessage());
            throw exhausted.whenExhausted();
        }
    }

    /**
     * A form POST to an OAuth endpoint with the app's client credentials. Never retried: a resent
     * refresh can cost the connection, because RingCentral rotates refresh tokens.
     *
     * @param type what the answer holds, or null to ignore the body
     */
    <T> T postForm(Operation operation, String path, Map<String, String> form, Class<T> type) {
        String body = form.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.baseUrl() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Authorization", basicCredentials)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .timeout(settings.readTimeout())
                .build();
        List<String> secrets = new ArrayList<>();
        form.forEach((field, value) -> {
            if (SECRET_FORM_FIELDS.contains(field)) {
                secrets.add(value);
            }
        });
        secrets.add(settings.clientSecret());
        return attempt(operation, request, type, secrets, false, 0);
    }

    /**
     * A POST with the bearer token and no body, e.g. the WebSocket token request. Never retried: the
     * caller decides when to try again (push reconnects with its own backoff).
     *
     * @param reserve requests of the group to leave unused for others (see {@link RateLimits#acquire(RateLimitGroup, int)})
     */
    <T> T postBearer(Operation operation, String path, String bearerToken, Class<T> type, int reserve) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.baseUrl() + path))
                .POST(HttpRequest.BodyPublishers.noBody())
                .header("Authorization", "Bearer " + bearerToken)
                .header("Accept", "application/json")
                .timeout(settings.readTimeout())
                .build();
        return attempt(operation, request, type, List.of(bearerToken, settings.clientSecret()), false, reserve);
    }

    /**
     * Opens a WebSocket on the shared HTTP client. The URI carries a token in its query: it is never
     * logged here, and the caller logs only its host and path.
     */
    CompletableFuture<java.net.http.WebSocket> openWebSocket(URI uri, java.net.http.WebSocket.Listener listener) {
        return http.newWebSocketBuilder()
                .connectTimeout(settings.connectTimeout())
                .buildAsync(uri, listener);
    }

    void observeRequests(RingCentralRequestObserver newObserver) {
        observer = newObserver == null ? RingCentralRequestObserver.NONE : newObserver;
    }

    CircuitBreaker.State circuitState() {
        return circuitBreaker.getState();
    }

    @Override
    public void close() {
        http.close();
    }

    private <T> T attempt(Operation operation, HttpRequest request, Class<T> type, Collection<String> secrets, boolean retryable,
                          int reserve) {
        try {
            return circuitBreaker.executeSupplier(() -> {
                try {
                    rateLimits.acquire(operation.group(), reserve);
                } catch (RingCentralRateLimitedException heldBack) {
                    report(operation, RingCentralRequestObserver.Outcome.REFUSED_LOCALLY);
                    throw heldBack;
                }
                return exchange(operation, request, type, secrets, retryable);
            });
        } catch (CallNotPermittedException circuitOpen) {
            report(operation, RingCentralRequestObserver.Outcome.REFUSED_LOCALLY);
            log.warn("RingCentral {} not sent: RingCentral failed repeatedly, Ringside pauses calling it", operation.description());
            throw new RingCentralUnavailableException("RingCentral failed repeatedly; Ringside stops calling it for up to "
                    + settings.circuitBreakerOpenDuration().toSeconds() + " s and then tries again");
        }
    }

    private <T> T exchange(Operation operation, HttpRequest request, Class<T> type, Collection<String> secrets, boolean retryable) {
        String path = request.uri().getRawPath();
        long started = System.nanoTime();
        HttpResponse<String> response;
        try {
            response = send(operation, request, path, retryable);
        } catch (RuntimeException noAnswer) {
            report(operation, RingCentralRequestObserver.Outcome.IO_ERROR);
            throw noAnswer;
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        int status = response.statusCode();

        ErrorResponse error = status >= 300 && status < 500 ? readError(response.body()) : null;
        String code = error == null ? null : error.firstErrorCode();
        report(operation, status == 429 || RATE_EXCEEDED.equals(code) ? RingCentralRequestObserver.Outcome.RATE_LIMITED
                : status >= 500 ? RingCentralRequestObserver.Outcome.SERVER_ERROR
                : status >= 300 ? RingCentralRequestObserver.Outcome.CLIENT_ERROR
                : RingCentralRequestObserver.Outcome.OK);

        // On a 429, Retry-After is the word that counts; its X-Rate-Limit-Remaining: 0 is expected, not news.
        if (status == 429 || RATE_EXCEEDED.equals(code)) {
            Instant until = clock.instant().plus(retryAfter(response.headers()));
            rateLimits.penalise(operation.group(), until);
            log.warn("RingCentral {} {} -> {} in {} ms: {} group rate limited until {}", request.method(), path, status, millis,
                    operation.group().wireName(), until);
            throw new RingCentralRateLimitedException(operation.group().wireName(), until);
        }
        observeBudget(operation.group(), response.headers());
        if (status >= 500) {
            log.warn("RingCentral {} {} -> {} in {} ms", request.method(), path, status, millis);
            RingCentralUnavailableException unavailable = new RingCentralUnavailableException(
                    "RingCentral answered HTTP " + status + " to the " + operation.description());
            throw retryable ? new RetryableFailure(unavailable) : unavailable;
        }
        if (status >= 300) {
            log.warn("RingCentral {} {} -> {} in {} ms, error code {}", request.method(), path, status, millis, code == null ? "none" : code);
            throw RingCentralErrors.translate(operation, status, error, secrets);
        }
        log.debug("RingCentral {} {} -> {} in {} ms", request.method(), path, status, millis);
        return type == null ? null : read(operation, response.body(), type);
    }

    /** Monitoring must never break a request. */
    private void report(Operation operation, RingCentralRequestObserver.Outcome outcome) {
        try {
            observer.requestEnded(operation.group(), outcome);
        } catch (RuntimeException e) {
            log.debug("The request observer failed", e);
        }
    }

    private HttpResponse<String> send(Operation operation, HttpRequest request, String path, boolean retryable) {
        CompletableFuture<HttpResponse<String>> answer = http.sendAsync(request, CappedBody.upTo(settings.maxResponseSize()));
        try {
            // The request timeout covers the headers; this deadline also covers a body that trickles in.
            return answer.get(settings.readTimeout().toMillis() + 100, TimeUnit.MILLISECONDS);
        } catch (TimeoutException slow) {
            answer.cancel(true);
            throw timedOut(operation, request, path);
        } catch (InterruptedException interrupted) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            throw new RingCentralUnavailableException("Interrupted while waiting for RingCentral's answer to the " + operation.description());
        } catch (ExecutionException failed) {
            Throwable cause = failed.getCause();
            CappedBody.TooLargeException tooLarge = CappedBody.tooLargeIn(cause);
            if (tooLarge != null) {
                // Not retried: the same request brings the same answer.
                log.warn("RingCentral {} {}: answer larger than {}; not read further", request.method(), path, tooLarge.limit());
                throw new RingCentralUnavailableException("RingCentral's answer to the " + operation.description() + " was larger than "
                        + tooLarge.limit() + " (ringcentral.max-response-size), so Ringside stopped reading it");
            }
            if (cause instanceof HttpTimeoutException) {
                // A slow platform is not retried: three read timeouts inside a user's click are worse than one.
                throw timedOut(operation, request, path);
            }
            log.warn("RingCentral {} {} failed: {}", request.method(), path, cause == null ? "unknown" : cause.getClass().getSimpleName());
            RingCentralUnavailableException unavailable = new RingCentralUnavailableException(
                    "Could not reach RingCentral at " + settings.baseUrl() + " for the " + operation.description()
                            + " (" + (cause == null ? "unknown error" : cause.getClass().getSimpleName()) + ")",
                    cause instanceof IOException ? cause : null);
            throw retryable ? new RetryableFailure(unavailable) : unavailable;
        }
    }

    private RingCentralUnavailableException timedOut(Operation operation, HttpRequest request, String path) {
        log.warn("RingCentral {} {} timed out after {} ms", request.method(), path, settings.readTimeout().toMillis());
        return new RingCentralUnavailableException("RingCentral did not answer the " + operation.description() + " within "
                + settings.readTimeout().toMillis() + " ms (ringcentral.read-timeout)");
    }

    private <T> T read(Operation operation, String body, Class<T> type) {
        try {
            T value = json.readValue(body, type);
            if (value == null) {
                throw new RingCentralUnavailableException("RingCentral's answer to the " + operation.description() + " was empty");
            }
            return value;
        } catch (JacksonException unreadable) {
            // The parser's message may quote the body, and a token body is secret: say only where it broke.
            log.warn("RingCentral's answer to the {} is not the JSON expected ({})", operation.description(), unreadable.getClass().getSimpleName());
            throw new RingCentralUnavailableException("RingCentral's answer to the " + operation.description()
                    + " could not be read as the JSON RingCentral documents");
        }
    }

    private ErrorResponse readError(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return json.readValue(body, ErrorResponse.class);
        } catch (JacksonException notJson) {
            return null;
        }
    }

    /** {@code X-Rate-Limit-Remaining: 0} means the next request of the group would be refused for up to a window. */
    private void observeBudget(RateLimitGroup group, HttpHeaders headers) {
        Optional<String> remaining = headers.firstValue("X-Rate-Limit-Remaining");
        if (remaining.isPresent() && "0".equals(remaining.get().strip())) {
            Duration window = headers.firstValue("X-Rate-Limit-Window").flatMap(RingCentralTransport::seconds)
                    .orElse(settings.rateLimitWindow());
            rateLimits.exhaustedFor(group, window);
            log.info("RingCentral says the {} group's budget is used up; pausing it for {} s", group.wireName(), window.toSeconds());
        }
    }

    /** {@code Retry-After} in seconds or as an HTTP date; RingCentral's 60 s penalty when absent or unreadable. */
    private Duration retryAfter(HttpHeaders headers) {
        Optional<String> value = headers.firstValue("Retry-After").map(String::strip);
        Optional<Duration> parsed = value.flatMap(RingCentralTransport::seconds);
        if (parsed.isEmpty() && value.isPresent()) {
            try {
                Duration untilDate = Duration.between(clock.instant(),
                        ZonedDateTime.parse(value.get(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                parsed = untilDate.isNegative() || untilDate.isZero() ? Optional.empty() : Optional.of(untilDate);
            } catch (DateTimeParseException notADate) {
                parsed = Optional.empty();
            }
        }
        return parsed.orElse(settings.retryAfterDefault());
    }

    private static Optional<Duration> seconds(String text) {
        try {
            long seconds = Long.parseLong(text.strip());
            return seconds > 0 ? Optional.of(Duration.ofSeconds(seconds)) : Optional.empty();
        } catch (NumberFormatException notSeconds) {
            return Optional.empty();
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
