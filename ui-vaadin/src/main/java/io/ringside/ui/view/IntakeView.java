package io.ringside.ui.view;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
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
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import io.ringside.application.port.in.ClaimCallers;
import io.ringside.application.port.in.FeedStatus;
import io.ringside.application.port.in.ListRecentCallers;
import io.ringside.application.port.in.ListTodaysIntakes;
import io.ringside.application.port.in.RecentCallersResult;
import io.ringside.application.port.in.RecognizeCaller;
import io.ringside.application.port.in.SaveIntake;
import io.ringside.application.port.in.SaveOutcome;
import io.ringside.application.port.in.WatchRecentCallers;
import io.ringside.domain.CallState;
import io.ringside.domain.CallerList;
import io.ringside.domain.Claim;
import io.ringside.domain.ExtensionLink;
import io.ringside.domain.Intake;
import io.ringside.domain.KnownCaller;
import io.ringside.domain.PhoneNumber;
import io.ringside.domain.RecentCaller;
import io.ringside.ui.ConsoleSettings;
import io.ringside.ui.CurrentUser;
import io.ringside.ui.IntakeWording;
import io.ringside.ui.PhoneFormat;
import io.ringside.ui.Roles;
import jakarta.annotation.security.RolesAllowed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code /}: the caller intake page. It composes the {@link IntakeForm} (Name, Phone, Notes, Save), the Recent
 * callers list beside Phone, the live indicator, today's intakes and a live region, and talks to the use cases.
 * Phone can be filled from the people who are calling, or just called, the company (Populate phone number, Alt+P,
 * or the list); typing it always works. A user linked to an extension sees the call at their desk first ("your
 * call"), and Populate fills it at once. Filling from a caller claims them, so colleagues see "Maria Lopez is on
 * it". A number earlier intakes know is recognised ("Known: Jane Doe · 3 intakes, last on 12 Nov") and its last
 * name offered for Name.
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
    private final RecognizeCaller recognizeCaller;
    private final Clock clock;
    private final PhoneFormat phoneFormat;
    private final IntakeWording wording;
    private final CurrentUser user;
    private final UUID me;
    private final ExtensionLink desk;
    private final boolean admin;

    private final IntakeForm form;
    private final ComboBox<RecentCaller> recentCallers = new ComboBox<>("Recent callers");
    private final Div pickerMessage = new Div();
    private final Span pickerText = new Span();
    private final Anchor adminLink = new Anchor("admin/ringcentral", "Open the RingCentral page");
    private final Span liveIndicator = new Span(IntakeWording.CONNECTING);
    private final Div announcer = new Div();
    private final Grid<Intake> todaysIntakes = new Grid<>();

    private RecentCallersResult current;
    /** The picker's items: the current callers with the user's own call first. */
    private List<RecentCaller> shown = List.of();
    private List<Claim> claims = List.of();
    private List<String> shownLabels = List.of();
    private boolean updatingItems;
    /** The caller Phone is being filled from, while the form says so ({@link #filled}). */
    private RecentCaller filling;
    private final Set<String> announcedRinging = new HashSet<>();
    /**
     * What earlier intakes say about each number seen in the list, looked up once per number (the feed's thread
     * fills it before handing the list to the page, so the page's lock is never held for the queries).
     */
    private final Map<PhoneNumber, Optional<KnownCaller>> knownByNumber = new ConcurrentHashMap<>();
    private WatchRecentCallers.Subscription subscription;
    private ClaimCallers.Subscription claimsSubscription;
    private Registration pollRegistration;

    public IntakeView(ListRecentCallers listRecentCallers, WatchRecentCallers watchRecentCallers, SaveIntake saveIntake,
                      ListTodaysIntakes listTodaysIntakes, ClaimCallers claimCallers, RecognizeCaller recognizeCaller,
                      CurrentUser user, ConsoleSettings settings, Clock clock) {
        this.listRecentCallers = listRecentCallers;
        this.watchRecentCallers = watchRecentCallers;
        this.saveIntake = saveIntake;
        this.claimCallers = claimCallers;
        this.listTodaysIntakes = listTodaysIntakes;
        this.recognizeCaller = recognizeCaller;
        this.clock = clock;
        this.phoneFormat = new PhoneFormat(settings.defaultRegion());
        this.wording = new IntakeWording(phoneFormat, settings.zone());
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

        form = new IntakeForm(phoneFormat);
        form.addPopulateListener(e -> populate());
        form.addFilledListener(e -> filled(e.number(), e.fromCaller()));
        form.addSaveListener(e -> save(e.draft(), false));

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
        form.besidePhone(recentCallers);

        pickerMessage.setId("picker-message");
        pickerText.setId("picker-text");
        pickerMessage.getElement().setAttribute("role", "status");
        adminLink.setId("admin-link");
        adminLink.setVisible(false);
        pickerMessage.add(pickerText, new Span(" "), adminLink);
        pickerMessage.setVisible(false);
        // Under the phone row: the picker's sentences are about filling Phone.
        form.underPhone(pickerMessage);

        announcer.setId("call-announcer");
        announcer.getElement().setAttribute("aria-live", "polite");
        announcer.getElement().setAttribute("aria-atomic", "true");
        announcer.getStyle().set("position", "absolute").set("width", "1px").set("height", "1px")
                .set("overflow", "hidden").set("clip", "rect(0 0 0 0)").set("white-space", "nowrap");

        todaysIntakes.setId("todays-intakes");
        todaysIntakes.addColumn(i -> wording.clockTime(i.savedAt())).setHeader("Time").setAutoWidth(true).setFlexGrow(0);
        todaysIntakes.addColumn(i -> i.callerName() == null ? "" : i.callerName()).setHeader("Name");
        todaysIntakes.addColumn(i -> phoneFormat.display(i.phone())).setHeader("Phone").setAutoWidth(true);
        todaysIntakes.addColumn(i -> i.notes() == null ? "" : i.notes()).setHeader("Notes").setFlexGrow(2);
        todaysIntakes.addColumn(Intake::operator).setHeader("Operator").setAutoWidth(true);
        todaysIntakes.setAllRowsVisible(true);
        todaysIntakes.setEmptyStateText("No intakes saved today yet");

        add(titleRow, form, announcer, new H3("Today's intakes"), todaysIntakes);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        UI ui = attachEvent.getUI();
        refreshTodaysIntakes();
        subscription = watchRecentCallers.watch(result -> {
            // On the feed's thread, outside the page's lock: the lookups of numbers not seen before.
            lookUpNew(result.callers());
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
     * Populate phone number (the button or Alt+P): the call at the user's desk, or the only caller, fills Phone;
     * several open the list with the keyboard in it; none or a problem says so.
     */
    void populate() {
        RecentCallersResult result;
        try {
            result = listRecentCallers.list();
        } catch (RuntimeException e) {
            log.warn("Listing recent callers failed", e);
            say(IntakeWording.CALLERS_UNREADABLE, false);
            return;
        }
        lookUpNew(result.callers());
        apply(result);
        FeedStatus status = result.status();
        if (!(status instanceof FeedStatus.Ok)) {
            String problem = wording.pickerProblem(result, clock.instant(), admin);
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
            Notification.show(wording.populated(who(yours), true), 4000, Notification.Position.BOTTOM_START);
            fill(yours);
        } else if (callers.isEmpty()) {
            say(wording.noCallers(result), false);
        } else if (callers.size() == 1) {
            RecentCaller only = callers.get(0);
            Notification.show(wording.populated(who(only), false), 4000, Notification.Position.BOTTOM_START);
            fill(only);
        } else {
            recentCallers.setOpened(true);
            recentCallers.focus();
            announce(wording.listOpened(callers.size()));
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

    /** Fills Phone from a caller and claims them; the form then says Phone holds a number ({@link #filled}). */
    private void fill(RecentCaller caller) {
        claim(caller.caller().number());
        filling = caller;
        try {
            form.fillFromCaller(caller.caller().number(), caller.telephonySessionId());
        } finally {
            filling = null;
        }
    }

    /**
     * Phone holds a number (from a caller, or typed): say what earlier intakes know and offer the last name.
     * After a fill from a caller the keyboard goes where the next keystroke is needed: Name (an offered name
     * selected, so Enter or Tab keeps it and typing replaces it), or Notes when the operator had typed the name
     * already. A typed number moves nothing: the operator is on their way somewhere with Tab.
     */
    private void filled(PhoneNumber number, boolean fromCaller) {
        Optional<KnownCaller> known = recognize(number);
        String nameFilled = null;
        if (known.isPresent()) {
            form.showKnown(wording.known(known.get(), clock.instant()));
            if (form.offerName(known.get().lastName())) {
                nameFilled = known.get().lastName();
            }
        }
        if (fromCaller) {
            String name = filling != null && filling.caller().knownName().isPresent()
                    ? filling.caller().knownName().get() : nameFor(known);
            announce(wording.phoneSet(wording.who(number, name), nameFilled));
            if (nameFilled != null) {
                form.focusNameSelected();
            } else if (form.nameIsEmpty()) {
                form.focusName();
            } else {
                form.focusNotes();
            }
        } else if (nameFilled != null) {
            announce(wording.nameFilled(nameFilled));
        }
    }

    /** A fresh look at earlier intakes for the number being filled (a colleague may have saved one since the list came). */
    private Optional<KnownCaller> recognize(PhoneNumber number) {
        try {
            Optional<KnownCaller> known = recognizeCaller.recognize(number);
            knownByNumber.put(number, known);
            return known;
        } catch (RuntimeException e) {
            log.warn("Recognising a caller failed", e);
            return Optional.empty();
        }
    }

    /** One lookup per number not seen before; a failed lookup is tried again with the next list. */
    private void lookUpNew(List<RecentCaller> callers) {
        callers.stream()
                .filter(caller -> caller.caller().knownName().isEmpty())
                .map(caller -> caller.caller().number())
                .distinct()
                .filter(number -> !knownByNumber.containsKey(number))
                .forEach(number -> {
                    try {
                        knownByNumber.put(number, recognizeCaller.recognize(number));
                    } catch (RuntimeException e) {
                        log.warn("Recognising a caller in the list failed", e);
                    }
                });
    }

    /** Tells colleagues this user is on the caller; the form works on even if that fails. */
    private void claim(PhoneNumber number) {
        try {
            claimCallers.claim(number, user.actor());
        } catch (RuntimeException e) {
            log.warn("Claiming a caller failed", e);
        }
    }

    /** Saves, or first asks when a colleague saved an intake for this caller moments ago. */
    private void save(IntakeForm.Draft draft, boolean evenIfSavedRecently) {
        SaveOutcome outcome;
        try {
            outcome = saveIntake.save(draft.name(), draft.phone(), draft.notes(), draft.telephonySessionId(), user.actor(),
                    evenIfSavedRecently);
        } catch (IllegalArgumentException e) {
            Notification.show(e.getMessage(), 6000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
            announce(wording.notSaved(e.getMessage()));
            return;
        }
        switch (outcome) {
            case SaveOutcome.Saved saved -> saved(saved.intake());
            case SaveOutcome.SavedRecentlyByAnother another -> askBeforeSaving(another, draft);
        }
    }

    private void askBeforeSaving(SaveOutcome.SavedRecentlyByAnother another, IntakeForm.Draft draft) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId("save-anyway-dialog");
        dialog.setHeader("Saved moments ago");
        dialog.setText(wording.savedRecentlyQuestion(another.displayName(), another.savedAt(), clock.instant()));
        dialog.setConfirmText("Save anyway");
        dialog.setCancelable(true);
        dialog.setCancelText("Cancel");
        dialog.addConfirmListener(e -> save(draft, true));
        dialog.addCancelListener(e -> announce(wording.notSaved("cancelled; the form is as it was.")));
        dialog.open();
        announce(wording.notSavedYet(another.displayName()));
    }

    /** Saved: the form is emptied and the keyboard is in Phone, where the next intake starts (typed, or Alt+P). */
    private void saved(Intake saved) {
        String text = wording.saved(saved.phone());
        Notification.show(text, 3000, Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        announce(text);
        // The number is known now (or known better): the next list or fill asks again.
        knownByNumber.remove(saved.phone());
        form.clear();
        hideMessage();
        refreshTodaysIntakes();
        form.focusPhone();
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

    /** A row of the list, in {@link IntakeWording#row}'s words. */
    String label(RecentCaller caller) {
        String colleague = claimByColleague(caller).map(Claim::displayName).orElse(null);
        return wording.row(caller, nameOf(caller), colleague, isYours(caller), clock.instant());
    }

    /** RingCentral's name for the caller, else the last one earlier intakes saved for the number, else null. */
    private String nameOf(RecentCaller caller) {
        return caller.caller().knownName()
                .orElseGet(() -> nameFor(knownByNumber.getOrDefault(caller.caller().number(), Optional.empty())));
    }

    private static String nameFor(Optional<KnownCaller> known) {
        return known.map(KnownCaller::lastName).orElse(null);
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
        return wording.who(caller.caller().number(), nameOf(caller));
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
        String text = wording.newRinging(yours, news);
        if (!text.isEmpty()) {
            announce(text);
        }
    }

    /** The live region says what just happened, and only that. */
    private void announce(String text) {
        announcer.setText(text);
    }

    private void updateLiveIndicator() {
        liveIndicator.setText(wording.liveIndicator(current, clock.instant()));
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
