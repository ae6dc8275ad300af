package io.ringside.ui.view;

import com.github.mvysny.kaributesting.v10.ComboBoxKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextField;
import io.ringside.application.port.in.FeedStatus;
import io.ringside.application.port.in.RecentCallersResult;
import io.ringside.domain.CallState;
import io.ringside.domain.Caller;
import io.ringside.domain.Claim;
import io.ringside.domain.Extension;
import io.ringside.domain.ExtensionLink;
import io.ringside.domain.Intake;
import io.ringside.domain.PhoneNumber;
import io.ringside.domain.RecentCaller;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

/** The intake page knows who is at it: their own call first, colleagues' claims, the duplicate-save question. */
class IntakeViewPeopleTest extends KaribuTestBase {

    static final Extension OLIVIAS_DESK = new Extension("62264425002", "102", "Olivia Park");
    static final Extension JORDANS_DESK = new Extension("62264425003", "103", "Jordan Lee");

    /** Rings at Olivia's desk; older than BOB, so without "your call first" it would be listed second. */
    static final RecentCaller MINE = ringingAt("+16025551111", 70, "s-mine", OLIVIAS_DESK);
    static final RecentCaller BOB = ringingAt("+16025559876", 20, "s-bob", JORDANS_DESK);
    static final RecentCaller JANE = Fakes.caller("+16025551234", "Jane Doe", NOW.minusSeconds(150), CallState.ENDED, "s-jane");
    static final RecentCaller LONDON = Fakes.caller("+442079460958", null, NOW.minusSeconds(200), CallState.ENDED, "s-uk");

    private static RecentCaller ringingAt(String e164, long secondsAgo, String session, Extension desk) {
        return new RecentCaller(new Caller(PhoneNumber.of(e164), null), NOW.minusSeconds(secondsAgo), CallState.RINGING, 1,
                session, null, Set.of(desk));
    }

    private static RecentCallersResult ok(RecentCaller... callers) {
        return new RecentCallersResult(List.of(callers), Fakes.WINDOW, NOW, new FeedStatus.Ok(), 0);
    }

    private void openAs(Fakes.User who) {
        user = who;
        startVaadin();
        UI.getCurrent().navigate(IntakeView.class);
    }

    private void openAtOliviasDesk() {
        openAs(Fakes.User.operator().at(ExtensionLink.to(OLIVIAS_DESK)));
    }

    private TextField phone() {
        return _get(TextField.class, spec -> spec.withId("phone"));
    }

    @SuppressWarnings("unchecked")
    private ComboBox<RecentCaller> combo() {
        return _get(ComboBox.class, spec -> spec.withId("recent-callers"));
    }

    private List<String> labels() {
        return ComboBoxKt.getSuggestions(combo());
    }

    private void populate() {
        _click(_get(Button.class, spec -> spec.withText("Populate phone number")));
    }

    private void save() {
        _click(_get(Button.class, spec -> spec.withText("Save")));
    }

    // --- your call first ---

    @Test
    void yourCallIsListedFirstAndMarked() throws InterruptedException {
        openAtOliviasDesk();
        recent.push(ok(BOB, MINE, JANE));
        MockVaadin.runUIQueue();
        assertThat(labels()).containsExactly(
                "(602) 555-1111 — 1 min ago · ringing · your call",
                "(602) 555-9876 — just now · ringing",
                "(602) 555-1234 — 2 min ago · Jane Doe");
    }

    @Test
    void populateFillsYourRingingCallAtOnceWhileThreeOthersExist() {
        openAtOliviasDesk();
        recent.next = ok(BOB, JANE, LONDON, MINE);
        populate();
        assertThat(phone().getValue()).isEqualTo("(602) 555-1111");
        assertThat(combo().isOpened()).isFalse();
        NotificationsKt.expectNotifications("Phone filled with your call: (602) 555-1111");
    }

    @Test
    void populateFillsTheCallYouAreOnAtOnce() {
        openAtOliviasDesk();
        RecentCaller onTheLineWithOlivia = new RecentCaller(JANE.caller(), NOW.minusSeconds(90), CallState.CONNECTED, 1,
                "s-jane", OLIVIAS_DESK);
        recent.next = ok(BOB, onTheLineWithOlivia, LONDON);
        populate();
        assertThat(phone().getValue()).isEqualTo("(602) 555-1234");
        assertThat(combo().isOpened()).isFalse();
    }

    @Test
    void populateWithNoCallAtYourDeskOpensTheListAsBefore() {
        openAtOliviasDesk();
        recent.next = ok(BOB, JANE);
        populate();
        assertThat(phone().getValue()).isEmpty();
        assertThat(combo().isOpened()).isTrue();
        assertThat(labels()).noneMatch(label -> label.contains("your call"));
    }

    @Test
    void aCallRingingAtYourDeskIsNotYoursForSomeoneWithoutADesk() {
        openAs(Fakes.User.operator());
        recent.next = ok(BOB, MINE);
        populate();
        assertThat(phone().getValue()).isEmpty();
        assertThat(combo().isOpened()).isTrue();
        assertThat(labels()).containsExactly("(602) 555-9876 — just now · ringing", "(602) 555-1111 — 1 min ago · ringing");
    }

    @Test
    void aNewCallAtYourDeskIsAnnouncedAsYours() throws InterruptedException {
        openAtOliviasDesk();
        recent.push(ok(JANE));
        MockVaadin.runUIQueue();
        recent.push(ok(MINE, JANE));
        MockVaadin.runUIQueue();
        assertThat(_get(Div.class, spec -> spec.withId("call-announcer")).getText()).isEqualTo("Your call: (602) 555-1111 ringing");
    }

    // --- claims ---

    @Test
    void aClaimByMariaShowsAtASecondOperatorsView() throws InterruptedException {
        openAs(Fakes.User.operator());
        recent.push(ok(JANE, LONDON));
        MockVaadin.runUIQueue();
        claims.claimedBy(Fakes.User.maria(), "+16025551234");
        MockVaadin.runUIQueue();
        assertThat(labels()).containsExactly(
                "(602) 555-1234 — 2 min ago · Jane Doe · Maria Lopez is on it",
                "+44 20 7946 0958 — 3 min ago");
    }

    @Test
    void mariaDoesNotSeeHerOwnClaim() throws InterruptedException {
        Fakes.User maria = Fakes.User.maria();
        openAs(maria);
        recent.push(ok(JANE));
        MockVaadin.runUIQueue();
        claims.claimedBy(maria, "+16025551234");
        MockVaadin.runUIQueue();
        assertThat(labels()).containsExactly("(602) 555-1234 — 2 min ago · Jane Doe");
    }

    @Test
    void aClaimMadeBeforeTheViewOpenedShowsAtOnce() throws InterruptedException {
        claims.claim(PhoneNumber.of("+16025551234"), Fakes.User.maria().actor());
        openAs(Fakes.User.operator());
        recent.push(ok(JANE));
        MockVaadin.runUIQueue();
        assertThat(labels()).containsExactly("(602) 555-1234 — 2 min ago · Jane Doe · Maria Lopez is on it");
    }

    @Test
    void theMarkGoesWhenTheClaimRunsOut() throws InterruptedException {
        openAs(Fakes.User.operator());
        recent.push(ok(JANE));
        MockVaadin.runUIQueue();
        claims.claimedBy(Fakes.User.maria(), "+16025551234");
        MockVaadin.runUIQueue();
        clock.advance(Claim.LASTS);
        _get(IntakeView.class).tick();
        assertThat(labels()).containsExactly("(602) 555-1234 — 12 min ago · Jane Doe");
    }

    @Test
    void populatingFromTheOnlyCallerClaimsThem() {
        openAs(Fakes.User.operator());
        recent.next = ok(JANE);
        populate();
        assertThat(claims.made).singleElement().satisfies(claim -> {
            assertThat(claim.phone()).isEqualTo(PhoneNumber.of("+16025551234"));
            assertThat(claim.displayName()).isEqualTo("Olivia Park");
            assertThat(claim.userId()).isEqualTo(user.id());
        });
    }

    @Test
    void pickingFromTheListClaimsTheCaller() {
        openAs(Fakes.User.operator());
        recent.next = ok(JANE, LONDON);
        populate();
        assertThat(claims.made).isEmpty();
        ComboBoxKt.selectByLabel(combo(), "+44 20 7946 0958 — 3 min ago");
        assertThat(claims.made).extracting(Claim::phone).containsExactly(PhoneNumber.of("+442079460958"));
    }

    @Test
    void typingANumberClaimsNobody() {
        openAs(Fakes.User.operator());
        _setValue(phone(), "(602) 555-1234");
        save();
        assertThat(intakes.saved).hasSize(1);
        assertThat(claims.made).isEmpty();
    }

    @Test
    void leavingTheViewStopsWatchingClaims() {
        openAs(Fakes.User.operator());
        assertThat(claims.listeners).hasSize(1);
        UI.getCurrent().navigate(LoginView.class);
        assertThat(claims.listeners).isEmpty();
        assertThat(claims.closed).isEqualTo(1);
    }

    // --- the duplicate-save question ---

    private void mariaSavedJaneMinutesAgo(int minutes) {
        intakes.save("Jane Doe", PhoneNumber.of("+16025551234"), "called about billing", null, Fakes.User.maria().actor(), false);
        clock.advance(Duration.ofMinutes(minutes));
    }

    private ConfirmDialog question() {
        return _get(ConfirmDialog.class);
    }

    @Test
    void savingForACallerMariaSavedMomentsAgoAsksFirstAndSaveAnywaySaves() {
        mariaSavedJaneMinutesAgo(3);
        openAs(Fakes.User.operator());
        _setValue(phone(), "(602) 555-1234");
        _setValue(_get(TextField.class, spec -> spec.withId("name")), "Jane Doe");
        save();
        assertThat(ConfirmDialogKt._getText(question()))
                .isEqualTo("Maria Lopez saved an intake for this caller 3 min ago — save anyway?");
        assertThat(intakes.saved).hasSize(1);

        ConfirmDialogKt._fireConfirm(question());
        assertThat(intakes.saved).hasSize(2);
        assertThat(intakes.saved.get(0).operator()).isEqualTo("Olivia Park");
        assertThat(intakes.saved.get(0).operatorId()).isEqualTo(user.id());
        assertThat(phone().getValue()).isEmpty();
        @SuppressWarnings("unchecked")
        Grid<Intake> today = _get(Grid.class, spec -> spec.withId("todays-intakes"));
        GridKt.expectRows(today, 2);
        assertThat(GridKt._getFormattedRow(today, 0)).contains("Olivia Park");
        assertThat(GridKt._getFormattedRow(today, 1)).contains("Maria Lopez");
    }

    @Test
    void cancelDoesNotSaveAndKeepsTheForm() {
        mariaSavedJaneMinutesAgo(3);
        openAs(Fakes.User.operator());
        _setValue(phone(), "(602) 555-1234");
        save();
        ConfirmDialogKt._fireCancel(question());
        assertThat(intakes.saved).hasSize(1);
        assertThat(phone().getValue()).isEqualTo("(602) 555-1234");
    }

    @Test
    void noQuestionWhenTheOtherIntakeIsOlderThanTheWindow() {
        mariaSavedJaneMinutesAgo(16);
        openAs(Fakes.User.operator());
        _setValue(phone(), "(602) 555-1234");
        save();
        _assertNone(ConfirmDialog.class);
        assertThat(intakes.saved).hasSize(2);
    }
}
