package io.ringside.bootstrap.security;

import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.CrossOriginOpenerPolicyHeaderWriter.CrossOriginOpenerPolicy;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The response headers every security chain sends, the demo simulator's included. On top of Spring
 * Security's defaults ({@code X-Content-Type-Options: nosniff}, {@code X-Frame-Options: DENY}, no-store
 * caching of dynamic pages, and {@code Strict-Transport-Security} on secure requests only):
 * the {@link ContentSecurityPolicy}, {@code Referrer-Policy: no-referrer} (a URL with an OAuth code or
 * state never travels on in a Referer), a {@code Permissions-Policy} that turns off the device and
 * sensor features Ringside never uses, and {@code Cross-Origin-Opener-Policy: same-origin}.
 * <p>
 * Written before the request is handled, not when the response is committed: Vaadin writes its host page
 * in a way that commits the response without Spring Security seeing it, so lazily written headers were
 * silently missing from every view (found on the running jar: no X-Frame-Options on {@code /login}).
 */
public final class SecurityHeaders {

    /** Browser features off for every origin, the page's own included. */
    static final String PERMISSIONS_POLICY = "accelerometer=(), autoplay=(), camera=(), display-capture=(), "
            + "encrypted-media=(), fullscreen=(), geolocation=(), gyroscope=(), hid=(), magnetometer=(), "
            + "microphone=(), midi=(), payment=(), screen-wake-lock=(), serial=(), usb=(), xr-spatial-tracking=()";

    private SecurityHeaders() {
    }

    /** For {@code http.headers(SecurityHeaders::applyTo)}. */
    public static void applyTo(HeadersConfigurer<HttpSecurity> headers) {
        headers.addHeaderWriter(new ContentSecurityPolicy())
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY))
                .crossOriginOpenerPolicy(opener -> opener.policy(CrossOriginOpenerPolicy.SAME_ORIGIN))
                .frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
                .withObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
                    @Override
                    public <O extends HeaderWriterFilter> O postProcess(O filter) {
                        filter.setShouldWriteHeadersEagerly(true);
                        return filter;
                    }
                });
    }
}
