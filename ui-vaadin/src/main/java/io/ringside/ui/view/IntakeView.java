package io.ringside.ui.view;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import io.ringside.application.port.in.ClaimCallers;
import io.ringside.application.port.in.FeedStatus;
import io.ringside.application.port.in.ListRecentCallers;
import io.ringside.application.port.in.ListTodaysIntakes;
import io.ringside.application.port.in.RecentCallersResult;
import io.ringside.application.port.in.SaveIntake;
import io.ringside.application.port.in.SaveOutcome;
import io.ringside.application.port.in.WatchRecentCallers;
import io.ringside.domain.CallState;
import io.ringside.domain.CallerList;
import io.ringside.domain.Claim;
import io.ringside.domain.ExtensionLink;
import io.ringside.domain.Intake;
import io.ringside.domain.PhoneNumber;
import io.ringside.domain.RecentCaller;
import io.ringside.ui.ConsoleSettings;
import io.ringside.ui.CurrentUser;
import io.ringside.ui.PhoneFormat;
import io.ringside.ui.RelativeTime;
import io.ringside.ui.Roles;
import jakarta.annotation.security.RolesAllowed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * {@code /}: the caller intake form. Its Phone field can be filled from the people who are calling,
 * or just called, the company (Populate phone number / Recent callers); typing it by hand always works.
 * A user linked to an extension sees the call at their desk first ("your call"), and Populate fills it at
 * once. Filling from a caller claims them, so colleagues see "Maria Lopez is on it".
 */
@Route(value = "", layout = MainLayout.class)
@PageTitle("Caller intake · Ringside")
@RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
public class IntakeView extends VerticalLayout {

    /** How often relative times ("2 min ago", "synced 5 s ago") are brought up to date. */
    static final int TICK_MILLIS = 5_000;

    private static final Logger log = LoggerFactory.getLogger(IntakeView.class);

    private final ListRecentCallers listRecentCallers;
    private final WatchRecentCallers watchRecentCallers;
    private final SaveIntake saveIntake;
    private final ClaimCallers claimCallers;
    private final ListTodaysIntakes listTodaysIntakes;
    private final Clock clock;
    private final PhoneFormat phoneFormat;
    private final DateTimeFormatter clockTime;
    private final CurrentUser user;
    private final UUID me;
    private final ExtensionLink desk;
    private final boolean admin;

    private final TextField name = new TextField("Name");
    private final TextField phone = new TextField("Phone");
    private final Button populate = new Button("Populate phone number");
    private final ComboBox<RecentCaller> recentCallers = new ComboBox<>("Recent callers");
    private final Div pickerMessage = new Div();
    private final Span pickerText = new Span();
    private final Anchor adminLink = new Anchor("admin/ringcentral", "Open the RingCentral page");
    private final TextArea notes = new TextArea("Notes");
    private final Button save = new Button("Save");
    private final Span liveIndicator = new Span("Connecting…");
    private final Div announcer = new Div();
    private final Grid<Intake> todaysIntakes = new Grid<>();

    private RecentCallersResult current;
    /** The picker's items: the current callers with the user's own call first. */
    private List<RecentCaller> shown = List.of();
    private List<Claim> claims = List.of();
    private RecentCaller picked;
    private List<String> shownLabels = List.of();
    private boolean updatingItems;
    private final Set<String> announcedRinging = new HashSet<>();
    private WatchRecentCallers.Subscription subscription;
    private ClaimCallers.Subscription claimsSubscription;
    private Registration pollRegistration;

    public IntakeView(ListRecentCallers listRecentCallers, WatchRecentCallers watchRecentCallers, SaveIntake saveIntake,
                      ListTodaysIntakes listTodaysIntakes, ClaimCallers claimCallers, CurrentUser user, ConsoleSettings settings,
                      Clock clock) {
        this.listRecentCallers = listRecentCallers;
        this.watchRecentCallers = watchRecentCallers;
        this.saveIntake = saveIntake;
        this.claimCallers = claimCallers;
        this.listTodaysIntakes = listTodaysIntakes;
        this.clock = clock;
        this.phoneFormat = new PhoneFormat(settings.defaultRegion());
        this.clockTime = DateTimeFormatter.ofPattern("HH:mm").withZone(settings.zone());
        this.user = user;
        // Read once: a view lives as long as its page, and an admin's edit shows on the next page.
        this.me = user.id();
        this.desk = user.extension().orElse(null);
        this.admin = user.isAdmin();
        setMaxWidth("60rem");

        liveIndicator.setId("live-indicator");
        liveIndicator.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        H2 title = new H2("Caller intake");
        HorizontalLayout titleRow = new HorizontalLayout(title, liveIndicator);
        titleRow.setWidthFull();
        titleRow.setAlignItems(FlexComponent.Alignment.BASELINE);
        titleRow.expand(title);

        name.setId("name");
        name.setMaxLength(Intake.NAME_MAX_LENGTH);
        name.setWidthFull();

        phone.setId("phone");
        phone.setMaxLength(64);
        phone.setPlaceholder("(602) 555-1234 or +44 20 7946 0958");
        phone.setHelperText("Type it, or fill it from a recent caller");
        phone.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                phone.setInvalid(false);
            }
        });
        populate.setId("populate");
        populate.addClickListener(e -> populate());
        recentCallers.setId("recent-callers");
        recentCallers.setItemLabelGenerator(this::label);
        recentCallers.setPlaceholder("Pick a recent caller");
        recentCallers.setClearButtonVisible(true);
        recentCallers.setAllowCustomValue(false);
        recentCallers.setWidth("26rem");
        recentCallers.setOverlayWidth("30rem");
        recentCallers.addValueChangeListener(e -> {
            if (!updatingItems && e.getValue() != null) {
                fill(e.getValue());
                updatingItems = true;
                try {
                    recentCallers.clear();
                } finally {
                    updatingItems = false;
                }
            }
        });
        HorizontalLayout phoneRow = new HorizontalLayout(phone, populate, recentCallers);
        phoneRow.setAlignItems(FlexComponent.Alignment.BASELINE);
        phoneRow.setWrap(true);

        pickerMessage.setId("picker-message");
        pickerText.setId("picker-text");
        pickerMessage.getElement().setAttribute("role", "status");
        adminLink.setId("admin-link");
        adminLink.setVisible(false);
        pickerMessage.add(pickerText, new Span(" "), adminLink);
        pickerMessage.setVisible(false);

        notes.setId("notes");
        notes.setMaxLength(Intake.NOTES_MAX_LENGTH);
        notes.setWidthFull();
        save.setId("save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> saveIntake());

        announcer.setId("call-announcer");
        announcer.getElement().setAttribute("aria-live", "polite");
        announcer.getElement().setAttribute("aria-atomic", "true");
        announcer.getStyle().set("position", "absolute").set("width", "1px").set("height", "1px")
                .set("overflow", "hidden").set("clip", "rect(0 0 0 0)").set("white-space", "nowrap");

        todaysIntakes.setId("todays-intakes");
        todaysIntakes.addColumn(i -> clockTime.format(i.savedAt())).setHeader("Time").setAutoWidth(true).setFlexGrow(0);
        todaysIntakes.addColumn(i -> i.callerName() == null ? "" : i.callerName()).setHeader("Name");
        todaysIntakes.addColumn(i -> phoneFormat.display(i.phone())).setHeader("Phone").setAutoWidth(true);
        todaysIntakes.addColumn(i -> i.notes() == null ? "" : i.notes()).setHeader("Notes").setFlexGrow(2);
        todaysIntakes.addColumn(Intake::operator).setHeader("Operator").setAutoWidth(true);
        todaysIntakes.setAllRowsVisible(true);
        todaysIntakes.setEmptyStateText("No intakes saved today yet");

        add(titleRow, name, phoneRow, pickerMessage, notes, save, announcer, new H3("Today's intakes"), todaysIntakes);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        UI ui = attachEvent.getUI();
        refreshTodaysIntakes();
        subscription = watchRecentCallers.watch(result -> {
            try {
                ui.access(() -> apply(result));
            } catch (UIDetachedException e) {
                log.debug("Recent callers update for a closed view dropped");
            }
        });
        claims = currentClaims();
        claimsSubscription = claimCallers.watch(update -> {
            try {
                ui.access(() -> applyClaims(update));
            } catch (UIDetachedException e) {
                log.debug("Claims update for a closed view dropped");
            }
        });
        ui.setPollInterval(TICK_MILLIS);
        pollRegistration = ui.addPollListener(e -> tick());
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
        if (claimsSubscription != null) {
            claimsSubscription.close();
            claimsSubscription = null;
        }
        if (pollRegistration != null) {
            pollRegistration.remove();
            pollRegistration = null;
            detachEvent.getUI().setPollInterval(-1);
        }
        super.onDetach(detachEvent);
    }

    /**
     * Populate phone number: the call at the user's desk, or the only caller, fills Phone; several open the list;
     * none or a problem says so.
     */
    void populate() {
        RecentCallersResult result;
        try {
            result = listRecentCallers.list();
        } catch (RuntimeException e) {
            log.warn("Listing recent callers failed", e);
            say("Recent callers could not be loaded. Type the number instead.", false);
            return;
        }
        apply(result);
        FeedStatus status = result.status();
        if (!(status instanceof FeedStatus.Ok)) {
            String problem = sentence(status, result);
            boolean showList = !result.isEmpty()
                    && (status instanceof FeedStatus.Unavailable || status instanceof FeedStatus.RateLimitedUntil);
            say(problem, admin);
            if (!showList) {
                return;
            }
        } else {
            hideMessage();
        }
        List<RecentCaller> callers = shown;
        if (!callers.isEmpty() && isYours(callers.get(0))) {
            RecentCaller yours = callers.get(0);
            fill(yours);
            Notification.show("Phone filled with your call: " + who(yours), 4000, Notification.Position.BOTTOM_START);
        } else if (callers.isEmpty()) {
            say(noCallers(result), false);
        } else if (callers.size() == 1) {
            RecentCaller only = callers.get(0);
            fill(only);
            Notification.show("Phone filled with " + who(only), 4000, Notification.Position.BOTTOM_START);
        } else {
            recentCallers.setOpened(true);
            recentCallers.focus();
        }
    }

    /** A new list from the feed (or from Populate): update the picker, the live mark and announcements. */
    void apply(RecentCallersResult result) {
        current = result;
        shown = CallerList.yoursFirst(result.callers(), desk);
        updatingItems = true;
        try {
            recentCallers.setItems(shown);
            recentCallers.clear();
            shownLabels = shown.stream().map(this::label).toList();
        } finally {
            updatingItems = false;
        }
        announceNewRinging(shown);
        updateLiveIndicator();
    }

    /**
     * Keeps "N min ago" and "synced N s ago" current. The list's items are re-sent only when a label
     * really changed (about once a minute), so an open list is not disturbed on every tick.
     */
    void tick() {
        refreshLabels();
        updateLiveIndicator();
    }

    /** Colleagues' claims changed: "· Maria Lopez is on it" appears or goes. */
    void applyClaims(List<Claim> update) {
        claims = List.copyOf(update);
        refreshLabels();
    }

    private void refreshLabels() {
        List<String> labels = shown.stream().map(this::label).toList();
        if (!labels.equals(shownLabels)) {
            shownLabels = labels;
            recentCallers.getDataProvider().refreshAll();
        }
    }

    private List<Claim> currentClaims() {
        try {
            return claimCallers.claims();
        } catch (RuntimeException e) {
            log.warn("Listing claims failed", e);
            return List.of();
        }
    }

    private void fill(RecentCaller caller) {
        picked = caller;
        phone.setValue(phoneFormat.display(caller.caller().number()));
        phone.setInvalid(false);
        announcer.setText("Phone set to " + who(caller));
        claim(caller.caller().number());
    }

    /** Tells colleagues this user is on the caller; the form works on even if that fails. */
    private void claim(PhoneNumber number) {
        try {
            claimCallers.claim(number, user.actor());
        } catch (RuntimeException e) {
            log.warn("Claiming a caller failed", e);
        }
    }

    private void saveIntake() {
        PhoneNumber number;
        try {
            number = phoneFormat.parse(phone.getValue());
        } catch (IllegalArgumentException e) {
            phone.setErrorMessage(e.getMessage());
            phone.setInvalid(true);
            phone.focus();
            return;
        }
        phone.setInvalid(false);
        String telephonySessionId = picked != null && picked.caller().number().equals(number) ? picked.telephonySessionId() : null;
        save(number, telephonySessionId, false);
    }

    /** Saves, or first asks when a colleague saved an intake for this caller moments ago. */
    private void save(PhoneNumber number, String telephonySessionId, boolean evenIfSavedRecently) {
        SaveOutcome outcome;
        try {
            outcome = saveIntake.save(name.getValue(), number, notes.getValue(), telephonySessionId, user.actor(),
                    evenIfSavedRecently);
        } catch (IllegalArgumentException e) {
            Notification.show(e.getMessage(), 6000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
            return;
        }
        switch (outcome) {
            case SaveOutcome.Saved saved -> saved(saved.intake());
            case SaveOutcome.SavedRecentlyByAnother another -> askBeforeSaving(another, number, telephonySessionId);
        }
    }

    private void askBeforeSaving(SaveOutcome.SavedRecentlyByAnother another, PhoneNumber number, String telephonySessionId) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId("save-anyway-dialog");
        dialog.setHeader("Saved moments ago");
        dialog.setText(another.displayName() + " saved an intake for this caller "
                + RelativeTime.ago(Duration.between(another.savedAt(), clock.instant())) + " — save anyway?");
        dialog.setConfirmText("Save anyway");
        dialog.setCancelable(true);
        dialog.setCancelText("Cancel");
        dialog.addConfirmListener(e -> save(number, telephonySessionId, true));
        dialog.open();
    }

    private void saved(Intake saved) {
        Notification.show("Saved intake for " + phoneFormat.display(saved.phone()), 3000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        name.clear();
        phone.clear();
        notes.clear();
        picked = null;
        hideMessage();
        refreshTodaysIntakes();
        name.focus();
    }

    private void refreshTodaysIntakes() {
        try {
            todaysIntakes.setItems(listTodaysIntakes.today());
        } catch (RuntimeException e) {
            log.warn("Listing today's intakes failed", e);
            todaysIntakes.setItems(List.of());
            todaysIntakes.setEmptyStateText("Today's intakes could not be loaded");
        }
    }

    /**
     * {@code (602) 555-1234 — 2 min ago · Jane Doe · ringing}, or {@code … · on call with 103}; then
     * {@code · Maria Lopez is on it} while a colleague's claim lasts, and {@code · your call} for the call at the
     * user's desk.
     */
    String label(RecentCaller caller) {
        StringBuilder label = new StringBuilder(phoneFormat.display(caller.caller().number()))
                .append(" — ").append(RelativeTime.ago(caller.age(clock.instant())));
        caller.caller().knownName().ifPresent(n -> label.append(" · ").append(n));
        if (caller.state() == CallState.RINGING) {
            label.append(" · ringing");
        } else if (caller.state() == CallState.CONNECTED) {
            label.append(" · on call");
            if (caller.answeredBy() != null) {
                label.append(" with ").append(caller.answeredBy().label());
            }
        }
        claimByColleague(caller).ifPresent(claim -> label.append(" · ").append(claim.displayName()).append(" is on it"));
        if (isYours(caller)) {
            label.append(" · your call");
        }
        return label.toString();
    }

    private boolean isYours(RecentCaller caller) {
        return caller.isAt(desk);
    }

    private Optional<Claim> claimByColleague(RecentCaller caller) {
        Instant now = clock.instant();
        return claims.stream()
                .filter(claim -> claim.phone().equals(caller.caller().number()))
                .filter(claim -> !claim.isBy(me) && claim.isActive(now))
                .findFirst();
    }

    private String who(RecentCaller caller) {
        String number = phoneFormat.display(caller.caller().number());
        return caller.caller().knownName().map(n -> number + " (" + n + ")").orElse(number);
    }

    private void announceNewRinging(List<RecentCaller> callers) {
        List<String> yours = new ArrayList<>();
        List<String> news = new ArrayList<>();
        for (RecentCaller caller : callers) {
            if (caller.state() == CallState.RINGING) {
                String key = caller.telephonySessionId() != null ? caller.telephonySessionId()
                        : caller.caller().number().e164() + "@" + caller.lastCallAt();
                if (announcedRinging.add(key)) {
                    (isYours(caller) ? yours : news).add(who(caller));
                }
            }
        }
        List<String> sentences = new ArrayList<>();
        if (!yours.isEmpty()) {
            sentences.add("Your call: " + String.join("; ", yours) + " ringing");
        }
        if (!news.isEmpty()) {
            sentences.add("Incoming call: " + String.join("; ", news));
        }
        if (!sentences.isEmpty()) {
            announcer.setText(String.join(". ", sentences));
        }
    }

    private void updateLiveIndicator() {
        if (current == null) {
            liveIndicator.setText("Connecting…");
            return;
        }
        Instant now = clock.instant();
        String synced = current.asOf() == null ? "" : " · synced " + RelativeTime.secondsAgo(Duration.between(current.asOf(), now));
        liveIndicator.setText(switch (current.status()) {
            case FeedStatus.Ok ok -> "Live" + synced;
            case FeedStatus.NotConnected n -> "Not live · RingCentral not connected";
            case FeedStatus.ReconnectNeeded r -> "Not live · RingCentral needs reconnecting";
            case FeedStatus.Unavailable u -> "Not live · RingCentral unreachable" + synced;
            case FeedStatus.RateLimitedUntil r -> "Paused until " + clockTime.format(r.until()) + " · rate limited" + synced;
        });
    }

    private String sentence(FeedStatus status, RecentCallersResult result) {
        String stale = result.isEmpty() || result.asOf() == null ? ""
                : " The list below is from " + RelativeTime.ago(Duration.between(result.asOf(), clock.instant())) + ".";
        return switch (status) {
            case FeedStatus.Ok ok -> "";
            case FeedStatus.NotConnected n -> "RingCentral is not connected, so there are no recent callers to pick from."
                    + " Type the number instead." + (admin ? "" : " An admin can connect RingCentral.");
            case FeedStatus.ReconnectNeeded r -> "RingCentral needs to be connected again, so there are no recent callers to pick from."
                    + " Type the number instead." + (admin ? "" : " An admin can reconnect it.");
            case FeedStatus.Unavailable u -> "RingCentral can't be reached right now."
                    + (stale.isEmpty() ? " Type the number instead, or try again in a moment." : stale);
            case FeedStatus.RateLimitedUntil r -> "RingCentral asked Ringside to slow down until " + clockTime.format(r.until()) + "."
                    + (stale.isEmpty() ? " Type the number instead, or try again then." : stale);
        };
    }

    private static String noCallers(RecentCallersResult result) {
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

    private void say(String text, boolean withAdminLink) {
        pickerText.setText(text);
        adminLink.setVisible(withAdminLink);
        pickerMessage.setVisible(true);
    }

    private void hideMessage() {
        pickerText.setText("");
        adminLink.setVisible(false);
        pickerMessage.setVisible(false);
    }
}
