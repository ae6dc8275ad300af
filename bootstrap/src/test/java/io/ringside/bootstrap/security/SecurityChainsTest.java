package io.ringside.bootstrap.security;

import io.ringside.application.port.in.ConnectOutcome;
import io.ringside.application.port.in.ConnectRingCentral;
import io.ringside.application.port.in.LogIn;
import io.ringside.application.port.in.LoginResult;
import io.ringside.application.port.in.LookUpUser;
import io.ringside.domain.Actor;
import io.ringside.ui.UiConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import org.springframework.security.web.WebAttributes;

import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The security chains in a small Spring context (this package's configuration, the console's
 * beans, fakes of ConnectRingCentral and of the application's logins; no database, no RingCentral). Demo mode: no
 * credentials set.
 * (Vaadin's configurer exempts the login form's POST from CSRF: its LoginForm cannot send a token.)
 */
@SpringBootTest(classes = SecurityChainsTest.TestApp.class, webEnvironment = SpringBootTest.WebEnvironment.MOCK,
        properties = {"vaadin.allowed-packages=io.ringside.ui",
                // the data post-processor writes the demo key: never into ./data
                "ringside.data-dir=target/test-data/${random.uuid}",
                // no database here, so no 'db' health contributor for the readiness group to name
                "management.endpoint.health.group.readiness.include=readinessState"})
class SecurityChainsTest {

    static final String STATE = "Zm9vYmFyYmF6cXV4cXV1eHF1dXpxdXV6cXV1eg";
    static final String CALLBACK = "/api/ringcentral/callback?code=abc&state=" + STATE;

    // Not a @SpringBootConfiguration, so tests that look for RingsideApplication never find this one.
    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration(excludeName = {
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceInitializationAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
            "org.springframework.boot.data.jdbc.autoconfigure.DataJdbcRepositoriesAutoConfiguration",
            "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration"})
    @Import({SecurityConfiguration.class, UiConfiguration.class})
    static class TestApp {
        static final List<String> completed = new CopyOnWriteArrayList<>();
        static final RecordingLogIn logIn = new RecordingLogIn();

        @Bean
        LogIn logIn() {
            return logIn;
        }

        @Bean
        LookUpUser lookUpUser() {
            return username -> Optional.empty();
        }

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }

        @Bean
        ConnectRingCentral connectRingCentral() {
            return new ConnectRingCentral() {
                @Override
                public URI start(Actor admin) {
                    return URI.create("https://example.invalid/authorize");
                }

                @Override
                public ConnectOutcome complete(String state, String code, Actor admin) {
                    completed.add(admin.username());
                    return new ConnectOutcome.Connected("400123456");
                }

                @Override
                public ConnectOutcome decline(String state, String error, Actor admin) {
                    return new ConnectOutcome.AccessDenied(error);
                }
            };
        }
    }

    @Autowired
    WebApplicationContext context;
    @Autowired
    OpenSessions openSessions;
    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        TestApp.completed.clear();
        TestApp.logIn.said.clear();
        TestApp.logIn.addresses.clear();
        TestApp.logIn.refuseAll = null;
    }

    @Test
    void anonymousCallbackGoesToLogin() throws Exception {
        MvcResult result = mvc.perform(get(CALLBACK)).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        assertThat(result.getResponse().getRedirectedUrl()).endsWith("/login");
        assertThat(TestApp.completed).isEmpty();
    }

    @Test
    void operatorIsRefusedTheCallback() throws Exception {
        MvcResult result = mvc.perform(get(CALLBACK).with(user("operator").roles("OPERATOR"))).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(403);
        assertThat(TestApp.completed).isEmpty();
    }

    @Test
    void adminCompletesAsThemselves() throws Exception {
        MvcResult result = mvc.perform(get(CALLBACK).with(user("admin").roles("ADMIN", "OPERATOR"))).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/admin/ringcentral?connected");
        assertThat(TestApp.completed).containsExactly("admin");
    }

    @Test
    void csrfStaysOnForTheApi() throws Exception {
        MvcResult result = mvc.perform(post("/api/ringcentral/callback").with(user("admin").roles("ADMIN", "OPERATOR"))).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(403);
    }

    @Test
    void anonymousViewRequestGoesToLogin() throws Exception {
        MvcResult result = mvc.perform(get("/admin/ringcentral")).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        assertThat(result.getResponse().getRedirectedUrl()).endsWith("/login");
    }

    @Test
    void demoLoginWorksAndChangesTheSessionId() throws Exception {
        MockHttpSession session = new MockHttpSession();
        String before = session.getId();
        MvcResult result = mvc.perform(post("/login").session(session).with(csrf())
                .param("username", "admin").param("password", "admin")).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        assertThat(result.getResponse().getRedirectedUrl()).doesNotContain("error");
        assertThat(result.getRequest().getSession().getId()).isNotEqualTo(before);
    }

    @Test
    void wrongPasswordIsRefusedWithTheApplicationsMessage() throws Exception {
        MvcResult result = mvc.perform(post("/login").with(csrf())
                .param("username", "admin").param("password", "operator")).andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).contains("/login?error");
        assertThat(loginPageMessage(result)).isEqualTo(RecordingLogIn.WRONG);
    }

    @Test
    void aLockedUsernameGetsTheLockedMessageEvenWithTheRightPassword() throws Exception {
        String locked = "Too many failed logins. This username is locked for 15 minutes; an admin can unlock it by resetting the password.";
        TestApp.logIn.refuseAll = new LoginResult.Refused(LoginResult.Reason.LOCKED, locked);

        MvcResult result = mvc.perform(post("/login").with(csrf()).param("username", "admin").param("password", "admin")).andReturn();

        assertThat(result.getResponse().getRedirectedUrl()).contains("/login?error");
        assertThat(loginPageMessage(result)).isEqualTo(locked);
    }

    @Test
    void theApplicationIsToldTheClientAddress() throws Exception {
        mvc.perform(post("/login").with(csrf()).with(request -> {
            request.setRemoteAddr("203.0.113.5");
            return request;
        }).param("username", "admin").param("password", "admin")).andReturn();

        assertThat(TestApp.logIn.said).containsExactly("logIn admin");
        assertThat(TestApp.logIn.addresses).containsExactly("203.0.113.5");
    }

    @Test
    void aLoginStartsTheSessionsClocksAndAnAdminCanEndItAtOnce() throws Exception {
        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/login").session(session).with(csrf()).param("username", "sam").param("password", "sam")).andReturn();
        assertThat(openSessions.countOpen("sam")).isEqualTo(1);
        assertThat(mvc.perform(get(CALLBACK).session(session)).andReturn().getResponse().getStatus())
                .as("sam, an operator, is logged in: refused the callback, not sent to log in").isEqualTo(403);

        openSessions.endAll("sam");

        MvcResult next = mvc.perform(get("/admin/ringcentral").session(session)).andReturn();
        assertThat(next.getResponse().getRedirectedUrl()).endsWith("/login");
        assertThat(TestApp.logIn.ended()).containsExactly("sessionEnded sam: ended by an admin");
        assertThat(openSessions.countOpen("sam")).isZero();
    }

    @Test
    void aLogoutIsAuditedOnce() throws Exception {
        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/login").session(session).with(csrf()).param("username", "operator").param("password", "operator")).andReturn();

        MvcResult result = mvc.perform(post("/logout").session(session).with(csrf())).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        assertThat(session.isInvalid()).isTrue();
        assertThat(TestApp.logIn.said).containsExactly("logIn operator", "loggedOut operator");
        assertThat(openSessions.countOpen("operator")).isZero();
    }

    /** What the login page shows after {@code /login?error}: the refusal Spring Security kept in the session. */
    private static String loginPageMessage(MvcResult result) {
        var session = result.getRequest().getSession(false);
        assertThat(session).isNotNull();
        return ((Exception) session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION)).getMessage();
    }
}
