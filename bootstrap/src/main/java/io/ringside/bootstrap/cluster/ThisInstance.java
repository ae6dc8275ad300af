package io.ringside.bootstrap.cluster;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.UUID;

/** This Ringside process, as the other instances and the admin page know it. */
public record ThisInstance(String id, String host, Instant startedAt) {

    static ThisInstance startingAt(Instant now) {
        return new ThisInstance(UUID.randomUUID().toString().substring(0, 8), hostName(), now);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown host";
        }
    }
}
