package io.ringside.application.testing;

import io.ringside.application.port.out.UserSessions;

import java.util.ArrayList;
import java.util.List;

/** Records whose sessions were ended. */
public final class RecordingUserSessions implements UserSessions {

    private final List<String> ended = new ArrayList<>();

    @Override
    public synchronized void endAll(String username) {
        ended.add(username);
    }

    public synchronized List<String> ended() {
        return List.copyOf(ended);
    }
}
