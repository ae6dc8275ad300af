package io.ringside.bootstrap.security;

import io.ringside.application.port.in.ManageUsers;
import io.ringside.application.port.in.UserSummary;
import io.ringside.application.port.in.ViewAuditTrail;
import io.ringside.bootstrap.RingsideApplication;
import io.ringside.domain.Actor;
import io.ringside.domain.AuditEntry;
import io.ringside.domain.AuditKind;
import io.ringside.domain.AuditOutcome;
import io.ringside.domain.AuditQuery;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.web.WebAttributes;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Logins against the real application in demo mode (its seeded users admin, operator, sam and jordan, whose
 * passwords are their names): the login form through the real chains, the application's lockout and throttle, the
 * audit trail as the Audit page reads it, and an admin disabling someone who is logged in. Each test uses its own
 * people and client address, so they do not lock or throttle each other.
 */
@SpringBootTest(classes = RingsideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.MOCK,
        properties = {
                "ringside.data-dir=${java.io.tmpdir}/ringside-test-${random.uuid}",
                "ringside.simulator.generator.enabled=false",
                "ringside.scheduling.enabled=false"})
class PeopleSecurityTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    ViewAuditTrail auditTrail;
    @Autowired
    ManageUsers users;
    @Autowired
    OpenSessions openSessions;
    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    @Test
    void fiveWrongPasswordsLockTheUsernameAndTheSixthIsRefusedEvenWhenRight() throws Exception {
        for (int attempt = 1; attempt <= 5; attempt++) {
            MvcResult wrong = logIn(new MockHttpSession(), "jordan", "not-jordan-" + attempt, "198.51.100.1");
            assertThat(wrong.getResponse().getRedirectedUrl()).as("attempt %d", attempt).contains("/login?error");
        }
        List<AuditEntry> afterFive = audit("jordan");
        assertThat(afterFive).hasSize(5)
                .allSatisfy(entry -> assertThat(entry.kind()).isIn(AuditKind.LOGIN_FAILED, AuditKind.LOGIN_LOCKED))
                .allSatisfy(entry -> assertThat(entry.actor().address()).isEqualTo("198.51.100.1"));
        assertThat(afterFive.getFirst().kind()).as("the newest: the attempt that locked").isEqualTo(AuditKind.LOGIN_LOCKED);

        MvcResult right = logIn(new MockHttpSession(), "jordan", "jordan", "198.51.100.1");

        assertThat(right.getResponse().getRedirectedUrl()).contains("/login?error");
        assertThat(loginPageMessage(right)).startsWith("Too many failed logins").contains("locked");
        assertThat(audit("jordan")).hasSize(6).noneMatch(entry -> entry.kind() == AuditKind.LOGIN_SUCCEEDED);
    }

    @Test
    void tooManyFailuresFromOneAddressThrottleItButNotOthers() throws Exception {
        for (int attempt = 1; attempt <= 20; attempt++) {
            logIn(new MockHttpSession(), "guess" + attempt, "password" + attempt, "198.51.100.2");
        }

        MvcResult throttled = logIn(new MockHttpSession(), "operator", "operator", "198.51.100.2");
        MvcResult elsewhere = logIn(new MockHttpSession(), "operator", "operator", "198.51.100.22");

        assertThat(throttled.getResponse().getRedirectedUrl()).contains("/login?error");
        assertThat(loginPageMessage(throttled)).startsWith("Too many login attempts from your address");
        assertThat(elsewhere.getResponse().getRedirectedUrl()).doesNotContain("error");
    }

    @Test
    void disablingSomeoneEndsTheirOpenSessionAtOnce() throws Exception {
        MockHttpSession samsBrowser = new MockHttpSession();
        assertThat(logIn(samsBrowser, "sam", "sam", "198.51.100.3").getResponse().getRedirectedUrl()).doesNotContain("error");
        assertThat(mvc.perform(callback().session(samsBrowser)).andReturn().getResponse().getStatus())
                .as("sam, an operator, is in: refused the admins' OAuth callback, not sent to log in").isEqualTo(403);
        UserSummary sam = person("sam");
        UserSummary admin = person("admin");
        Actor byAdmin = new Actor(admin.id(), admin.username(), admin.displayName(), "198.51.100.30");

        UserSummary disabled = users.setEnabled(sam.id(), sam.version(), false, byAdmin);
        try {
            MvcResult next = mvc.perform(callback().session(samsBrowser)).andReturn();

            assertThat(next.getResponse().getRedirectedUrl()).endsWith("/login");
            assertThat(openSessions.countOpen("sam")).isZero();
            assertThat(auditTrail.find(new AuditQuery("sam", AuditKind.SESSION_ENDED, null, null), 0, 10)).hasSize(1);
            assertThat(logIn(new MockHttpSession(), "sam", "sam", "198.51.100.3").getResponse().getRedirectedUrl())
                    .as("a disabled person cannot log in again").contains("/login?error");
        } finally {
            users.setEnabled(sam.id(), disabled.version(), true, byAdmin);
        }
    }

    @Test
    void aLoginIsAuditedOnce() throws Exception {
        AuditQuery adminsLogins = new AuditQuery("admin", AuditKind.LOGIN_SUCCEEDED, null, null);
        long before = auditTrail.count(adminsLogins);

        MvcResult in = logIn(new MockHttpSession(), "admin", "admin", "198.51.100.5");

        assertThat(in.getResponse().getRedirectedUrl()).doesNotContain("error");
        assertThat(auditTrail.count(adminsLogins)).isEqualTo(before + 1);
    }

    @Test
    void aLogoutIsAuditedWithTheAddress() throws Exception {
        MockHttpSession browser = new MockHttpSession();
        logIn(browser, "operator", "operator", "198.51.100.4");

        mvc.perform(post("/logout").session(browser).with(csrf()).with(request -> {
            request.setRemoteAddr("198.51.100.4");
            return request;
        })).andReturn();

        assertThat(auditTrail.find(new AuditQuery("operator", AuditKind.LOGOUT, null, null), 0, 10))
                .anySatisfy(entry -> {
                    assertThat(entry.actor().address()).isEqualTo("198.51.100.4");
                    assertThat(entry.outcome()).isEqualTo(AuditOutcome.SUCCEEDED);
                });
    }

    /** A request any logged-in person gets an answer to (an operator: 403) and anyone else is sent to log in. */
    private static MockHttpServletRequestBuilder callback() {
        return get("/api/ringcentral/callback").param("code", "abc").param("state", "Zm9yZ2VkZm9yZ2VkZm9yZ2VkZm9yZ2VkZm9yZ2Vk");
    }

    private MvcResult logIn(MockHttpSession session, String username, String password, String address) throws Exception {
        return mvc.perform(post("/login").session(session).with(csrf()).with(request -> {
            request.setRemoteAddr(address);
            return request;
        }).param("username", username).param("password", password)).andReturn();
    }

    private List<AuditEntry> audit(String username) {
        return auditTrail.find(new AuditQuery(username, null, null, null), 0, 100).stream()
                .filter(entry -> entry.kind().name().startsWith("LOGIN"))
                .toList();
    }

    private UserSummary person(String username) {
        return users.list().stream().filter(user -> user.username().equals(username)).findFirst().orElseThrow();
    }

    private static String loginPageMessage(MvcResult result) {
        var session = result.getRequest().getSession(false);
        assertThat(session).isNotNull();
        return ((Exception) session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION)).getMessage();
    }
}
