package io.ringside.ui;

import java.time.Duration;

/** "just now", "1 min ago", "N min ago": how long ago a call was, as the picker says it. */
public final class RelativeTime {

    private RelativeTime() {
    }

    public static String ago(Duration age) {
        long minutes = age.isNegative() ? 0 : age.toMinutes();
        if (minutes < 1) {
            return "just now";
        }
        if (minutes == 1) {
            return "1 min ago";
        }
        return minutes + " min ago";
    }

    /** "5 s ago" for the live indicator. */
    public static String secondsAgo(Duration age) {
        long seconds = age.isNegative() ? 0 : age.toSeconds();
        if (seconds < 60) {
            return seconds + " s ago";
        }
        return ago(age);
    }
}
