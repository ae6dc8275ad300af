package io.ringside.simulator.web;

import io.ringside.simulator.limits.ThrottlingGroup;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a platform endpoint: {@link PlatformGateway} counts its requests, applies planned
 * failures, checks the caller and enforces the group's rate limit before the handler runs.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Throttled {

    ThrottlingGroup value();

    /** How the caller proves who it is. */
    CallerProof caller() default CallerProof.BEARER_TOKEN;

    enum CallerProof {
        /** REST API: {@code Authorization: Bearer …}; 401 without a live token. */
        BEARER_TOKEN,
        /** Token endpoints: Basic client credentials, checked by the endpoint itself. */
        CLIENT_CREDENTIALS,
        /** A person's browser (authorize page): counted only, never failed or throttled. */
        BROWSER
    }
}
