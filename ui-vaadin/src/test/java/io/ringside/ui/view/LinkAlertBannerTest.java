package io.ringside.ui.view;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.RouterLink;
import io.ringside.domain.LinkIncident;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** While the RingCentral link is broken, every admin page says so, and no operator page does. */
class LinkAlertBannerTest extends KaribuTestBase {

    private static final LinkIncident RECONNECT = new LinkIncident(LinkIncident.Cause.RECONNECT_NEEDED,
            Instant.parse("2026-11-22T16:40:00Z"),
            "RingCentral needs to be connected again. RingCentral no longer accepts Ringside's refresh token.");

    private Div banner() {
        return _get(Div.class, spec -> spec.withId("link-alert"));
    }

    /** Karibu finds visible components only. */
    private boolean bannerShown() {
        return !_find(Div.class, spec -> spec.withId("link-alert")).isEmpty();
    }

    @Test
    void anAdminSeesTheBrokenLinkOnEveryPageWithWhenWhyAndWhereToFixIt() {
        user = Fakes.User.admin();
        linkAlert.push(Optional.of(RECONNECT));
        startVaadin();

        UI.getCurrent().navigate(IntakeView.class);
        String text = banner().getElement().getTextRecursively();
        assertThat(bannerShown()).isTrue();
        // 16:40 UTC is 09:40 in Phoenix, the console's zone in these tests.
        assertThat(text).contains(LinkAlertBanner.HEADLINE + " since Nov 22, 09:40")
                .contains("RingCentral no longer accepts Ringside's refresh token");
        assertThat(_get(RouterLink.class, spec -> spec.withId("link-alert-open")).getHref()).isEqualTo("admin/ringcentral");

        UI.getCurrent().navigate(ConnectionAdminView.class);
        assertThat(bannerShown()).isTrue();
    }

    @Test
    void theBannerComesAndGoesWhileThePageIsOpen() {
        user = Fakes.User.admin();
        startVaadin();
        UI.getCurrent().navigate(IntakeView.class);
        assertThat(bannerShown()).isFalse();

        linkAlert.push(Optional.of(RECONNECT));
        MockVaadin.runUIQueue();
        assertThat(bannerShown()).isTrue();

        linkAlert.push(Optional.empty());
        MockVaadin.runUIQueue();
        assertThat(bannerShown()).isFalse();
    }

    @Test
    void anOperatorIsNotShownTheBanner() {
        linkAlert.push(Optional.of(RECONNECT));
        startVaadin();

        UI.getCurrent().navigate(IntakeView.class);

        _assertNone(Div.class, spec -> spec.withId("link-alert"));
        assertThat(linkAlert.listeners).as("nothing watches the link for an operator").isEmpty();
    }

    @Test
    void aClosedPageStopsWatching() {
        user = Fakes.User.admin();
        startVaadin();
        UI.getCurrent().navigate(IntakeView.class);
        assertThat(linkAlert.listeners).hasSize(1);

        MockVaadin.tearDown();

        assertThat(linkAlert.listeners).isEmpty();
    }
}
