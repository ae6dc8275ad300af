package io.ringside.ui.view;

import com.github.mvysny.kaributesting.v10.ComboBoxKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.ringside.application.port.in.FeedStatus;
import io.ringside.application.port.in.RecentCallersResult;
import io.ringside.domain.CallState;
import io.ringside.domain.Intake;
import io.ringside.domain.PhoneNumber;
import io.ringside.domain.RecentCaller;
import io.ringside.ui.ConsoleSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

class IntakeViewTest extends KaribuTestBase {

    static final RecentCaller JANE = Fakes.caller("+16025551234", "Jane Doe", NOW.minusSeconds(150), CallState.ENDED, "s-jane");
    static final RecentCaller BOB = Fakes.caller("+16025559876", null, NOW.minusSeconds(20), CallState.RINGING, "s-bob");
    static final RecentCaller LONDON = Fakes.caller("+442079460958", null, NOW.minusSeconds(65), CallState.CONNECTED, "s-uk");

    @BeforeEach
    void open() {
        startVaadin();
        UI.getCurrent().navigate(IntakeView.class);
    }

    private static RecentCallersResult ok(RecentCaller... callers) {
        return new RecentCallersResult(List.of(callers), Fakes.WINDOW, NOW, new FeedStatus.Ok(), 0);
    }

    private TextField phone() {
        return _get(TextField.class, spec -> spec.withId("phone"));
    }

    @SuppressWarnings("unchecked")
    private ComboBox<RecentCaller> combo() {
        return _get(ComboBox.class, spec -> spec.withId("recent-callers"));
    }

    private void populate() {
        _click(_get(Button.class, spec -> spec.withText("Populate phone number")));
    }

    /** The picker's sentence, or "" when none is shown. */
    private String message() {
        return _find(Span.class, spec -> spec.withId("picker-text")).stream().map(Span::getText).findFirst().orElse("");
    }

    private boolean adminLinkShown() {
        return !_find(Anchor.class, spec -> spec.withId("admin-link")).isEmpty();
    }

    @Test
    void oneCallerFillsPhoneAtOnceAndSaysWhom() {
        recent.next = ok(JANE);
        populate();
        assertThat(phone().getValue()).isEqualTo("(602) 555-1234");
        NotificationsKt.expectNotifications("Phone filled with (602) 555-1234 (Jane Doe)");
        assertThat(combo().isOpened()).isFalse();
        assertThat(message()).isEmpty();
    }

    @Test
    void severalCallersOpenTheListWithLabels() {
        recent.next = ok(BOB, LONDON, JANE);
        populate();
        assertThat(combo().isOpened()).isTrue();
        assertThat(phone().getValue()).isEmpty();
        assertThat(ComboBoxKt.getSuggestions(combo())).containsExactly(
                "(602) 555-9876 — just now · ringing",
                "+44 20 7946 0958 — 1 min ago · on call",
                "(602) 555-1234 — 2 min ago · Jane Doe");
    }

    @Test
    void aCallAnsweredAtAColleaguesDeskSaysWhoHasIt() {
        RecentCaller withJordan = new RecentCaller(LONDON.caller(), LONDON.lastCallAt(), CallState.CONNECTED, 1, "s-uk",
                new io.ringside.domain.Extension("62264425003", "103", "Jordan Lee"));
        recent.next = ok(BOB, withJordan);
        populate();
        assertThat(ComboBoxKt.getSuggestions(combo())).containsExactly(
                "(602) 555-9876 — just now · ringing",
                "+44 20 7946 0958 — 1 min ago · on call with Jordan Lee (103)");
    }

    @Test
    void choosingFromTheListFillsPhoneAndSaveRecordsTheCall() {
        recent.next = ok(BOB, JANE);
        populate();
        ComboBoxKt.selectByLabel(combo(), "(602) 555-1234 — 2 min ago · Jane Doe");
        assertThat(phone().getValue()).isEqualTo("(602) 555-1234");
        _setValue(_get(TextField.class, spec -> spec.withId("name")), "Jane Doe");
        _click(_get(Button.class, spec -> spec.withText("Save")));
        assertThat(intakes.saved).singleElement().satisfies(intake -> {
            assertThat(intake.phone()).isEqualTo(PhoneNumber.of("+16025551234"));
            assertThat(intake.telephonySessionId()).isEqualTo("s-jane");
            assertThat(intake.operator()).isEqualTo("Olivia Park");
        });
    }

    @Test
    void noCallersSaysSoWithTheRealWindow() {
        recent.next = new RecentCallersResult(List.of(), Duration.ofMinutes(45), NOW, new FeedStatus.Ok(), 0);
        populate();
        assertThat(message()).isEqualTo("No inbound calls in the last 45 minutes");
        assertThat(phone().getValue()).isEmpty();
        assertThat(adminLinkShown()).isFalse();
    }

    @Test
    void noCallersMentionsCallsLeftOut() {
        recent.next = new RecentCallersResult(List.of(), Fakes.WINDOW, NOW, new FeedStatus.Ok(), 2);
        populate();
        assertThat(message()).isEqualTo("No inbound calls in the last 60 minutes (2 calls without a usable number were left out)");
    }

    @Test
    void notConnectedIsAPlainSentenceWithoutAdminLinkForOperators() {
        recent.next = RecentCallersResult.without(Fakes.WINDOW, new FeedStatus.NotConnected());
        populate();
        assertThat(message()).startsWith("RingCentral is not connected").contains("Type the number instead").contains("An admin can connect");
        assertThat(adminLinkShown()).isFalse();
        assertThat(combo().isOpened()).isFalse();
    }

    @Test
    void reconnectNeededIsAPlainSentence() {
        recent.next = RecentCallersResult.without(Fakes.WINDOW, new FeedStatus.ReconnectNeeded());
        populate();
        assertThat(message()).startsWith("RingCentral needs to be connected again");
        assertThat(adminLinkShown()).isFalse();
    }

    @Test
    void unavailableIsAPlainSentence() {
        recent.next = RecentCallersResult.without(Fakes.WINDOW, new FeedStatus.Unavailable("timeout"));
        populate();
        assertThat(message()).isEqualTo("RingCentral can't be reached right now. Type the number instead, or try again in a moment.");
        assertThat(message()).doesNotContain("timeout");
    }

    @Test
    void unavailableWithAnOlderListStillOffersIt() {
        recent.next = ok(BOB, JANE).withStatus(new FeedStatus.Unavailable("timeout"));
        clock.advance(Duration.ofMinutes(3));
        populate();
        assertThat(message()).isEqualTo("RingCentral can't be reached right now. The list below is from 3 min ago.");
        assertThat(combo().isOpened()).isTrue();
    }

    @Test
    void rateLimitedSaysUntilWhenInTheConsoleZone() {
        recent.next = RecentCallersResult.without(Fakes.WINDOW, new FeedStatus.RateLimitedUntil(Instant.parse("2026-11-22T17:01:30Z")));
        populate();
        // 17:01 UTC is 10:01 in Phoenix
        assertThat(message()).isEqualTo("RingCentral asked Ringside to slow down until 10:01. Type the number instead, or try again then.");
    }

    @Test
    void typingByHandWorksWhenNotConnected() {
        recent.next = RecentCallersResult.without(Fakes.WINDOW, new FeedStatus.NotConnected());
        populate();
        _setValue(phone(), "602 555 0199");
        _click(_get(Button.class, spec -> spec.withText("Save")));
        assertThat(intakes.saved).singleElement().satisfies(intake -> {
            assertThat(intake.phone().e164()).isEqualTo("+16025550199");
            assertThat(intake.telephonySessionId()).isNull();
        });
    }

    @Test
    void badNumberIsRefusedAndTheFormKeepsWhatWasTyped() {
        _setValue(_get(TextField.class, spec -> spec.withId("name")), "Sam");
        _setValue(phone(), "555-12");
        _setValue(_get(TextArea.class, spec -> spec.withId("notes")), "wants a call back");
        _click(_get(Button.class, spec -> spec.withText("Save")));
        assertThat(intakes.saved).isEmpty();
        assertThat(phone().isInvalid()).isTrue();
        assertThat(phone().getErrorMessage()).isNotBlank();
        assertThat(phone().getValue()).isEqualTo("555-12");
        assertThat(_get(TextField.class, spec -> spec.withId("name")).getValue()).isEqualTo("Sam");
        assertThat(_get(TextArea.class, spec -> spec.withId("notes")).getValue()).isEqualTo("wants a call back");
    }

    @Test
    void emptyPhoneIsRefused() {
        _click(_get(Button.class, spec -> spec.withText("Save")));
        assertThat(intakes.saved).isEmpty();
        assertThat(phone().getErrorMessage()).isEqualTo("Enter the caller's phone number");
    }

    @Test
    void savedIntakesAppearInTodaysList() {
        _setValue(_get(TextField.class, spec -> spec.withId("name")), "Sam Smith");
        _setValue(phone(), "+44 20 7946 0958");
        _setValue(_get(TextArea.class, spec -> spec.withId("notes")), "billing question");
        _click(_get(Button.class, spec -> spec.withText("Save")));
        @SuppressWarnings("unchecked")
        Grid<Intake> grid = _get(Grid.class, spec -> spec.withId("todays-intakes"));
        GridKt.expectRows(grid, 1);
        // 17:00 UTC is 10:00 in Phoenix
        GridKt.expectRow(grid, 0, "10:00", "Sam Smith", "+44 20 7946 0958", "billing question", "Olivia Park");
        assertThat(phone().getValue()).isEmpty();
    }

    @Test
    void todaysListShowsWhatWasAlreadySaved() {
        MockVaadin.tearDown();
        intakes.save("Ann", PhoneNumber.of("+16025550100"), null, null, Fakes.User.admin().actor(), false);
        startVaadin();
        UI.getCurrent().navigate(IntakeView.class);
        @SuppressWarnings("unchecked")
        Grid<Intake> grid = _get(Grid.class, spec -> spec.withId("todays-intakes"));
        GridKt.expectRow(grid, 0, "10:00", "Ann", "(602) 555-0100", "", "Ada Admin");
    }

    @Test
    void relativeTimesStayCurrentOnTheTick() throws InterruptedException {
        recent.push(ok(JANE));
        MockVaadin.runUIQueue();
        assertThat(ComboBoxKt.getSuggestions(combo())).containsExactly("(602) 555-1234 — 2 min ago · Jane Doe");
        clock.advance(Duration.ofMinutes(5));
        _get(IntakeView.class).tick();
        assertThat(ComboBoxKt.getSuggestions(combo())).containsExactly("(602) 555-1234 — 7 min ago · Jane Doe");
    }

    @Test
    void liveUpdatesArriveThroughUiAccessAndAnnounceRingingCallers() throws InterruptedException {
        assertThat(recent.listeners).hasSize(1);
        recent.push(ok(JANE));
        MockVaadin.runUIQueue();
        Span live = _get(Span.class, spec -> spec.withId("live-indicator"));
        assertThat(live.getText()).isEqualTo("Live · synced 0 s ago");
        Div announcer = _get(Div.class, spec -> spec.withId("call-announcer"));
        assertThat(announcer.getElement().getAttribute("aria-live")).isEqualTo("polite");
        assertThat(announcer.getText()).isEmpty();

        recent.push(ok(BOB, JANE));
        MockVaadin.runUIQueue();
        assertThat(announcer.getText()).isEqualTo("Incoming call: (602) 555-9876");
        assertThat(ComboBoxKt.getSuggestions(combo())).hasSize(2);

        clock.advance(Duration.ofSeconds(12));
        _get(IntakeView.class).tick();
        assertThat(live.getText()).isEqualTo("Live · synced 12 s ago");
    }

    @Test
    void leavingTheViewClosesTheSubscription() {
        assertThat(recent.listeners).hasSize(1);
        UI.getCurrent().navigate(LoginView.class);
        assertThat(recent.listeners).isEmpty();
        assertThat(recent.closed).isEqualTo(1);
    }

    @Test
    void homeNumbersAreNationalOthersInternational() {
        recent.next = ok(LONDON);
        populate();
        assertThat(phone().getValue()).isEqualTo("+44 20 7946 0958");
    }

    @Test
    void anotherHomeRegionShowsUsNumbersInternationally() {
        MockVaadin.tearDown();
        settings = new ConsoleSettings(false, ZoneId.of("Europe/London"), "GB");
        startVaadin();
        UI.getCurrent().navigate(IntakeView.class);
        recent.next = ok(LONDON, JANE);
        populate();
        assertThat(ComboBoxKt.getSuggestions(combo())).containsExactly(
                "020 7946 0958 — 1 min ago · on call",
                "+1 602-555-1234 — 2 min ago · Jane Doe");
    }

    @Test
    void populateButtonAndComboAreKeyboardReachable() {
        Button populate = _get(Button.class, spec -> spec.withText("Populate phone number"));
        assertThat(populate.isEnabled()).isTrue();
        assertThat(populate.getElement().hasAttribute("tabindex") && "-1".equals(populate.getElement().getAttribute("tabindex"))).isFalse();
        assertThat(combo().isEnabled()).isTrue();
        assertThat(combo().isReadOnly()).isFalse();
        // several callers: focus moves to the opened list so arrows and Enter pick one
        recent.next = ok(BOB, JANE);
        populate();
        assertThat(combo().isOpened()).isTrue();
    }
}
