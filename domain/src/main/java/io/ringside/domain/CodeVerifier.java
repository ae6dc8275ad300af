package io.ringside.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/** A PKCE code verifier (RFC 7636): 43–128 unreserved characters; a secret that never prints. */
public record CodeVerifier(String value) {

    private static final Pattern UNRESERVED_43_TO_128 = Pattern.compile("[A-Za-z0-9\\-._~]{43,128}");

    public CodeVerifier {
        if (value == null || !UNRESERVED_43_TO_128.matcher(value).matches()) {
            throw new IllegalArgumentException("A PKCE code verifier is 43 to 128 characters of A-Z a-z 0-9 - . _ ~");
        }
    }

    /** 32 random bytes, base64url without padding: 43 characters, 256 bits. */
    public static CodeVerifier random(SecureRandom random) {
        return new CodeVerifier(RandomText.urlSafe(random, 32));
    }

    /** The S256 challenge: base64url(SHA-256(ASCII(verifier))) without padding. */
    public String s256Challenge() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "CodeVerifier[" + Secrets.MASK + "]";
    }
}
