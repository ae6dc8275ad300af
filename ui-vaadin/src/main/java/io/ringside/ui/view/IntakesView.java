package io.ringside.ui.view;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;
import io.ringside.application.port.in.Colleague;
import io.ringside.application.port.in.CorrectIntake;
import io.ringside.application.port.in.IntakeCorrectionRefusedException;
import io.ringside.application.port.in.SearchIntakes;
import io.ringside.domain.Actor;
import io.ringside.domain.Intake;
import io.ringside.domain.IntakeQuery;
import io.ringside.domain.PhoneNumber;
import io.ringside.ui.ConsoleSettings;
import io.ringside.ui.CurrentUser;
import io.ringside.ui.IntakeCsv;
import io.ringside.ui.PhoneFormat;
import io.ringside.ui.Roles;
import jakarta.annotation.security.RolesAllowed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * {@code /intakes}: every intake, newest first, paged lazily; found by number (typed in any format),
 * part of the name, who saved it and days (in the console's zone); exported as CSV with the same
 * filters. Whoever may correct an intake (its operator the same day, an admin any time) gets a Correct
 * button on its row.
 */
@Route(value = "intakes", layout = MainLayout.class)
@PageTitle("Intakes · Ringside")
@RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
public class IntakesView extends VerticalLayout {

    static final String NOT_A_NUMBER = "Type a whole number, e.g. (602) 555-1234";
    static final int NOTES_SHOWN = 60;

    private static final Logger log = LoggerFactory.getLogger(IntakesView.class);

    private final SearchIntakes search;
    private final CorrectIntake correct;
    private final CurrentUser user;
    private final ZoneId zone;
    private final Clock clock;
    private final PhoneFormat phoneFormat;
    private final IntakeCsv csv;
    /** Who is looking, read once: whether a row offers Correct must not read the account once per row. */
    private final Actor viewer;

    final TextField phone = new TextField("Phone");
    final TextField name = new TextField("Name");
    final ComboBox<Colleague> savedBy = new ComboBox<>("Saved by");
    final DatePicker from = new DatePicker("From");
    final DatePicker to = new DatePicker("To");
    final Grid<Intake> grid = new Grid<>();
    final Anchor export;

    /** The filters as last applied; read by the grid's callbacks and by the download, which runs outside the UI lock. */
    private volatile IntakeQuery query = IntakeQuery.ALL;

    public IntakesView(SearchIntakes search, CorrectIntake correct, CurrentUser user, ConsoleSettings settings, Clock clock) {
        this.search = search;
        this.correct = correct;
        this.user = user;
        this.zone = settings.zone();
        this.clock = clock;
        this.phoneFormat = new PhoneFormat(settings.defaultRegion());
        this.csv = new IntakeCsv(zone);
        this.viewer = user.actor();
        DateTimeFormatter saved = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);

        phone.setId("intakes-phone");
        phone.setPlaceholder("any format");
        name.setId("intakes-name");
        name.setPlaceholder("part of the name");
        for (TextField field : new TextField[]{phone, name}) {
            field.setClearButtonVisible(true);
            field.setValueChangeMode(ValueChangeMode.LAZY);
            field.addValueChangeListener(e -> applyFilters());
        }
        savedBy.setId("intakes-saved-by");
        savedBy.setItems(search.colleagues());
        savedBy.setItemLabelGenerator(Colleague::displayName);
        savedBy.setPlaceholder("Everyone");
        savedBy.setClearButtonVisible(true);
        savedBy.addValueChangeListener(e -> applyFilters());
        from.setId("intakes-from");
        to.setId("intakes-to");
        for (DatePicker day : new DatePicker[]{from, to}) {
            day.setClearButtonVisible(true);
            day.addValueChangeListener(e -> applyFilters());
        }

        grid.setId("intakes");
        grid.addColumn(intake -> saved.format(intake.savedAt())).setHeader("Saved").setKey("saved").setAutoWidth(true);
        grid.addColumn(intake -> text(intake.callerName())).setHeader("Name").setKey("name").setAutoWidth(true);
        grid.addColumn(intake -> phoneFormat.display(intake.phone())).setHeader("Phone").setKey("phone").setAutoWidth(true);
        grid.addColumn(intake -> shortened(intake.notes())).setHeader("Notes").setKey("notes").setFlexGrow(2)
                .setTooltipGenerator(intake -> text(intake.notes()));
        grid.addColumn(Intake::operator).setHeader("Saved by").setKey("saved-by").setAutoWidth(true);
        grid.addComponentColumn(this::correctButton).setHeader("").setKey("correct").setAutoWidth(true).setFlexGrow(0);
        grid.setItems(page -> search.find(query, page.getOffset(), page.getLimit()).stream(), page -> (int) search.count(query));

        export = new Anchor((DownloadHandler) this::download, "Export CSV");
        export.setId("intakes-export");
        export.getElement().insertChild(0, VaadinIcon.DOWNLOAD.create().getElement());

        HorizontalLayout filters = new HorizontalLayout(phone, name, savedBy, from, to, export);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        add(new H2("Intakes"), filters, new Paragraph("Times are in " + zone.getId() + ". Newest first."), grid);
        setSizeFull();
    }

    /**
     * Reads the filter fields into a query. A field that cannot be read (a number that is not whole, a
     * range that ends before it starts) says so and keeps its last good value; the other filters apply.
     */
    void applyFilters() {
        IntakeQuery last = query;
        PhoneNumber number = last.phone();
        if (phone.getValue().isBlank()) {
            number = null;
            phone.setInvalid(false);
        } else {
            try {
                number = phoneFormat.parse(phone.getValue());
                phone.setInvalid(false);
            } catch (IllegalArgumentException e) {
                phone.setErrorMessage(NOT_A_NUMBER);
                phone.setInvalid(true);
            }
        }
        UUID operator = savedBy.getValue() == null ? null : savedBy.getValue().id();
        Instant start = from.getValue() == null ? null : from.getValue().atStartOfDay(zone).toInstant();
        Instant end = to.getValue() == null ? null : to.getValue().plusDays(1).atStartOfDay(zone).toInstant();
        try {
            query = new IntakeQuery(number, name.getValue(), operator, start, end);
            to.setInvalid(false);
        } catch (IllegalArgumentException e) {
            to.setErrorMessage(e.getMessage());
            to.setInvalid(true);
            query = new IntakeQuery(number, name.getValue(), operator, last.from(), last.to());
        }
        if (!query.equals(last)) {
            grid.getDataProvider().refreshAll();
        }
    }

    IntakeQuery query() {
        return query;
    }

    String exportFileName() {
        return "ringside-intakes-" + LocalDate.ofInstant(clock.instant(), zone) + ".csv";
    }

    private Component correctButton(Intake intake) {
        if (!correct.mayCorrect(intake, viewer)) {
            return new Span();
        }
        Button button = new Button("Correct", e -> openCorrection(intake));
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        button.getElement().setAttribute("aria-label", "Correct the intake of " + phoneFormat.display(intake.phone())
                + (intake.callerName() == null ? "" : " · " + intake.callerName()));
        return button;
    }

    void openCorrection(Intake intake) {
        IntakeCorrectionDialog dialog = new IntakeCorrectionDialog(intake, correct.history(intake.id()), phoneFormat, zone,
                LocalDate.ofInstant(clock.instant(), zone));
        dialog.addSaveListener(e -> save(dialog, e.correction()));
        dialog.open();
    }

    private void save(IntakeCorrectionDialog dialog, IntakeCorrectionDialog.Correction correction) {
        Intake intake = dialog.intake();
        if (correction.sameAs(intake)) {
            dialog.close();
            Notification.show("Nothing changed", 3000, Notification.Position.BOTTOM_START);
            return;
        }
        try {
            correct.correct(intake.id(), intake.version(), correction.getName(), correction.getPhone(), correction.getNotes(),
                    user.actor());
        } catch (IntakeCorrectionRefusedException | IllegalArgumentException e) {
            // The dialog stays open so nothing typed is lost; the row behind it may have changed.
            error(e.getMessage());
            grid.getDataProvider().refreshAll();
            return;
        } catch (RuntimeException e) {
            log.warn("Correcting intake {} failed", intake.id(), e);
            error("Ringside could not save the correction. Try again.");
            return;
        }
        dialog.close();
        grid.getDataProvider().refreshAll();
        Notification.show("Intake corrected", 3000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    private static void error(String message) {
        Notification.show(message, 8000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    private void download(DownloadEvent event) throws IOException {
        IntakeQuery filters = query;
        event.setFileName(exportFileName());
        event.setContentType("text/csv; charset=UTF-8");
        try (Writer out = new BufferedWriter(new OutputStreamWriter(event.getOutputStream(), StandardCharsets.UTF_8))) {
            csv.writeHeader(out);
            search.export(filters, intake -> csv.write(out, intake));
        }
    }

    /** The notes on one line, cut to fit a cell; the whole text is the cell's tooltip. */
    static String shortened(String notes) {
        if (notes == null) {
            return "";
        }
        String line = notes.replaceAll("\\s+", " ");
        if (line.codePointCount(0, line.length()) <= NOTES_SHOWN) {
            return line;
        }
        return line.substring(0, line.offsetByCodePoints(0, NOTES_SHOWN - 1)).stripTrailing() + "…";
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
