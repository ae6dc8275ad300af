package io.ringside.bootstrap.security;

import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.shared.ui.Transport;
import io.ringside.ui.AppShell;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSessionEvent;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session lifetimes as the browser lives them, on a clock the test moves: the filter of the security chains, the
 * registry, and requests shaped like Vaadin's (UIDL messages, heartbeats, push). "Logged in" means what the console
 * behind the filter sees: the session still carries its login.
 */
class SessionLifetimesTest {

    private static final String POLL = "{\"type\":\"event\",\"node\":1,\"event\":\"ui-poll\",\"data\":{}}";
    private static final String CLICK = "{\"type\":\"event\",\"node\":12,\"event\":\"click\",\"data\":{\"event.shiftKey\":false}}";
    private static final String TYPING = "{\"type\":\"mSync\",\"node\":7,\"feature\":1,\"property\":\"value\",\"value\":\"Maria\"}";
    /** What a combo box answers when the server pushed it new items. */
    private static final String ITEMS_RECEIVED = "{\"type\":\"publishedEventHandler\",\"node\":23,\"templateEventMethodName\":\"confirmUpdate\",\"templateEventMethodArgs\":[4],\"promise\":0}";
    /** The operator opens the Recent callers list. */
    private static final String LIST_OPENED = "{\"type\":\"publishedEventHandler\",\"node\":23,\"templateEventMethodName\":\"setViewportRange\",\"templateEventMethodArgs\":[0,50,\"\"],\"promise\":0}";
    private static final String JS_RESULT = "{\"type\":\"channel\",\"node\":1,\"channel\":0,\"args\":[true]}";

    private final TestClock clock = new TestClock();
    private final RecordingLogIn logIn = new RecordingLogIn();
    private final OpenSessions sessions = new OpenSessions(logIn, SessionSettings.defaults(), clock);
    private final SessionLifetimeFilter filter = new SessionLifetimeFilter(sessions);

    @Test
    void pollsDoNotKeepASessionAlive() throws Exception {
        MockHttpSession browser = logIn("sam");

        for (int second = 5; second < 30 * 60; second += 5) {
            clock.advance(Duration.ofSeconds(5));
            assertThat(uidl(browser, POLL)).as("logged in after %d s of polls", second).isTrue();
        }
        clock.advance(Duration.ofSeconds(5));

        assertThat(uidl(browser, POLL)).as("the poll at 30 minutes").isFalse();
        assertThat(browser.isInvalid()).isTrue();
        assertThat(logIn.ended()).containsExactly("sessionEnded sam: idle for 30 minutes");
    }

    @Test
    void heartbeatsPushAndReturnChannelMessagesDoNotCountEither() throws Exception {
        MockHttpSession browser = logIn("sam");

        for (int minute = 1; minute < 30; minute++) {
            clock.advance(Duration.ofMinutes(1));
            assertThat(uidl(browser, ITEMS_RECEIVED)).as("the list acknowledging pushed callers").isTrue();
            assertThat(vaadinRequest(browser, "POST", "heartbeat")).isTrue();
            assertThat(vaadinRequest(browser, "GET", "push")).isTrue();
            assertThat(uidl(browser, JS_RESULT)).isTrue();
            assertThat(get(browser, "/VAADIN/build/indexhtml.js")).isTrue();
        }
        clock.advance(Duration.ofMinutes(1));

        assertThat(vaadinRequest(browser, "POST", "heartbeat")).isFalse();
        assertThat(logIn.ended()).containsExactly("sessionEnded sam: idle for 30 minutes");
    }

    @Test
    void clicksTypingAndPageLoadsRestartTheIdleClock() throws Exception {
        MockHttpSession browser = logIn("sam");

        clock.advance(Duration.ofMinutes(20));
        assertThat(uidl(browser, POLL, CLICK)).as("a click sent with a poll").isTrue();
        clock.advance(Duration.ofMinutes(29));
        assertThat(uidl(browser, TYPING)).isTrue();
        clock.advance(Duration.ofMinutes(29));
        assertThat(uidl(browser, LIST_OPENED)).as("opening the Recent callers list").isTrue();
        clock.advance(Duration.ofMinutes(29));
        assertThat(get(browser, "/intakes")).as("a page load").isTrue();
        clock.advance(Duration.ofMinutes(29));
        assertThat(uidl(browser, POLL)).isTrue();
        clock.advance(Duration.ofMinutes(1));

        assertThat(uidl(browser, POLL)).isFalse();
        assertThat(logIn.ended()).containsExactly("sessionEnded sam: idle for 30 minutes");
    }

    @Test
    void aSessionEndsTwelveHoursAfterItsLoginWhateverTheInput() throws Exception {
        MockHttpSession browser = logIn("sam");

        for (int minutes = 10; minutes < 12 * 60; minutes += 10) {
            clock.advance(Duration.ofMinutes(10));
            assertThat(uidl(browser, CLICK)).as("logged in after %d min", minutes).isTrue();
        }
        clock.advance(Duration.ofMinutes(10));

        assertThat(uidl(browser, CLICK)).isFalse();
        assertThat(logIn.ended()).containsExactly("sessionEnded sam: open for 12 hours");
    }

    @Test
    void theLifetimesAreSettings() throws Exception {
        OpenSessions longer = new OpenSessions(logIn, new SessionSettings(Duration.ofHours(2), Duration.ofHours(3)), clock);
        SessionLifetimeFilter filter = new SessionLifetimeFilter(longer);
        MockHttpSession browser = logIn(filter, "sam");

        clock.advance(Duration.ofMinutes(119));
        assertThat(send(filter, browser, uidlRequest(POLL))).isTrue();
        clock.advance(Duration.ofMinutes(1));
        assertThat(send(filter, browser, uidlRequest(POLL))).isFalse();
        assertThat(logIn.ended()).containsExactly("sessionEnded sam: idle for 2 hours");
        assertThat(browser.getMaxInactiveInterval()).as("the container's own timeout comes after the idle timeout")
                .isGreaterThan((int) Duration.ofHours(2).toSeconds());
    }

    @Test
    void theSweepEndsASessionNobodyTouchesOnce() throws Exception {
        MockHttpSession browser = logIn("sam");
        MockHttpSession busy = logIn("operator");

        clock.advance(Duration.ofMinutes(29));
        sessions.sweep();
        assertThat(browser.isInvalid()).isFalse();
        uidl(busy, CLICK);
        clock.advance(Duration.ofMinutes(1));
        sessions.sweep();
        sessions.sweep();

        assertThat(browser.isInvalid()).isTrue();
        assertThat(busy.isInvalid()).isFalse();
        assertThat(logIn.ended()).containsExactly("sessionEnded sam: idle for 30 minutes");
        assertThat(get(browser, "/")).as("that browser's next request").isFalse();
    }

    @Test
    void anAdminEndsEverySessionOfOnePersonAtOnce() throws Exception {
        MockHttpSession desk = logIn("sam");
        MockHttpSession laptop = logIn("sam");
        MockHttpSession colleague = logIn("operator");

        sessions.endAll("sam");

        assertThat(desk.isInvalid()).isTrue();
        assertThat(laptop.isInvalid()).isTrue();
        assertThat(colleague.isInvalid()).isFalse();
        assertThat(logIn.ended()).containsExactly("sessionEnded sam: ended by an admin", "sessionEnded sam: ended by an admin");
        assertThat(sessions.countOpen("sam")).isZero();
        assertThat(uidl(desk, CLICK)).isFalse();
        assertThat(get(colleague, "/")).isTrue();
    }

    @Test
    void aLogoutIsAuditedAsALogoutNotAlsoAsAnEndedSession() throws Exception {
        MockHttpSession browser = logIn("sam");
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/logout");
        request.setSession(browser);

        new AuditedLogout(logIn, sessions).logout(request, new MockHttpServletResponse(),
                UsernamePasswordAuthenticationToken.authenticated("sam", null, List.of()));
        browser.invalidate();
        sessions.sessionDestroyed(new HttpSessionEvent(browser));
        clock.advance(Duration.ofHours(13));
        sessions.sweep();

        assertThat(logIn.said).filteredOn(line -> !line.startsWith("logIn")).containsExactly("loggedOut sam");
    }

    @Test
    void aSessionTheContainerExpiresIsAuditedOnce() throws Exception {
        MockHttpSession browser = logIn("sam");
        clock.advance(Duration.ofMinutes(31));

        sessions.sessionDestroyed(new HttpSessionEvent(browser));
        sessions.sweep();

        assertThat(logIn.ended()).containsExactly("sessionEnded sam: idle for 30 minutes");
    }

    @Test
    void aNewLoginInTheSameBrowserSessionStartsItsClocksAgain() throws Exception {
        MockHttpSession browser = logIn("sam");
        for (int minutes = 10; minutes <= 11 * 60; minutes += 10) {
            clock.advance(Duration.ofMinutes(10));
            uidl(browser, CLICK);
        }

        logIn(filter, browser, "sam");
        for (int minutes = 10; minutes <= 2 * 60; minutes += 10) {
            clock.advance(Duration.ofMinutes(10));
            assertThat(uidl(browser, CLICK)).as("%d min after logging in again, 11 h %d min after the first login", minutes, minutes).isTrue();
        }
        assertThat(logIn.ended()).isEmpty();
    }

    @Test
    void vaadinStillReadsTheWholeMessage() throws Exception {
        MockHttpSession browser = logIn("sam");
        MockHttpServletRequest request = uidlRequest(CLICK, "{\"type\":\"mSync\",\"node\":7,\"feature\":1,\"property\":\"value\",\"value\":\"Zoë Åberg\"}");
        byte[] sent = request.getContentAsByteArray();
        request.setSession(browser);
        AtomicReference<String> read = new AtomicReference<>();

        filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> read.set(((HttpServletRequest) req).getReader().lines().reduce("", String::concat)));

        assertThat(read.get()).isEqualTo(new String(sent, StandardCharsets.UTF_8)).contains("Zoë Åberg");
    }

    /** With transport WEBSOCKET, Vaadin would send the person's input over the websocket, past the servlet filters. */
    @Test
    void theConsoleSendsItsMessagesAsRequestsTheFilterSees() {
        assertThat(AppShell.class.getAnnotation(Push.class).transport()).isEqualTo(Transport.WEBSOCKET_XHR);
    }

    // ---- the browser --------------------------------------------------------------------------------------------

    private MockHttpSession logIn(String username) throws Exception {
        return logIn(filter, username);
    }

    private static MockHttpSession logIn(SessionLifetimeFilter filter, String username) throws Exception {
        return logIn(filter, new MockHttpSession(), username);
    }

    /** A successful form login the way Spring Security leaves it: a new session id, the login in the session. */
    private static MockHttpSession logIn(SessionLifetimeFilter filter, MockHttpSession session, String username) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/login");
        request.setSession(session);
        filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> {
            HttpServletRequest http = (HttpServletRequest) req;
            http.changeSessionId();
            http.getSession().setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY,
                    new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(username, null, List.of())));
        });
        return session;
    }

    private boolean uidl(MockHttpSession browser, String... invocations) throws Exception {
        return send(filter, browser, uidlRequest(invocations));
    }

    private boolean vaadinRequest(MockHttpSession browser, String method, String type) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, "/");
        request.setParameter("v-r", type);
        request.setQueryString("v-r=" + type);
        return send(filter, browser, request);
    }

    private boolean get(MockHttpSession browser, String path) throws Exception {
        return send(filter, browser, new MockHttpServletRequest("GET", path));
    }

    private static MockHttpServletRequest uidlRequest(String... invocations) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/");
        request.setParameter("v-r", "uidl");
        request.setQueryString("v-r=uidl&v-uiId=0");
        request.setContentType("application/json; charset=UTF-8");
        request.setCharacterEncoding("UTF-8");
        request.setContent(("{\"csrfToken\":\"6a3c\",\"rpc\":[" + String.join(",", invocations) + "],\"syncId\":3,\"clientId\":3}")
                .getBytes(StandardCharsets.UTF_8));
        return request;
    }

    /** Sends {@code request} in {@code browser}'s session; returns whether the console behind the filter saw the login. */
    private static boolean send(SessionLifetimeFilter filter, MockHttpSession browser, MockHttpServletRequest request) throws Exception {
        request.setSession(browser);
        AtomicBoolean loggedIn = new AtomicBoolean();
        FilterChain console = (req, res) -> {
            var session = ((HttpServletRequest) req).getSession(false);
            loggedIn.set(session != null
                    && session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY) != null);
        };
        filter.doFilter(request, new MockHttpServletResponse(), console);
        return loggedIn.get();
    }
}
