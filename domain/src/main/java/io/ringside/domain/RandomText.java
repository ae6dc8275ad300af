package io.ringside.domain;

import java.security.SecureRandom;
import java.util.Base64;

final class RandomText {

    private RandomText() {
    }

    static String urlSafe(SecureRandom random, int bytes) {
        byte[] buffer = new byte[bytes];
        random.nextBytes(buffer);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer);
    }
}
