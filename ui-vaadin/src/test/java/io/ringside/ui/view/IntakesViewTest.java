package io.ringside.ui.view;

import com.github.mvysny.kaributesting.v10.ComboBoxKt;
import com.github.mvysny.kaributesting.v10.DownloadKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.ringside.application.port.in.Colleague;
import io.ringside.application.port.in.IntakeCorrectionRefusedException;
import io.ringside.domain.Actor;
import io.ringside.domain.Intake;
import io.ringside.domain.IntakeEdit;
import io.ringside.domain.IntakeQuery;
import io.ringside.domain.PhoneNumber;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

/** The Intakes page (NOW is 10:00 on 22 Nov in Phoenix, the console's zone). */
class IntakesViewTest extends IntakesViewTestBase {

    static final Fakes.User OLIVIA = Fakes.User.operator();
    static final Fakes.User MARIA = Fakes.User.maria();

    @BeforeEach
    void asOperator() {
        user = Fakes.User.operator();
    }

    private static Intake intake(String savedAt, String name, String e164, String notes, Fakes.User by) {
        return new Intake(UUID.randomUUID(), name, PhoneNumber.of(e164), notes, null, by.id, by.displayName,
                Instant.parse(savedAt), 1);
    }

    private IntakesView open() {
        startVaadin();
        UI.getCurrent().navigate(IntakesView.class);
        return _get(IntakesView.class);
    }

    @SuppressWarnings("unchecked")
    private Grid<Intake> grid() {
        return _get(Grid.class, spec -> spec.withId("intakes"));
    }

    private TextField field(String id) {
        return _get(TextField.class, spec -> spec.withId(id));
    }

    private DatePicker picker(String id) {
        return _get(DatePicker.class, spec -> spec.withId(id));
    }

    @SuppressWarnings("unchecked")
    private ComboBox<Colleague> savedBy() {
        return _get(ComboBox.class, spec -> spec.withId("intakes-saved-by"));
    }

    /** What the port was asked when the grid next fetched its first page. */
    private IntakeQuery askedFor() {
        GridKt._fetch(grid(), 0, 50);
        return search.lastQuery();
    }

    private Button correctButtonOnRow(int row) {
        return GridKt._getCellComponent(grid(), row, "correct") instanceof Button button ? button : null;
    }

    /** Counts the times the grid is told its rows changed (in a browser, that is what makes it fetch again). */
    private AtomicInteger refreshesOfTheGrid() {
        AtomicInteger refreshes = new AtomicInteger();
        grid().getDataProvider().addDataProviderListener(e -> refreshes.incrementAndGet());
        return refreshes;
    }

    private Dialog dialog() {
        return _get(Dialog.class, spec -> spec.withId("intake-correction"));
    }

    @Test
    void intakesShowNewestFirstWithTimesInTheConsoleZoneAndNumbersAsPeopleReadThem() {
        search.intakes.add(intake("2026-11-20T16:00:00Z", "Jane Doe", "+16025551234", "wants a callback", MARIA));
        search.intakes.add(intake("2026-11-22T16:05:00Z", null, "+442079460958", null, OLIVIA));
        open();

        assertThat(GridKt._size(grid())).isEqualTo(2);
        assertThat(GridKt._getFormattedRow(grid(), 0)).startsWith("2026-11-22 09:05", "", "+44 20 7946 0958", "", "Olivia Park");
        assertThat(GridKt._getFormattedRow(grid(), 1)).startsWith("2026-11-20 09:00", "Jane Doe", "(602) 555-1234", "wants a callback",
                "Maria Lopez");
        assertThat(UI.getCurrent().getInternals().getTitle()).isEqualTo("Intakes · Ringside");
    }

    @Test
    void longNotesAreCutInTheCellAndWholeInItsTooltip() {
        String notes = "Called about the invoice from October, says it was paid twice;\nwants a refund by Friday";
        Intake longOne = intake("2026-11-22T16:05:00Z", "Jane Doe", "+16025551234", notes, MARIA);
        search.intakes.add(longOne);
        open();

        String cell = GridKt._getFormatted(grid(), 0, "notes");
        assertThat(cell).startsWith("Called about the invoice").endsWith("…").doesNotContain("\n");
        assertThat(cell.length()).isLessThanOrEqualTo(IntakesView.NOTES_SHOWN);
        assertThat(grid().getColumnByKey("notes").getTooltipGenerator().apply(longOne)).isEqualTo(notes);
    }

    @Test
    void withoutFiltersEverythingIsAsked() {
        open();
        assertThat(askedFor()).isEqualTo(IntakeQuery.ALL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"602-555-1234", "+16025551234", "(602) 555 1234", "6025551234", " 1 602 555 1234 "})
    void aNumberTypedInAnyFormatSearchesForTheSameNumber(String typed) {
        open();
        _setValue(field("intakes-phone"), typed);
        assertThat(askedFor()).isEqualTo(new IntakeQuery(PhoneNumber.of("+16025551234"), null, null, null, null));
        assertThat(field("intakes-phone").isInvalid()).isFalse();
    }

    @Test
    void aNumberSearchFindsTheIntakesOfThatNumberOnly() {
        search.intakes.add(intake("2026-11-22T16:00:00Z", "Jane Doe", "+16025551234", null, MARIA));
        search.intakes.add(intake("2026-11-22T16:01:00Z", "John Roe", "+16025550147", null, MARIA));
        open();
        _setValue(field("intakes-phone"), "(602) 555-1234");
        assertThat(GridKt._size(grid())).isEqualTo(1);
        assertThat(GridKt._getFormatted(grid(), 0, "name")).isEqualTo("Jane Doe");
    }

    @Test
    void aPartOfANumberIsRefusedOnTheFieldAndTheLastGoodNumberStays() {
        open();
        _setValue(field("intakes-phone"), "602-555-1234");
        _setValue(field("intakes-phone"), "602-555");

        assertThat(field("intakes-phone").isInvalid()).isTrue();
        assertThat(field("intakes-phone").getErrorMessage()).isEqualTo("Type a whole number, e.g. (602) 555-1234");
        assertThat(askedFor().phone()).isEqualTo(PhoneNumber.of("+16025551234"));

        // The other filters still apply meanwhile; clearing the number clears its error.
        _setValue(field("intakes-name"), "jane");
        assertThat(askedFor()).isEqualTo(new IntakeQuery(PhoneNumber.of("+16025551234"), "jane", null, null, null));
        _setValue(field("intakes-phone"), "");
        assertThat(field("intakes-phone").isInvalid()).isFalse();
        assertThat(askedFor()).isEqualTo(new IntakeQuery(null, "jane", null, null, null));
    }

    @Test
    void aNewFilterRefreshesTheGridAndAnUnreadableOneDoesNot() {
        open();
        var refreshes = refreshesOfTheGrid();
        _setValue(field("intakes-name"), "jane");
        assertThat(refreshes).hasValue(1);
        _setValue(field("intakes-phone"), "602-555");
        assertThat(refreshes).hasValue(1);
        _setValue(field("intakes-phone"), "602-555-1234");
        assertThat(refreshes).hasValue(2);
    }

    @Test
    void textFiltersWaitUntilThePersonPausesTyping() {
        open();
        assertThat(field("intakes-phone").getValueChangeMode()).isEqualTo(ValueChangeMode.LAZY);
        assertThat(field("intakes-name").getValueChangeMode()).isEqualTo(ValueChangeMode.LAZY);
    }

    @Test
    void aNameFilterFindsAPartOfTheNameInAnyCase() {
        search.intakes.add(intake("2026-11-22T16:00:00Z", "Jane Doe", "+16025551234", null, MARIA));
        search.intakes.add(intake("2026-11-22T16:01:00Z", "John Roe", "+16025550147", null, MARIA));
        open();
        _setValue(field("intakes-name"), " DOE ");

        assertThat(askedFor()).isEqualTo(new IntakeQuery(null, "doe", null, null, null));
        assertThat(GridKt._size(grid())).isEqualTo(1);
        assertThat(GridKt._getFormatted(grid(), 0, "name")).isEqualTo("Jane Doe");
    }

    @Test
    void savedByOffersTheColleaguesAndFiltersByTheOnePicked() {
        Colleague maria = new Colleague(MARIA.id, "Maria Lopez");
        search.colleagues.addAll(List.of(maria, new Colleague(OLIVIA.id, "Olivia Park")));
        search.intakes.add(intake("2026-11-22T16:00:00Z", "Jane Doe", "+16025551234", null, MARIA));
        search.intakes.add(intake("2026-11-22T16:01:00Z", "John Roe", "+16025550147", null, OLIVIA));
        open();

        assertThat(ComboBoxKt.getSuggestions(savedBy())).containsExactly("Maria Lopez", "Olivia Park");
        _setValue(savedBy(), maria);
        assertThat(askedFor()).isEqualTo(new IntakeQuery(null, null, MARIA.id, null, null));
        assertThat(GridKt._getFormatted(grid(), 0, "saved-by")).isEqualTo("Maria Lopez");
        assertThat(GridKt._size(grid())).isEqualTo(1);
    }

    @Test
    void theDaysAreWholeDaysInTheConsoleZone() {
        open();
        _setValue(picker("intakes-from"), LocalDate.of(2026, 11, 20));
        _setValue(picker("intakes-to"), LocalDate.of(2026, 11, 22));
        // Phoenix is UTC-7: the 20th starts at 07:00 UTC; the range ends where the 23rd starts.
        assertThat(askedFor()).isEqualTo(new IntakeQuery(null, null, null, Instant.parse("2026-11-20T07:00:00Z"),
                Instant.parse("2026-11-23T07:00:00Z")));
    }

    @Test
    void anIntakeLateOnTheLastDayIsInTheRange() {
        search.intakes.add(intake("2026-11-23T06:59:00Z", "Late", "+16025551234", null, MARIA)); // 23:59 on the 22nd in Phoenix
        search.intakes.add(intake("2026-11-23T07:00:00Z", "Next day", "+16025551234", null, MARIA));
        open();
        _setValue(picker("intakes-to"), LocalDate.of(2026, 11, 22));
        assertThat(GridKt._size(grid())).isEqualTo(1);
        assertThat(GridKt._getFormatted(grid(), 0, "name")).isEqualTo("Late");
    }

    @Test
    void aRangeThatEndsBeforeItStartsIsRefusedOnTheFieldAndTheLastGoodRangeStays() {
        open();
        _setValue(picker("intakes-from"), LocalDate.of(2026, 11, 22));
        _setValue(picker("intakes-to"), LocalDate.of(2026, 11, 20));

        assertThat(picker("intakes-to").isInvalid()).isTrue();
        assertThat(picker("intakes-to").getErrorMessage()).isEqualTo("The end of the range comes before its start");
        assertThat(askedFor()).isEqualTo(new IntakeQuery(null, null, null, Instant.parse("2026-11-22T07:00:00Z"), null));
    }

    @Test
    void pagingAsksThePortForOnePageAtATime() {
        for (int i = 0; i < 120; i++) {
            search.intakes.add(intake(NOW.minusSeconds(i).toString(), "Caller " + i, "+16025551234", null, MARIA));
        }
        open();
        assertThat(GridKt._size(grid())).isEqualTo(120);

        List<Intake> secondPage = GridKt._fetch(grid(), 50, 50);
        assertThat(search.pages).contains("50+50");
        assertThat(secondPage).hasSize(50);
        assertThat(secondPage.getFirst().callerName()).isEqualTo("Caller 50");
    }

    @Test
    void exportWritesTheFilteredIntakesAsUtf8CsvWithFormulasNeutralised() {
        search.intakes.add(intake("2026-11-22T16:59:10Z", "=HYPERLINK(\"http://evil.example\",\"x\")", "+16025551234",
                "-1 owes us, call back", MARIA));
        search.intakes.add(intake("2026-11-22T16:40:00Z", "José Núñez", "+16025551234", "@desk: \"urgent\"", OLIVIA));
        search.intakes.add(intake("2026-11-22T16:00:00Z", "Someone else", "+16025550147", null, MARIA));
        open();
        _setValue(field("intakes-phone"), "602 555 1234");

        byte[] csv = DownloadKt.download(_get(Anchor.class, spec -> spec.withId("intakes-export")));

        assertThat(new String(csv, StandardCharsets.UTF_8)).isEqualTo(
                "Saved,Name,Phone,Notes,Saved by\r\n"
                        + "2026-11-22T09:59:10-07:00,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",'+16025551234,\"'-1 owes us, call back\",Maria Lopez\r\n"
                        + "2026-11-22T09:40:00-07:00,José Núñez,'+16025551234,\"'@desk: \"\"urgent\"\"\",Olivia Park\r\n");
        assertThat(search.lastQuery()).isEqualTo(new IntakeQuery(PhoneNumber.of("+16025551234"), null, null, null, null));
    }

    @Test
    void theExportIsNamedForTodayInTheConsoleZone() {
        clock.advance(Duration.ofHours(10)); // 03:00 UTC on the 23rd is still the 22nd in Phoenix
        IntakesView view = open();
        assertThat(view.exportFileName()).isEqualTo("ringside-intakes-2026-11-22.csv");
        assertThat(_get(Anchor.class, spec -> spec.withId("intakes-export")).getText()).isEqualTo("Export CSV");
    }

    @Test
    void anOperatorMayCorrectTheirOwnIntakesOfTodayOnly() {
        search.intakes.add(intake("2026-11-22T16:00:00Z", "Mine today", "+16025551234", null, OLIVIA));
        search.intakes.add(intake("2026-11-22T15:00:00Z", "Maria's today", "+16025551234", null, MARIA));
        search.intakes.add(intake("2026-11-21T16:00:00Z", "Mine yesterday", "+16025551234", null, OLIVIA));
        open();

        assertThat(correctButtonOnRow(0)).isNotNull();
        assertThat(correctButtonOnRow(0).getText()).isEqualTo("Correct");
        assertThat(correctButtonOnRow(1)).isNull();
        assertThat(correctButtonOnRow(2)).isNull();
    }

    @Test
    void anAdminMayCorrectAnyIntake() {
        user = Fakes.User.admin();
        search.intakes.add(intake("2026-11-22T15:00:00Z", "Maria's today", "+16025551234", null, MARIA));
        search.intakes.add(intake("2026-10-01T16:00:00Z", "Long ago", "+16025551234", null, OLIVIA));
        open();

        assertThat(correctButtonOnRow(0)).isNotNull();
        assertThat(correctButtonOnRow(1)).isNotNull();
    }

    @Test
    void aCorrectionIsSavedWithTheShownVersionByTheUserAndTheRowShowsIt() {
        Intake mine = intake("2026-11-22T16:00:00Z", "Jane", "+16025551234", "call back", OLIVIA);
        search.intakes.add(mine);
        open();
        var refreshes = refreshesOfTheGrid();
        _click(correctButtonOnRow(0));

        assertThat(field("correct-name").getValue()).isEqualTo("Jane");
        assertThat(field("correct-phone").getValue()).isEqualTo("(602) 555-1234");
        assertThat(_get(TextArea.class, spec -> spec.withId("correct-notes")).getValue()).isEqualTo("call back");
        _setValue(field("correct-name"), "Jane Doe");
        _setValue(field("correct-phone"), "602-555-0147");
        _click(_get(Button.class, spec -> spec.withId("correct-save")));

        assertThat(corrections.calls).containsExactly("correct v1 | Jane Doe | +16025550147 | call back");
        assertThat(corrections.actors).containsExactly(new Actor(OLIVIA.id, "olivia", "Olivia Park", Fakes.User.ADDRESS));
        _assertNone(Dialog.class);
        NotificationsKt.expectNotifications("Intake corrected");
        assertThat(refreshes).hasValue(1);
        assertThat(GridKt._getFormattedRow(grid(), 0)).startsWith("2026-11-22 09:00", "Jane Doe", "(602) 555-0147");
    }

    @Test
    void theDialogListsEarlierCorrections() {
        user = Fakes.User.admin();
        Intake theirs = intake("2026-11-22T16:00:00Z", "Jane", "+16025551234", null, MARIA);
        search.intakes.add(theirs);
        corrections.edits.add(IntakeEdit.of(theirs, theirs.corrected("Jane Doe", theirs.phone(), null),
                MARIA.actor(), Instant.parse("2026-11-22T16:02:00Z")));
        corrections.edits.add(IntakeEdit.of(theirs, theirs.corrected("Jane", theirs.phone(), "vip"),
                MARIA.actor(), Instant.parse("2026-11-20T21:30:00Z")));
        open();
        _click(correctButtonOnRow(0));

        assertThat(_find(dialog(), ListItem.class)).extracting(ListItem::getText).containsExactly(
                "09:02 Maria Lopez: name Jane → Jane Doe",
                "2026-11-20 14:30 Maria Lopez: notes (none) → vip");
    }

    @Test
    void aRefusalIsShownAsAnErrorAndTheDialogStaysOpen() {
        search.intakes.add(intake("2026-11-22T16:00:00Z", "Jane", "+16025551234", null, OLIVIA));
        corrections.refusal = new IntakeCorrectionRefusedException("Someone corrected this intake meanwhile; look again.");
        open();
        _click(correctButtonOnRow(0));
        _setValue(field("correct-name"), "Jane Doe");
        _click(_get(Button.class, spec -> spec.withId("correct-save")));

        NotificationsKt.expectNotifications("Someone corrected this intake meanwhile; look again.");
        assertThat(_find(Notification.class).getFirst().getThemeNames()).contains(NotificationVariant.LUMO_ERROR.getVariantName());
        assertThat(dialog().isOpened()).isTrue();
        assertThat(field("correct-name").getValue()).isEqualTo("Jane Doe");
    }

    @Test
    void aNumberThatIsNotOneIsRefusedOnTheFieldAndNothingIsSaved() {
        search.intakes.add(intake("2026-11-22T16:00:00Z", "Jane", "+16025551234", null, OLIVIA));
        open();
        _click(correctButtonOnRow(0));
        _setValue(field("correct-phone"), "555");
        _click(_get(Button.class, spec -> spec.withId("correct-save")));

        assertThat(field("correct-phone").isInvalid()).isTrue();
        assertThat(field("correct-phone").getErrorMessage()).startsWith("That is not a valid phone number");
        assertThat(corrections.calls).isEmpty();
        assertThat(dialog().isOpened()).isTrue();
    }

    @Test
    void aNameOrNotesLongerThanAnIntakeKeepsAreRefusedOnTheField() {
        search.intakes.add(intake("2026-11-22T16:00:00Z", "Jane", "+16025551234", null, OLIVIA));
        open();
        _click(correctButtonOnRow(0));
        _setValue(field("correct-name"), "J".repeat(Intake.NAME_MAX_LENGTH + 1));
        _setValue(_get(TextArea.class, spec -> spec.withId("correct-notes")), "n".repeat(Intake.NOTES_MAX_LENGTH + 1));
        _click(_get(Button.class, spec -> spec.withId("correct-save")));

        assertThat(field("correct-name").getErrorMessage()).isEqualTo("The name is longer than 200 characters");
        assertThat(_get(TextArea.class, spec -> spec.withId("correct-notes")).getErrorMessage())
                .isEqualTo("The notes are longer than 4000 characters");
        assertThat(corrections.calls).isEmpty();
    }

    @Test
    void savingWithoutAChangeAsksNothing() {
        search.intakes.add(intake("2026-11-22T16:00:00Z", "Jane", "+16025551234", null, OLIVIA));
        open();
        _click(correctButtonOnRow(0));
        _setValue(field("correct-phone"), "+1 602 555 1234");
        _click(_get(Button.class, spec -> spec.withId("correct-save")));

        assertThat(corrections.calls).isEmpty();
        _assertNone(Dialog.class);
        NotificationsKt.expectNotifications("Nothing changed");
    }
}
