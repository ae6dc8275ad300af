package io.ringside.ui.view;

import com.github.mvysny.kaributesting.v10.ComboBoxKt;
import com.github.mvysny.kaributesting.v10.DownloadKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import io.ringside.domain.Actor;
import io.ringside.domain.AuditEntry;
import io.ringside.domain.AuditKind;
import io.ringside.domain.AuditOutcome;
import io.ringside.domain.AuditQuery;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

class AuditViewTest extends AdminViewsTestBase {

    static final Actor MARIA = new Actor(UUID.nameUUIDFromBytes("maria".getBytes()), "maria", "Maria Lopez", "203.0.113.7");
    static final Actor ADA = new Actor(UUID.nameUUIDFromBytes("ada".getBytes()), "ada", "Ada Admin", "198.51.100.2");

    @BeforeEach
    void asAdmin() {
        user = Fakes.User.admin();
        startVaadin();
    }

    private static AuditEntry entry(String at, AuditKind kind, Actor actor, String subject, String detail, AuditOutcome outcome) {
        return new AuditEntry(UUID.randomUUID(), Instant.parse(at), kind, actor, subject, detail, outcome);
    }

    private AuditView open() {
        UI.getCurrent().navigate(AuditView.class);
        return _get(AuditView.class);
    }

    @SuppressWarnings("unchecked")
    private Grid<AuditEntry> grid() {
        return _get(Grid.class, spec -> spec.withId("audit"));
    }

    @SuppressWarnings("unchecked")
    private Select<AuditKind> kind() {
        return _get(Select.class, spec -> spec.withId("audit-kind"));
    }

    private DatePicker picker(String id) {
        return _get(DatePicker.class, spec -> spec.withId(id));
    }

    /** What the port was asked when the grid next fetched its first page. */
    private AuditQuery askedFor() {
        GridKt._fetch(grid(), 0, 50);
        return audit.lastQuery();
    }

    @Test
    void entriesShowNewestFirstWithWhoWhatAndWhereInTheConsoleZone() {
        audit.entries.add(entry("2026-11-22T16:00:00Z", AuditKind.USER_ADDED, ADA, "maria", "Maria Lopez · OPERATOR · extension 104",
                AuditOutcome.SUCCEEDED));
        audit.entries.add(entry("2026-11-22T16:59:10Z", AuditKind.LOGIN_FAILED, MARIA, "maria", "wrong password", AuditOutcome.FAILED));
        audit.entries.add(entry("2026-11-22T16:30:00Z", AuditKind.RINGCENTRAL_REFRESH_FAILED, Actor.system(), null,
                "RingCentral could not be reached", AuditOutcome.FAILED));
        open();

        assertThat(GridKt._size(grid())).isEqualTo(3);
        assertThat(GridKt._getFormattedRow(grid(), 0)).containsExactly("2026-11-22 09:59:10", "Maria Lopez (maria)", "Login failed",
                "maria", "wrong password", "203.0.113.7", "Failed");
        assertThat(GridKt._getFormattedRow(grid(), 1)).containsExactly("2026-11-22 09:30:00", "Ringside (ringside)",
                "RingCentral refresh failed", "", "RingCentral could not be reached", "", "Failed");
        assertThat(GridKt._getFormattedRow(grid(), 2)).startsWith("2026-11-22 09:00:00", "Ada Admin (ada)", "User added");
    }

    @Test
    void withoutFiltersEverythingIsAsked() {
        open();
        assertThat(askedFor()).isEqualTo(AuditQuery.ALL);
    }

    @Test
    void theFiltersBecomeTheQueryWithDaysInTheConsoleZone() {
        open();
        _setValue(_get(TextField.class, spec -> spec.withId("audit-user")), " Maria ");
        ComboBoxKt.selectByLabel(kind(), "Login failed");
        _setValue(picker("audit-from"), LocalDate.of(2026, 11, 20));
        _setValue(picker("audit-to"), LocalDate.of(2026, 11, 22));

        // Phoenix is UTC-7 all year: the 20th starts at 07:00 UTC; "to the 22nd" ends where the 23rd starts.
        assertThat(askedFor()).isEqualTo(new AuditQuery("maria", AuditKind.LOGIN_FAILED,
                Instant.parse("2026-11-20T07:00:00Z"), Instant.parse("2026-11-23T07:00:00Z")));
    }

    @Test
    void allKindsAgainWhenTheKindIsCleared() {
        open();
        ComboBoxKt.selectByLabel(kind(), "Password reset");
        assertThat(askedFor().kind()).isEqualTo(AuditKind.PASSWORD_RESET);
        _setValue(kind(), null);
        assertThat(askedFor().kind()).isNull();
        assertThat(kind().getEmptySelectionCaption()).isEqualTo("All");
        assertThat(ComboBoxKt.getSuggestions(kind())).startsWith("Login succeeded", "Login failed").hasSize(AuditKind.values().length);
    }

    @Test
    void oneDayIsFromItsStartToTheNextDaysStart() {
        open();
        _setValue(picker("audit-from"), LocalDate.of(2026, 11, 22));
        _setValue(picker("audit-to"), LocalDate.of(2026, 11, 22));
        AuditQuery query = askedFor();
        assertThat(Duration.between(query.from(), query.to())).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void aRangeThatEndsBeforeItStartsIsRefusedOnTheFieldAndTheLastGoodFiltersStay() {
        open();
        _setValue(picker("audit-from"), LocalDate.of(2026, 11, 22));
        _setValue(picker("audit-to"), LocalDate.of(2026, 11, 20));

        assertThat(picker("audit-to").isInvalid()).isTrue();
        assertThat(picker("audit-to").getErrorMessage()).isEqualTo("The end of the range comes before its start");
        assertThat(askedFor()).isEqualTo(new AuditQuery(null, null, Instant.parse("2026-11-22T07:00:00Z"), null));
    }

    @Test
    void pagingAsksThePortForOnePageAtATime() {
        for (int i = 0; i < 120; i++) {
            audit.entries.add(entry(NOW.minusSeconds(i).toString(), AuditKind.LOGIN_SUCCEEDED, MARIA, "maria", "#" + i,
                    AuditOutcome.SUCCEEDED));
        }
        open();
        assertThat(GridKt._size(grid())).isEqualTo(120);

        List<AuditEntry> secondPage = GridKt._fetch(grid(), 50, 50);
        assertThat(audit.pages).contains("50+50");
        assertThat(secondPage).hasSize(50);
        assertThat(secondPage.getFirst().detail()).isEqualTo("#50");
    }

    @Test
    void exportWritesTheFilteredEntriesAsUtf8Csv() {
        audit.entries.add(entry("2026-11-22T16:59:10Z", AuditKind.LOGIN_FAILED, MARIA, "maria", "wrong password", AuditOutcome.FAILED));
        audit.entries.add(entry("2026-11-22T16:40:00Z", AuditKind.USER_CHANGED, ADA, "josé",
                "display name Jose → José, role OPERATOR → ADMIN", AuditOutcome.SUCCEEDED));
        audit.entries.add(entry("2026-11-22T16:00:00Z", AuditKind.USER_ADDED, ADA, "maria", "Maria Lopez · OPERATOR",
                AuditOutcome.SUCCEEDED));
        open();
        _setValue(_get(TextField.class, spec -> spec.withId("audit-user")), "ada");

        byte[] csv = DownloadKt.download(_get(Anchor.class, spec -> spec.withId("audit-export")));

        assertThat(new String(csv, StandardCharsets.UTF_8)).isEqualTo(
                "When,Username,Display name,What,Subject,Detail,From,Outcome\r\n"
                        + "2026-11-22T09:40:00-07:00,ada,Ada Admin,User changed,josé,\"display name Jose → José, role OPERATOR → ADMIN\",198.51.100.2,Succeeded\r\n"
                        + "2026-11-22T09:00:00-07:00,ada,Ada Admin,User added,maria,Maria Lopez · OPERATOR,198.51.100.2,Succeeded\r\n");
        assertThat(audit.lastQuery()).isEqualTo(new AuditQuery("ada", null, null, null));
    }

    @Test
    void theExportIsNamedForTodayInTheConsoleZone() {
        clock.advance(Duration.ofHours(10)); // 03:00 UTC on the 23rd is still the 22nd in Phoenix
        AuditView view = open();
        assertThat(view.exportFileName()).isEqualTo("ringside-audit-2026-11-22.csv");
        assertThat(_get(Anchor.class, spec -> spec.withId("audit-export")).getText()).isEqualTo("Export CSV");
    }
}
