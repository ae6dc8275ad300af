package io.ringside.simulator.oauth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** RFC 7636 checks: does a {@code code_verifier} match the {@code code_challenge} stored at authorize? */
public final class Pkce {

    public static final String PLAIN = "plain";
    public static final String S256 = "S256";

    private Pkce() {
    }

    public static boolean isSupportedMethod(String method) {
        return PLAIN.equals(method) || S256.equals(method);
    }

    /** RFC 7636 §4.1: 43–128 characters of [A-Za-z0-9-._~]. */
    public static boolean isWellFormedVerifier(String verifier) {
        return verifier != null && verifier.matches("[A-Za-z0-9\\-._~]{43,128}");
    }

    public static boolean matches(String method, String challenge, String verifier) {
        if (!isWellFormedVerifier(verifier)) {
            return false;
        }
        String derived = S256.equals(method) ? s256(verifier) : verifier;
        return MessageDigest.isEqual(derived.getBytes(StandardCharsets.US_ASCII),
                challenge.getBytes(StandardCharsets.US_ASCII));
    }

    /** BASE64URL(SHA256(ASCII(verifier))) without padding. */
    public static String s256(String verifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JDK has SHA-256", impossible);
        }
    }
}
