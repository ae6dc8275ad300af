package io.ringside.bootstrap.security;

import jakarta.servlet.http.HttpServletRequest;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * The one random nonce of a request that vouches for the host page's own inline scripts. The policy
 * header and the page's {@code <script nonce>} attributes both ask for it here, in whichever order they
 * run, and get the same value. A fresh nonce per response, unguessable (128 random bits), so an
 * injected {@code <script>} cannot carry a valid one.
 */
final class ScriptNonce {

    static final String REQUEST_ATTRIBUTE = ScriptNonce.class.getName();
    private static final SecureRandom RANDOM = new SecureRandom();

    private ScriptNonce() {
    }

    static String of(HttpServletRequest request) {
        Object existing = request.getAttribute(REQUEST_ATTRIBUTE);
        if (existing instanceof String nonce) {
            return nonce;
        }
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        String nonce = Base64.getEncoder().encodeToString(bytes);
        request.setAttribute(REQUEST_ATTRIBUTE, nonce);
        return nonce;
    }
}
