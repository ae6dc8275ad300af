package io.ringside.bootstrap.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.header.HeaderWriter;

/**
 * Ringside's Content-Security-Policy, with this request's {@link ScriptNonce}. What Vaadin 25.0 needs
 * was checked against its documentation ("Content Security Policy", "Frequently reported issues") and
 * is proven in the browser test, which fails on any violation:
 * <ul>
 *   <li>{@code script-src 'self' 'nonce-…' 'unsafe-eval'} — the host page starts Flow's client engine with
 *       inline scripts; they carry the nonce ({@link NonceOnVaadinScripts}), so an injected inline script or
 *       event-handler attribute is still refused (with a nonce present, browsers ignore 'unsafe-inline',
 *       so it is not listed). 'unsafe-eval' cannot go: Flow 25.0 turns every {@code executeJs} and
 *       event-data expression the server sends into a function with {@code new Function}; Vaadin only
 *       ships a bundle without it from 25.4, which is not served here.</li>
 *   <li>{@code style-src 'self' 'unsafe-inline'} — Vaadin's bootstrap page and its web components write
 *       {@code <style>} elements that cannot carry a nonce (vaadin/web-components#8031); injected CSS can
 *       restyle a page but not run code.</li>
 *   <li>{@code connect-src 'self'} — server push is a WebSocket to the same origin ('self' covers
 *       {@code ws:}/{@code wss:} on the same host and port), with XHR as its fallback.</li>
 *   <li>{@code font-src 'self' data:} — Lumo's icon font is a {@code data:} URL in its CSS.</li>
 *   <li>{@code img-src 'self' data:} — Lumo draws some component icons (a select's dropdown chevron, as on the
 *       Users page) from {@code data:} SVG images in its CSS; an image cannot run script.</li>
 *   <li>{@code form-action 'self'} — the only forms are the login form and, in demo mode, the simulator's
 *       consent page, both posting to this origin (a form's redirect is checked too: the consent page's
 *       302 lands on this origin's callback). Connecting RingCentral leaves by a script navigation to
 *       RingCentral, never a form post, so it is not limited by this.</li>
 *   <li>{@code frame-ancestors 'none'}, {@code object-src 'none'}, {@code base-uri 'self'}: nothing embeds
 *       Ringside, no plug-ins, and an injected {@code <base>} cannot re-point relative URLs.</li>
 * </ul>
 * No {@code upgrade-insecure-requests}: demo mode and a first local try run over plain http.
 */
final class ContentSecurityPolicy implements HeaderWriter {

    static final String HEADER = "Content-Security-Policy";

    static String forNonce(String nonce) {
        return "default-src 'self'; "
                + "script-src 'self' 'nonce-" + nonce + "' 'unsafe-eval'; "
                + "style-src 'self' 'unsafe-inline'; "
                + "font-src 'self' data:; "
                + "img-src 'self' data:; "
                + "connect-src 'self'; "
                + "object-src 'none'; "
                + "base-uri 'self'; "
                + "form-action 'self'; "
                + "frame-ancestors 'none'";
    }

    @Override
    public void writeHeaders(HttpServletRequest request, HttpServletResponse response) {
        if (!response.containsHeader(HEADER)) {
            response.setHeader(HEADER, forNonce(ScriptNonce.of(request)));
        }
    }
}
