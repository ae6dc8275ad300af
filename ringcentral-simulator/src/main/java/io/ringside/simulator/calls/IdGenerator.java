package io.ringside.simulator.calls;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;

/** Identifiers in the shapes RingCentral uses, so clients that parse or store them meet the real thing. */
public final class IdGenerator {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final SecureRandom random = new SecureRandom();
    private final AtomicLong sessions = new AtomicLong(4_503_991_004L);

    /** Call-log record ids look like {@code Y3cIJVIsmbaYUA}. */
    public String callLogId() {
        StringBuilder id = new StringBuilder(14);
        for (int i = 0; i < 14; i++) {
            id.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }

    /** Session ids are decimal numbers. */
    public String sessionId() {
        return Long.toString(sessions.addAndGet(1 + random.nextInt(97)));
    }

    /** Telephony session ids look like {@code s-a0d7e1b2…}. */
    public String telephonySessionId() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return "s-" + HexFormat.of().formatHex(bytes);
    }
}
