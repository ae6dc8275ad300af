package io.ringside.adapters.ringcentral;

import java.util.Collection;

/** Keeps secrets out of text that leaves the adapter (exception messages, log lines). */
final class Redaction {

    static final String MASK = "********";
    private static final int MAX_QUOTED_LENGTH = 200;

    private Redaction() {
    }

    /**
     * RingCentral's own error text, shortened and with every secret of the request masked:
     * its messages sometimes quote request parameters back.
     */
    static String quote(String text, Collection<String> secrets) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String scrubbed = text.strip();
        for (String secret : secrets) {
            if (secret != null && !secret.isEmpty()) {
                scrubbed = scrubbed.replace(secret, MASK);
            }
        }
        return scrubbed.length() <= MAX_QUOTED_LENGTH ? scrubbed : scrubbed.substring(0, MAX_QUOTED_LENGTH) + "…";
    }
}
