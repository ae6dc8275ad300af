package io.ringside.ui;

import io.ringside.application.port.in.FeedStatus;
import io.ringside.application.port.in.RecentCallersResult;
import io.ringside.domain.CallState;
import io.ringside.domain.KnownCaller;
import io.ringside.domain.PhoneNumber;
import io.ringside.domain.RecentCaller;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Everything the caller intake page says in words, in one place: the live indicator, the picker's sentences,
 * the rows of the Recent callers list, what is known about a caller, and what the live region announces.
 * Times are in the console's zone; numbers as {@link PhoneFormat} shows them. No Vaadin here, so every
 * sentence is unit-tested on its own.
 */
public final class IntakeWording {

    /** The live indicator before the first list has arrived. */
    public static final String CONNECTING = "Connecting…";
    public static final String CALLERS_UNREADABLE = "Recent callers could not be loaded. Type the number instead.";

    private final PhoneFormat phones;
    private final ZoneId zone;
    private final DateTimeFormatter clockTime;
    private final DateTimeFormatter dayAndMonth;
    private final DateTimeFormatter dayMonthAndYear;

    public IntakeWording(PhoneFormat phones, ZoneId zone) {
        this.phones = Objects.requireNonNull(phones, "phones");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.clockTime = DateTimeFormatter.ofPattern("HH:mm").withZone(zone);
        // English month names whatever the server's locale: the rest of the page is English too.
        this.dayAndMonth = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH).withZone(zone);
        this.dayMonthAndYear = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).withZone(zone);
    }

    /** {@code 14:05} in the console's zone. */
    public String clockTime(Instant at) {
        return clockTime.format(at);
    }

    // --- the live indicator ---

    /** "Live · synced 5 s ago", "Not live · RingCentral not connected", "Paused until 14:05 · rate limited · synced …". */
    public String liveIndicator(RecentCallersResult current, Instant now) {
        if (current == null) {
            return CONNECTING;
        }
        String synced = current.asOf() == null ? "" : " · synced " + RelativeTime.secondsAgo(Duration.between(current.asOf(), now));
        return switch (current.status()) {
            case FeedStatus.Ok ok -> "Live" + synced;
            case FeedStatus.NotConnected n -> "Not live · RingCentral not connected";
            case FeedStatus.ReconnectNeeded r -> "Not live · RingCentral needs reconnecting";
            case FeedStatus.Unavailable u -> "Not live · RingCentral unreachable" + synced;
            case FeedStatus.RateLimitedUntil r -> "Paused until " + clockTime(r.until()) + " · rate limited" + synced;
        };
    }

    // --- the picker's sentences ---

    /**
     * Why Populate cannot offer a fresh list; empty for {@link FeedStatus.Ok}. An operator is told an admin can
     * connect RingCentral; an admin gets a link beside the sentence instead. The cause of an outage (a
     * timeout, an HTTP status) is for the admin page, never this sentence.
     */
    public String pickerProblem(RecentCallersResult result, Instant now, boolean admin) {
        String stale = result.isEmpty() || result.asOf() == null ? ""
                : " The list below is from " + RelativeTime.ago(Duration.between(result.asOf(), now)) + ".";
        return switch (result.status()) {
            case FeedStatus.Ok ok -> "";
            case FeedStatus.NotConnected n -> "RingCentral is not connected, so there are no recent callers to pick from."
                    + " Type the number instead." + (admin ? "" : " An admin can connect RingCentral.");
            case FeedStatus.ReconnectNeeded r -> "RingCentral needs to be connected again, so there are no recent callers to pick from."
                    + " Type the number instead." + (admin ? "" : " An admin can reconnect it.");
            case FeedStatus.Unavailable u -> "RingCentral can't be reached right now."
                    + (stale.isEmpty() ? " Type the number instead, or try again in a moment." : stale);
            case FeedStatus.RateLimitedUntil r -> "RingCentral asked Ringside to slow down until " + clockTime(r.until()) + "."
                    + (stale.isEmpty() ? " Type the number instead, or try again then." : stale);
        };
    }

    /** "No inbound calls in the last 60 minutes (2 calls without a usable number were left out)". */
    public String noCallers(RecentCallersResult result) {
        String text = "No inbound calls in the last " + minutes(result.window());
        if (result.leftOut() == 1) {
            text += " (1 call without a usable number was left out)";
        } else if (result.leftOut() > 1) {
            text += " (" + result.leftOut() + " calls without a usable number were left out)";
        }
        return text;
    }

    private static String minutes(Duration window) {
        long minutes = window.toMinutes();
        return minutes == 1 ? "minute" : minutes + " minutes";
    }

    // --- the list's rows ---

    /**
     * {@code (602) 555-1234 — 2 min ago · Jane Doe · ringing · your call · Maria Lopez is on it}: the number, how
     * long ago, the name (RingCentral's, else the one earlier intakes know; null for none), ringing or on call
     * (with whom), the colleague on it (null for none) and "your call" for the call at the user's desk.
     */
    public String row(RecentCaller caller, String name, String colleagueOnIt, boolean yours, Instant now) {
        StringBuilder label = new StringBuilder(phones.display(caller.caller().number()))
                .append(" — ").append(RelativeTime.ago(caller.age(now)));
        if (name != null) {
            label.append(" · ").append(name);
        }
        if (caller.state() == CallState.RINGING) {
            label.append(" · ringing");
        } else if (caller.state() == CallState.CONNECTED) {
            label.append(" · on call");
            if (caller.answeredBy() != null) {
                label.append(" with ").append(caller.answeredBy().label());
            }
        }
        if (yours) {
            label.append(" · your call");
        }
        if (colleagueOnIt != null) {
            label.append(" · ").append(colleagueOnIt).append(" is on it");
        }
        return label.toString();
    }

    /** {@code (602) 555-1234 (Jane Doe)}, or the number alone when no name is known. */
    public String who(PhoneNumber number, String name) {
        String shown = phones.display(number);
        return name == null ? shown : shown + " (" + name + ")";
    }

    // --- what earlier intakes say ---

    /**
     * "Known: Jane Doe · 3 intakes, last on 12 Nov", "Known: 2 intakes, last yesterday" (no name was ever
     * typed), "Known: Jane Doe · 1 intake, today"; the year is added when it is not this year's.
     */
    public String known(KnownCaller known, Instant now) {
        StringBuilder text = new StringBuilder("Known: ");
        if (known.lastName() != null) {
            text.append(known.lastName()).append(" · ");
        }
        text.append(known.intakes()).append(known.intakes() == 1 ? " intake, " : " intakes, last ");
        LocalDate day = LocalDate.ofInstant(known.lastSavedAt(), zone);
        LocalDate today = LocalDate.ofInstant(now, zone);
        if (day.equals(today)) {
            text.append("today");
        } else if (day.equals(today.minusDays(1))) {
            text.append("yesterday");
        } else {
            text.append("on ").append((day.getYear() == today.getYear() ? dayAndMonth : dayMonthAndYear).format(known.lastSavedAt()));
        }
        return text.toString();
    }

    // --- what happened, for the live region and notifications ---

    /** The live region after a new list: "Your call: (602) 555-1111 ringing. Incoming call: (602) 555-9876"; "" for nothing new. */
    public String newRinging(List<String> yours, List<String> others) {
        StringBuilder text = new StringBuilder();
        if (!yours.isEmpty()) {
            text.append("Your call: ").append(String.join("; ", yours)).append(" ringing");
        }
        if (!others.isEmpty()) {
            if (!text.isEmpty()) {
                text.append(". ");
            }
            text.append("Incoming call: ").append(String.join("; ", others));
        }
        return text.toString();
    }

    /** The notification when Populate filled the phone by itself. */
    public String populated(String who, boolean yours) {
        return yours ? "Phone filled with your call: " + who : "Phone filled with " + who;
    }

    /** "Phone set to (602) 555-1234 (Jane Doe). Name filled with Jane Doe from earlier intakes." */
    public String phoneSet(String who, String nameFilled) {
        return "Phone set to " + who + (nameFilled == null ? "" : ". " + nameFilled(nameFilled));
    }

    /** "Name filled with Jane Doe from earlier intakes." */
    public String nameFilled(String name) {
        return "Name filled with " + name + " from earlier intakes.";
    }

    /** "3 recent callers in the list; arrows and Enter pick one." */
    public String listOpened(int callers) {
        return callers + " recent callers in the list; arrows and Enter pick one.";
    }

    public String saved(PhoneNumber number) {
        return "Saved intake for " + phones.display(number);
    }

    /** "Maria Lopez saved an intake for this caller 3 min ago — save anyway?" */
    public String savedRecentlyQuestion(String colleague, Instant savedAt, Instant now) {
        return colleague + " saved an intake for this caller " + RelativeTime.ago(Duration.between(savedAt, now)) + " — save anyway?";
    }

    /** The live region while the question is open: nothing is saved yet, and it says why. */
    public String notSavedYet(String colleague) {
        return "Not saved yet: " + colleague + " saved an intake for this caller moments ago. Save anyway?";
    }

    public String notSaved(String why) {
        return "Not saved: " + why;
    }
}
