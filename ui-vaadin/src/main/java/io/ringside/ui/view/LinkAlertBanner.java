package io.ringside.ui.view;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouterLink;
import io.ringside.application.port.in.WatchLinkAlert;
import io.ringside.domain.LinkIncident;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Tells an admin, on every page, that the link to RingCentral is broken, for as long as it is:
 * it appears and goes away by server push, without a reload. Only admins are given one (MainLayout).
 */
public final class LinkAlertBanner extends Div {

    public static final String HEADLINE = "RingCentral link broken";
    private static final DateTimeFormatter SINCE = DateTimeFormatter.ofPattern("MMM d, HH:mm");

    private final WatchLinkAlert linkAlert;
    private final ZoneId zone;
    private final Span headline = new Span();
    private final Span explanation = new Span();
    private WatchLinkAlert.Subscription subscription;

    public LinkAlertBanner(WatchLinkAlert linkAlert, ZoneId zone) {
        this.linkAlert = linkAlert;
        this.zone = zone;
        setId("link-alert");
        getElement().setAttribute("role", "alert");
        headline.getStyle().set("font-weight", "600");
        explanation.setId("link-alert-explanation");
        RouterLink open = new RouterLink("Open RingCentral", ConnectionAdminView.class);
        open.setId("link-alert-open");
        add(headline, explanation, open);
        getStyle()
                .set("display", "flex").set("align-items", "baseline").set("gap", "var(--lumo-space-m)")
                .set("flex-wrap", "wrap")
                .set("padding", "var(--lumo-space-xs) var(--lumo-space-m)")
                .set("background", "var(--lumo-error-color-10pct)")
                .set("color", "var(--lumo-error-text-color)")
                .set("font-size", "var(--lumo-font-size-s)");
        setVisible(false);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        UI ui = attachEvent.getUI();
        show(linkAlert.current());
        subscription = linkAlert.watch(state -> {
            try {
                ui.access(() -> show(state));
            } catch (UIDetachedException e) {
                // The page closed meanwhile: nothing to show it on.
            }
        });
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
        super.onDetach(detachEvent);
    }

    private void show(Optional<LinkIncident> state) {
        setVisible(state.isPresent());
        state.ifPresent(incident -> {
            headline.setText(HEADLINE + " since " + SINCE.format(incident.since().atZone(zone)));
            explanation.setText(incident.explanation());
        });
    }
}
