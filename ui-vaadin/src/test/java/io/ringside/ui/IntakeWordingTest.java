package io.ringside.ui;

import io.ringside.application.port.in.FeedStatus;
import io.ringside.application.port.in.RecentCallersResult;
import io.ringside.domain.CallState;
import io.ringside.domain.Caller;
import io.ringside.domain.Extension;
import io.ringside.domain.KnownCaller;
import io.ringside.domain.PhoneNumber;
import io.ringside.domain.RecentCaller;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class IntakeWordingTest {

    /** 10:00 in Phoenix (UTC-7 all year). */
    static final Instant NOW = Instant.parse("2026-11-22T17:00:00Z");
    static final Duration WINDOW = Duration.ofMinutes(60);
    static final PhoneNumber JANE = PhoneNumber.of("+16025551234");

    private final IntakeWording wording = new IntakeWording(new PhoneFormat("US"), ZoneId.of("America/Phoenix"));

    private static RecentCallersResult ok(RecentCaller... callers) {
        return new RecentCallersResult(List.of(callers), WINDOW, NOW.minusSeconds(5), new FeedStatus.Ok(), 0);
    }

    private static RecentCaller caller(String e164, String name, long secondsAgo, CallState state) {
        return new RecentCaller(new Caller(PhoneNumber.of(e164), name), NOW.minusSeconds(secondsAgo), state, 1, "s-" + e164);
    }

    @Nested
    class LiveIndicator {

        @Test
        void connectingUntilTheFirstList() {
            assertThat(wording.liveIndicator(null, NOW)).isEqualTo("Connecting…");
        }

        @Test
        void liveSaysHowFreshTheListIs() {
            assertThat(wording.liveIndicator(ok(), NOW)).isEqualTo("Live · synced 5 s ago");
            assertThat(wording.liveIndicator(ok(), NOW.plusSeconds(175))).isEqualTo("Live · synced 3 min ago");
        }

        @Test
        void notLiveSaysWhy() {
            assertThat(wording.liveIndicator(RecentCallersResult.without(WINDOW, new FeedStatus.NotConnected()), NOW))
                    .isEqualTo("Not live · RingCentral not connected");
            assertThat(wording.liveIndicator(RecentCallersResult.without(WINDOW, new FeedStatus.ReconnectNeeded()), NOW))
                    .isEqualTo("Not live · RingCentral needs reconnecting");
            assertThat(wording.liveIndicator(ok().withStatus(new FeedStatus.Unavailable("HTTP 503")), NOW))
                    .isEqualTo("Not live · RingCentral unreachable · synced 5 s ago");
        }

        @Test
        void rateLimitedSaysUntilWhenInTheConsoleZone() {
            RecentCallersResult paused = ok().withStatus(new FeedStatus.RateLimitedUntil(Instant.parse("2026-11-22T21:05:00Z")));
            assertThat(wording.liveIndicator(paused, NOW)).isEqualTo("Paused until 14:05 · rate limited · synced 5 s ago");
        }
    }

    @Nested
    class PickerSentences {

        @Test
        void notConnectedTellsAnOperatorAnAdminCanConnectIt() {
            RecentCallersResult result = RecentCallersResult.without(WINDOW, new FeedStatus.NotConnected());
            assertThat(wording.pickerProblem(result, NOW, false)).isEqualTo(
                    "RingCentral is not connected, so there are no recent callers to pick from. Type the number instead."
                            + " An admin can connect RingCentral.");
            assertThat(wording.pickerProblem(result, NOW, true)).isEqualTo(
                    "RingCentral is not connected, so there are no recent callers to pick from. Type the number instead.");
        }

        @Test
        void reconnect() {
            RecentCallersResult result = RecentCallersResult.without(WINDOW, new FeedStatus.ReconnectNeeded());
            assertThat(wording.pickerProblem(result, NOW, false)).isEqualTo(
                    "RingCentral needs to be connected again, so there are no recent callers to pick from. Type the number instead."
                            + " An admin can reconnect it.");
        }

        @Test
        void unavailableNeverShowsTheTechnicalCause() {
            RecentCallersResult result = RecentCallersResult.without(WINDOW, new FeedStatus.Unavailable("connect timed out"));
            assertThat(wording.pickerProblem(result, NOW, true))
                    .isEqualTo("RingCentral can't be reached right now. Type the number instead, or try again in a moment.");
        }

        @Test
        void anOlderListIsOfferedWithItsAge() {
            RecentCallersResult result = ok(caller("+16025551234", null, 30, CallState.ENDED))
                    .withStatus(new FeedStatus.Unavailable("timeout"));
            assertThat(wording.pickerProblem(result, NOW.plus(Duration.ofMinutes(3)), false))
                    .isEqualTo("RingCentral can't be reached right now. The list below is from 3 min ago.");
        }

        @Test
        void rateLimitedSaysUntilWhen() {
            RecentCallersResult result = RecentCallersResult.without(WINDOW,
                    new FeedStatus.RateLimitedUntil(Instant.parse("2026-11-22T17:01:30Z")));
            assertThat(wording.pickerProblem(result, NOW, false))
                    .isEqualTo("RingCentral asked Ringside to slow down until 10:01. Type the number instead, or try again then.");
        }

        @Test
        void okHasNoProblem() {
            assertThat(wording.pickerProblem(ok(), NOW, false)).isEmpty();
        }

        @Test
        void noCallersWithTheRealWindowAndWhatWasLeftOut() {
            assertThat(wording.noCallers(new RecentCallersResult(List.of(), Duration.ofMinutes(45), NOW, new FeedStatus.Ok(), 0)))
                    .isEqualTo("No inbound calls in the last 45 minutes");
            assertThat(wording.noCallers(new RecentCallersResult(List.of(), WINDOW, NOW, new FeedStatus.Ok(), 1)))
                    .isEqualTo("No inbound calls in the last 60 minutes (1 call without a usable number was left out)");
            assertThat(wording.noCallers(new RecentCallersResult(List.of(), WINDOW, NOW, new FeedStatus.Ok(), 2)))
                    .isEqualTo("No inbound calls in the last 60 minutes (2 calls without a usable number were left out)");
            assertThat(wording.noCallers(new RecentCallersResult(List.of(), Duration.ofMinutes(1), NOW, new FeedStatus.Ok(), 0)))
                    .isEqualTo("No inbound calls in the last minute");
        }
    }

    @Nested
    class Rows {

        @Test
        void everyPartInItsPlace() {
            RecentCaller ringing = caller("+16025551234", null, 150, CallState.RINGING);
            assertThat(wording.row(ringing, "Jane Doe", "Maria Lopez", true, NOW))
                    .isEqualTo("(602) 555-1234 — 2 min ago · Jane Doe · ringing · your call · Maria Lopez is on it");
        }

        @Test
        void anEndedCallWithoutANameIsNumberAndAge() {
            assertThat(wording.row(caller("+442079460958", null, 20, CallState.ENDED), null, null, false, NOW))
                    .isEqualTo("+44 20 7946 0958 — just now");
        }

        @Test
        void onCallSaysWithWhomWhenKnown() {
            RecentCaller withJordan = new RecentCaller(new Caller(JANE, null), NOW.minusSeconds(65), CallState.CONNECTED, 1, "s",
                    new Extension("62264425003", "103", "Jordan Lee"));
            assertThat(wording.row(withJordan, null, null, false, NOW)).isEqualTo("(602) 555-1234 — 1 min ago · on call with Jordan Lee (103)");
            assertThat(wording.row(caller("+16025551234", null, 65, CallState.CONNECTED), null, null, false, NOW))
                    .isEqualTo("(602) 555-1234 — 1 min ago · on call");
        }

        @Test
        void whoIsTheNumberWithTheNameWhenThereIsOne() {
            assertThat(wording.who(JANE, "Jane Doe")).isEqualTo("(602) 555-1234 (Jane Doe)");
            assertThat(wording.who(JANE, null)).isEqualTo("(602) 555-1234");
        }
    }

    @Nested
    class Known {

        @Test
        void nameCountAndDayInTheConsoleZone() {
            // 05:30 UTC on the 12th is 22:30 on the 11th in Phoenix
            KnownCaller jane = new KnownCaller(JANE, "Jane Doe", 3, Instant.parse("2026-11-12T05:30:00Z"));
            assertThat(wording.known(jane, NOW)).isEqualTo("Known: Jane Doe · 3 intakes, last on 11 Nov");
        }

        @Test
        void withoutANameOnlyTheCount() {
            KnownCaller nameless = new KnownCaller(JANE, null, 2, Instant.parse("2026-11-12T18:00:00Z"));
            assertThat(wording.known(nameless, NOW)).isEqualTo("Known: 2 intakes, last on 12 Nov");
        }

        @Test
        void todayAndYesterdayByTheConsoleClock() {
            assertThat(wording.known(new KnownCaller(JANE, "Jane Doe", 4, Instant.parse("2026-11-22T07:00:00Z")), NOW))
                    .isEqualTo("Known: Jane Doe · 4 intakes, last today");
            // 06:59 UTC on the 22nd is still the 21st in Phoenix
            assertThat(wording.known(new KnownCaller(JANE, "Jane Doe", 4, Instant.parse("2026-11-22T06:59:00Z")), NOW))
                    .isEqualTo("Known: Jane Doe · 4 intakes, last yesterday");
        }

        @Test
        void oneIntakeAndAnotherYear() {
            assertThat(wording.known(new KnownCaller(JANE, "Jane Doe", 1, Instant.parse("2025-12-30T18:00:00Z")), NOW))
                    .isEqualTo("Known: Jane Doe · 1 intake, on 30 Dec 2025");
            assertThat(wording.known(new KnownCaller(JANE, null, 1, Instant.parse("2026-11-22T16:00:00Z")), NOW))
                    .isEqualTo("Known: 1 intake, today");
        }
    }

    @Nested
    class WhatHappened {

        @Test
        void newRingingCallersYoursFirst() {
            assertThat(wording.newRinging(List.of("(602) 555-1111"), List.of("(602) 555-9876", "(602) 555-1234 (Jane Doe)")))
                    .isEqualTo("Your call: (602) 555-1111 ringing. Incoming call: (602) 555-9876; (602) 555-1234 (Jane Doe)");
            assertThat(wording.newRinging(List.of(), List.of())).isEmpty();
        }

        @Test
        void fillsAndSaves() {
            assertThat(wording.populated("(602) 555-1111", true)).isEqualTo("Phone filled with your call: (602) 555-1111");
            assertThat(wording.populated("(602) 555-1234 (Jane Doe)", false)).isEqualTo("Phone filled with (602) 555-1234 (Jane Doe)");
            assertThat(wording.phoneSet("(602) 555-1234", "Jane Doe"))
                    .isEqualTo("Phone set to (602) 555-1234. Name filled with Jane Doe from earlier intakes.");
            assertThat(wording.phoneSet("(602) 555-1234 (Jane Doe)", null)).isEqualTo("Phone set to (602) 555-1234 (Jane Doe)");
            assertThat(wording.saved(JANE)).isEqualTo("Saved intake for (602) 555-1234");
            assertThat(wording.savedRecentlyQuestion("Maria Lopez", NOW.minus(Duration.ofMinutes(3)), NOW))
                    .isEqualTo("Maria Lopez saved an intake for this caller 3 min ago — save anyway?");
        }
    }
}
