package io.ringside.ui.view;

import com.github.mvysny.kaributesting.v10.ComboBoxKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextField;
import io.ringside.application.port.in.FeedStatus;
import io.ringside.application.port.in.RecentCallersResult;
import io.ringside.domain.CallState;
import io.ringside.domain.PhoneNumber;
import io.ringside.domain.RecentCaller;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

/** A returning caller is recognised: "Known: …" under Phone, the last name offered for Name, names in the list. */
class IntakeViewRecognitionTest extends KaribuTestBase {

    static final String BOBS = "+16025559876";
    static final RecentCaller BOB = Fakes.caller(BOBS, null, NOW.minusSeconds(20), CallState.RINGING, "s-bob");
    static final RecentCaller JANE = Fakes.caller("+16025551234", "Jane Doe", NOW.minusSeconds(150), CallState.ENDED, "s-jane");
    static final RecentCaller LONDON = Fakes.caller("+442079460958", null, NOW.minusSeconds(65), CallState.ENDED, "s-uk");
    /** 18:00 UTC on 12 Nov is 11:00 that day in Phoenix. */
    static final Instant TWELFTH_OF_NOVEMBER = Instant.parse("2026-11-12T18:00:00Z");

    @BeforeEach
    void open() {
        knownCallers.knows(BOBS, "Bob Stone", 3, TWELFTH_OF_NOVEMBER);
        startVaadin();
        Focus.start();
        UI.getCurrent().navigate(IntakeView.class);
    }

    @AfterEach
    void stopWatchingFocus() {
        Focus.stop();
    }

    private static RecentCallersResult ok(RecentCaller... callers) {
        return new RecentCallersResult(List.of(callers), Fakes.WINDOW, NOW, new FeedStatus.Ok(), 0);
    }

    private TextField name() {
        return _get(TextField.class, spec -> spec.withId("name"));
    }

    private TextField phone() {
        return _get(TextField.class, spec -> spec.withId("phone"));
    }

    @SuppressWarnings("unchecked")
    private ComboBox<RecentCaller> combo() {
        return _get(ComboBox.class, spec -> spec.withId("recent-callers"));
    }

    /** The "Known: …" line, or "" when none is shown. */
    private String known() {
        return _find(Div.class, spec -> spec.withId("caller-known")).stream().map(Div::getText).findFirst().orElse("");
    }

    private String announced() {
        return _get(Div.class, spec -> spec.withId("call-announcer")).getText();
    }

    private void populate() {
        _click(_get(Button.class, spec -> spec.withId("populate")));
    }

    @Test
    void pickingAKnownCallerSaysWhatEarlierIntakesKnowAndOffersTheName() {
        recent.next = ok(BOB, JANE);
        populate();
        Focus.take();
        ComboBoxKt.selectByLabel(combo(), "(602) 555-9876 — just now · Bob Stone · ringing");
        assertThat(phone().getValue()).isEqualTo("(602) 555-9876");
        assertThat(known()).isEqualTo("Known: Bob Stone · 3 intakes, last on 12 Nov");
        assertThat(_get(Div.class, spec -> spec.withId("caller-known")).getElement().getAttribute("role")).isEqualTo("status");
        assertThat(name().getValue()).isEqualTo("Bob Stone");
        // One key: Enter or Tab keeps the selected name, typing replaces it.
        assertThat(Focus.focusedWithAllSelected("name")).isTrue();
        assertThat(announced()).isEqualTo("Phone set to (602) 555-9876 (Bob Stone). Name filled with Bob Stone from earlier intakes.");
    }

    @Test
    void typingAKnownNumberRecognisesItOnceItReads() {
        _setValue(phone(), "602 555");
        assertThat(known()).isEmpty();
        _setValue(phone(), "602-555-9876");
        assertThat(known()).isEqualTo("Known: Bob Stone · 3 intakes, last on 12 Nov");
        assertThat(name().getValue()).isEqualTo("Bob Stone");
        assertThat(announced()).isEqualTo("Name filled with Bob Stone from earlier intakes.");
        // The operator is on their way somewhere with Tab: the keyboard stays theirs.
        assertThat(Focus.focusedId()).isNull();
    }

    @Test
    void aTypedNameIsNeverReplacedAndTheKeyboardGoesOnToNotes() {
        _setValue(name(), "Robert Stone");
        recent.next = ok(BOB);
        populate();
        assertThat(name().getValue()).isEqualTo("Robert Stone");
        assertThat(known()).isEqualTo("Known: Bob Stone · 3 intakes, last on 12 Nov");
        assertThat(Focus.focusedId()).isEqualTo("notes");
        assertThat(announced()).isEqualTo("Phone set to (602) 555-9876 (Bob Stone)");
    }

    @Test
    void aStrangerIsNotKnownAndTheKeyboardGoesToName() {
        recent.next = ok(LONDON);
        populate();
        assertThat(phone().getValue()).isEqualTo("+44 20 7946 0958");
        assertThat(known()).isEmpty();
        assertThat(name().getValue()).isEmpty();
        assertThat(Focus.focusedId()).isEqualTo("name");
    }

    @Test
    void aNumberKnownWithoutANameSaysHowOftenAndOffersNothing() {
        knownCallers.knows("+442079460958", null, 2, NOW.minusSeconds(24 * 3600));
        recent.next = ok(LONDON);
        populate();
        assertThat(known()).isEqualTo("Known: 2 intakes, last yesterday");
        assertThat(name().getValue()).isEmpty();
    }

    @Test
    void changingTheNumberTakesTheKnownLineAway() {
        _setValue(phone(), "602-555-9876");
        assertThat(known()).isNotEmpty();
        _setValue(phone(), "602-555-01");
        assertThat(known()).isEmpty();
    }

    @Test
    void theListShowsTheKnownNameWhenRingCentralGaveNone() throws InterruptedException {
        knownCallers.knows("+16025551234", "Janet Doe", 1, TWELFTH_OF_NOVEMBER);
        recent.push(ok(BOB, LONDON, JANE));
        MockVaadin.runUIQueue();
        assertThat(ComboBoxKt.getSuggestions(combo())).containsExactly(
                "(602) 555-9876 — just now · Bob Stone · ringing",
                "+44 20 7946 0958 — 1 min ago",
                "(602) 555-1234 — 2 min ago · Jane Doe");
        assertThat(announced()).isEqualTo("Incoming call: (602) 555-9876 (Bob Stone)");
    }

    @Test
    void eachNumberIsLookedUpOnceOffThePagesLock() throws InterruptedException {
        recent.push(ok(BOB, LONDON));
        MockVaadin.runUIQueue();
        recent.push(ok(BOB, LONDON, JANE));
        MockVaadin.runUIQueue();
        recent.next = ok(BOB, LONDON, JANE);
        populate();
        assertThat(knownCallers.askedAbout(BOBS)).isEqualTo(1);
        assertThat(knownCallers.askedAbout("+442079460958")).isEqualTo(1);
        // RingCentral named Jane: nothing to look up for the list.
        assertThat(knownCallers.askedAbout("+16025551234")).isZero();
        assertThat(knownCallers.askedOnThreads).containsOnly("fake-feed");
    }

    @Test
    void aFillAsksAgainSoAColleaguesSaveSinceTheListCameCounts() throws InterruptedException {
        recent.push(ok(LONDON));
        MockVaadin.runUIQueue();
        knownCallers.knows("+442079460958", "Priya Shah", 1, NOW.minusSeconds(60));
        recent.next = ok(LONDON);
        populate();
        assertThat(known()).isEqualTo("Known: Priya Shah · 1 intake, today");
        assertThat(name().getValue()).isEqualTo("Priya Shah");
    }

    @Test
    void whenRecognitionFailsTheFormWorksOn() throws InterruptedException {
        knownCallers.failing = true;
        recent.push(ok(BOB));
        MockVaadin.runUIQueue();
        assertThat(ComboBoxKt.getSuggestions(combo())).containsExactly("(602) 555-9876 — just now · ringing");
        recent.next = ok(BOB);
        populate();
        assertThat(phone().getValue()).isEqualTo("(602) 555-9876");
        assertThat(known()).isEmpty();
        _click(_get(Button.class, spec -> spec.withId("save")));
        assertThat(intakes.saved).singleElement().satisfies(intake -> assertThat(intake.phone()).isEqualTo(PhoneNumber.of(BOBS)));
    }

    @Test
    void savingEndsTheKnownLine() {
        recent.next = ok(BOB);
        populate();
        _click(_get(Button.class, spec -> spec.withId("save")));
        assertThat(intakes.saved).singleElement().satisfies(intake -> assertThat(intake.callerName()).isEqualTo("Bob Stone"));
        assertThat(known()).isEmpty();
        assertThat(name().getValue()).isEmpty();
    }
}
