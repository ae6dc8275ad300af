package io.ringside.ui.view;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;
import io.ringside.application.port.in.ViewAuditTrail;
import io.ringside.domain.AuditEntry;
import io.ringside.domain.AuditKind;
import io.ringside.domain.AuditQuery;
import io.ringside.ui.AuditCsv;
import io.ringside.ui.AuditWording;
import io.ringside.ui.ConsoleSettings;
import io.ringside.ui.Roles;
import jakarta.annotation.security.RolesAllowed;

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

/**
 * {@code /admin/audit}: the audit trail, newest first, filtered by user, kind and days (in the console's
 * zone), paged lazily, exported as CSV with the same filters.
 */
@Route(value = "admin/audit", layout = MainLayout.class)
@PageTitle("Audit · Ringside")
@RolesAllowed(Roles.ADMIN)
public class AuditView extends VerticalLayout {

    private final ViewAuditTrail trail;
    private final ZoneId zone;
    private final Clock clock;
    private final AuditCsv csv;

    final TextField user = new TextField("User");
    final Select<AuditKind> kind = new Select<>();
    final DatePicker from = new DatePicker("From");
    final DatePicker to = new DatePicker("To");
    final Grid<AuditEntry> grid = new Grid<>();
    final Anchor export;

    /** The filters as last applied; read by the grid's callbacks and by the download, which runs outside the UI lock. */
    private volatile AuditQuery query = AuditQuery.ALL;

    public AuditView(ViewAuditTrail trail, ConsoleSettings settings, Clock clock) {
        this.trail = trail;
        this.zone = settings.zone();
        this.clock = clock;
        this.csv = new AuditCsv(zone);
        DateTimeFormatter when = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(zone);

        user.setId("audit-user");
        user.setPlaceholder("username");
        user.setClearButtonVisible(true);
        user.setValueChangeMode(ValueChangeMode.LAZY);
        kind.setId("audit-kind");
        kind.setLabel("What");
        kind.setItems(AuditKind.values());
        kind.setItemLabelGenerator(k -> k == null ? "All" : k.label());
        kind.setEmptySelectionAllowed(true);
        kind.setEmptySelectionCaption("All");
        from.setId("audit-from");
        to.setId("audit-to");
        from.setClearButtonVisible(true);
        to.setClearButtonVisible(true);
        user.addValueChangeListener(e -> applyFilters());
        kind.addValueChangeListener(e -> applyFilters());
        from.addValueChangeListener(e -> applyFilters());
        to.addValueChangeListener(e -> applyFilters());

        grid.setId("audit");
        grid.addColumn(entry -> when.format(entry.at())).setHeader("When").setKey("when").setAutoWidth(true);
        grid.addColumn(entry -> AuditWording.who(entry.actor())).setHeader("Who").setKey("who").setAutoWidth(true);
        grid.addColumn(entry -> entry.kind().label()).setHeader("What").setKey("what").setAutoWidth(true);
        grid.addColumn(entry -> text(entry.subject())).setHeader("Subject").setKey("subject");
        grid.addColumn(entry -> text(entry.detail())).setHeader("Detail").setKey("detail").setFlexGrow(2);
        grid.addColumn(entry -> text(entry.actor().address())).setHeader("From").setKey("from");
        grid.addColumn(entry -> AuditWording.outcome(entry.outcome())).setHeader("Outcome").setKey("outcome");
        grid.setItems(page -> trail.find(query, page.getOffset(), page.getLimit()).stream(), page -> (int) trail.count(query));

        export = new Anchor((DownloadHandler) this::download, "Export CSV");
        export.setId("audit-export");
        export.getElement().insertChild(0, VaadinIcon.DOWNLOAD.create().getElement());

        HorizontalLayout filters = new HorizontalLayout(user, kind, from, to, export);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        add(new H2("Audit"), filters, new Paragraph("Times are in " + zone.getId() + ". Newest first."), grid);
        setSizeFull();
    }

    /** Reads the filter fields into a query; a range that ends before it starts is refused on the field, keeping the last good one. */
    void applyFilters() {
        Instant start = from.getValue() == null ? null : from.getValue().atStartOfDay(zone).toInstant();
        Instant end = to.getValue() == null ? null : to.getValue().plusDays(1).atStartOfDay(zone).toInstant();
        try {
            query = new AuditQuery(user.getValue(), kind.getValue(), start, end);
            to.setInvalid(false);
        } catch (IllegalArgumentException e) {
            to.setErrorMessage(e.getMessage());
            to.setInvalid(true);
            return;
        }
        grid.getDataProvider().refreshAll();
    }

    AuditQuery query() {
        return query;
    }

    String exportFileName() {
        return "ringside-audit-" + LocalDate.ofInstant(clock.instant(), zone) + ".csv";
    }

    private void download(DownloadEvent event) throws IOException {
        AuditQuery filters = query;
        event.setFileName(exportFileName());
        event.setContentType("text/csv; charset=UTF-8");
        try (Writer out = new BufferedWriter(new OutputStreamWriter(event.getOutputStream(), StandardCharsets.UTF_8))) {
            csv.writeHeader(out);
            trail.export(filters, entry -> csv.write(out, entry));
        }
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
