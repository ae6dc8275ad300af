package io.ringside.adapters.ringcentral;

/**
 * Told of every RingCentral request the adapter tried to send, once per try (a retried GET counts
 * each try), with its rate-limit group and how it ended. Bootstrap counts these for monitoring.
 * Called on the thread that sent the request: implementations must be quick and must not throw.
 */
@FunctionalInterface
public interface RingCentralRequestObserver {

    /** Observes nothing: the adapter's default. */
    RingCentralRequestObserver NONE = (group, outcome) -> {
    };

    void requestEnded(RateLimitGroup group, Outcome outcome);

    /** How one try ended. */
    enum Outcome {
        /** RingCentral answered 2xx. */
        OK("ok"),
        /** RingCentral answered 4xx other than a rate limit (or a 3xx: redirects are never followed): it said no. */
        CLIENT_ERROR("4xx"),
        /** RingCentral said the group's rate is exceeded (429, or its CMN-301 code). */
        RATE_LIMITED("429"),
        /** RingCentral answered 5xx. */
        SERVER_ERROR("5xx"),
        /** No answer: the connection failed or the read timed out. */
        IO_ERROR("io_error"),
        /** Never sent: Ringside's own rate budget or the open circuit breaker held it back. */
        REFUSED_LOCALLY("refused_locally");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        /** A short, stable name for metrics: {@code ok}, {@code 4xx}, {@code 429}, {@code 5xx}, {@code io_error}, {@code refused_locally}. */
        public String label() {
            return label;
        }
    }
}
