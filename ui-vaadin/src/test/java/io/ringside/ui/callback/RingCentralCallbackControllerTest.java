package io.ringside.ui.callback;

import io.ringside.application.port.in.ConnectOutcome;
import io.ringside.application.port.in.ConnectRingCentral;
import io.ringside.application.port.in.UserSummary;
import io.ringside.domain.Actor;
import io.ringside.domain.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** The OAuth callback through Spring MVC (standalone MockMvc, no context, no security chain). */
class RingCentralCallbackControllerTest {

    static final String STATE = "Zm9vYmFyYmF6cXV4cXV1eHF1dXpxdXV6cXV1eg";
    static final String CODE = "U0pDMDFQMTBQQVMwMHxBQUFOb3RBUmVhbENvZGU";
    static final Authentication ADMIN = UsernamePasswordAuthenticationToken.authenticated("ada", "n/a",
            AuthorityUtils.createAuthorityList("ROLE_ADMIN", "ROLE_OPERATOR"));
    static final Authentication OPERATOR = UsernamePasswordAuthenticationToken.authenticated("olivia", "n/a",
            AuthorityUtils.createAuthorityList("ROLE_OPERATOR"));

    /** Records calls; answers {@link #outcome}. */
    static class FakeConnect implements ConnectRingCentral {
        final List<String> calls = new ArrayList<>();
        final List<Actor> admins = new ArrayList<>();
        ConnectOutcome outcome = new ConnectOutcome.Connected("400123456");

        @Override
        public URI start(Actor admin) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ConnectOutcome complete(String state, String code, Actor admin) {
            calls.add("complete " + state + " " + code + " " + admin.username());
            admins.add(admin);
            return outcome;
        }

        @Override
        public ConnectOutcome decline(String state, String error, Actor admin) {
            calls.add("decline " + state + " " + error + " " + admin.username());
            admins.add(admin);
            return outcome;
        }
    }

    FakeConnect connect;
    MockMvc mvc;

    @BeforeEach
    void setUp() {
        connect = new FakeConnect();
        mvc = MockMvcBuilders.standaloneSetup(new RingCentralCallbackController(connect)).build();
    }

    private MvcResult call(Authentication user, MockHttpServletRequestBuilder request) throws Exception {
        if (user != null) {
            request.principal(user);
        }
        return mvc.perform(request).andReturn();
    }

    private MvcResult callback(String query) throws Exception {
        return call(ADMIN, get(RingCentralCallbackController.PATH + (query.isEmpty() ? "" : "?" + query)));
    }

    private static String body(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    /** Nothing from the request, and no stack trace, comes back. */
    private static void assertSafePage(MvcResult result, String... secrets) throws Exception {
        String body = body(result);
        assertThat(result.getResponse().getContentType()).startsWith("text/html");
        assertThat(result.getResponse().getHeader("Cache-Control")).contains("no-store");
        assertThat(body).startsWith("<!DOCTYPE html>").doesNotContain("Exception").doesNotContain("\tat ");
        for (String secret : secrets) {
            assertThat(body).doesNotContain(secret);
            assertThat(result.getResponse().getHeaderNames().stream().map(result.getResponse()::getHeader))
                    .noneMatch(value -> value != null && value.contains(secret));
        }
    }

    @Test
    void codeAndStateCompleteAsTheAdminAndRedirectToTheAdminPage() throws Exception {
        MvcResult result = callback("code=" + CODE + "&state=" + STATE);
        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/admin/ringcentral?connected");
        assertThat(connect.calls).containsExactly("complete " + STATE + " " + CODE + " ada");
        assertThat(result.getResponse().getRedirectedUrl()).doesNotContain(CODE).doesNotContain(STATE);
    }

    @Test
    void theAdminIsRecordedWithTheirAccountAndTheAddressTheRequestCameFrom() throws Exception {
        UUID id = UUID.randomUUID();
        UserSummary ada = new UserSummary(id, "ada", "Ada Lovelace", Role.ADMIN, null, true, false, null, false, 1);
        mvc = MockMvcBuilders.standaloneSetup(new RingCentralCallbackController(connect,
                username -> "ada".equals(username) ? Optional.of(ada) : Optional.empty())).build();

        call(ADMIN, get(RingCentralCallbackController.PATH + "?code=" + CODE + "&state=" + STATE)
                .with(request -> {
                    request.setRemoteAddr("198.51.100.4");
                    return request;
                }));

        assertThat(connect.admins).containsExactly(new Actor(id, "ada", "Ada Lovelace", "198.51.100.4"));
    }

    @Test
    void anAdminWithoutAnAccountToLookUpIsRecordedByUsername() throws Exception {
        callback("error=access_denied&state=" + STATE);

        assertThat(connect.admins).containsExactly(new Actor(null, "ada", "ada", "127.0.0.1"));
    }

    @Test
    void redirectKeepsTheContextPath() throws Exception {
        MvcResult result = call(ADMIN, get("/ringside" + RingCentralCallbackController.PATH + "?code=" + CODE + "&state=" + STATE)
                .contextPath("/ringside"));
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/ringside/admin/ringcentral?connected");
    }

    @Test
    void missingCodeIs400AndNothingIsCalled() throws Exception {
        MvcResult result = callback("state=" + STATE);
        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(result)).contains("Missing OAuth code");
        assertSafePage(result, STATE);
        assertThat(connect.calls).isEmpty();
    }

    @Test
    void emptyCodeIs400AndNothingIsCalled() throws Exception {
        MvcResult result = callback("code=&state=" + STATE);
        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(result)).contains("Missing OAuth code");
        assertThat(connect.calls).isEmpty();
    }

    @Test
    void missingStateIs400AndNothingIsCalled() throws Exception {
        MvcResult result = callback("code=" + CODE);
        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertSafePage(result, CODE);
        assertThat(connect.calls).isEmpty();
    }

    @Test
    void malformedStateIs400AndNothingIsCalled() throws Exception {
        for (String state : List.of("short", "has%20space" + STATE, "%3Cscript%3Ealert(1)%3C%2Fscript%3E" + STATE, "x".repeat(129))) {
            MvcResult result = callback("code=" + CODE + "&state=" + state);
            assertThat(result.getResponse().getStatus()).as(state).isEqualTo(400);
            assertSafePage(result, CODE, "<script>", "short");
        }
        assertThat(connect.calls).isEmpty();
    }

    @Test
    void unknownExpiredOrReusedStateIs400() throws Exception {
        connect.outcome = new ConnectOutcome.StateInvalid();
        MvcResult result = callback("code=" + CODE + "&state=" + STATE);
        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(result)).contains("not valid");
        assertSafePage(result, CODE, STATE);
    }

    @Test
    void declinedAccessIsAReadablePageWithAWayBackAndConsumesTheState() throws Exception {
        connect.outcome = new ConnectOutcome.AccessDenied("access_denied");
        MvcResult result = callback("error=access_denied&error_description=User+denied&state=" + STATE);
        assertThat(result.getResponse().getStatus()).isEqualTo(403);
        assertThat(body(result)).contains("You declined access").contains("href=\"/admin/ringcentral\"");
        assertSafePage(result, STATE, "User denied");
        assertThat(connect.calls).containsExactly("decline " + STATE + " access_denied ada");
    }

    @Test
    void errorWithoutValidStateIs400AndNothingIsCalled() throws Exception {
        MvcResult result = callback("error=access_denied");
        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(connect.calls).isEmpty();
    }

    @Test
    void codeAndErrorTogetherIs400() throws Exception {
        MvcResult result = callback("code=" + CODE + "&error=access_denied&state=" + STATE);
        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(connect.calls).isEmpty();
    }

    @Test
    void codeRejectedIs502WithARetryLink() throws Exception {
        connect.outcome = new ConnectOutcome.CodeRejected(ConnectOutcome.Refusal.CODE_EXPIRED);
        MvcResult result = callback("code=" + CODE + "&state=" + STATE);
        assertThat(result.getResponse().getStatus()).isEqualTo(502);
        assertThat(body(result)).contains("Try again").contains("href=\"/admin/ringcentral\"");
        assertSafePage(result, CODE, STATE);
    }

    @Test
    void unavailableIs503WithARetryLink() throws Exception {
        connect.outcome = new ConnectOutcome.Unavailable("connect timed out to 10.0.0.1");
        MvcResult result = callback("code=" + CODE + "&state=" + STATE);
        assertThat(result.getResponse().getStatus()).isEqualTo(503);
        assertThat(body(result)).contains("Try again");
        assertSafePage(result, CODE, STATE, "10.0.0.1");
    }

    @Test
    void aFailureInsideIsAPlainPageWithoutStackTrace() throws Exception {
        FakeConnect exploding = new FakeConnect() {
            @Override
            public ConnectOutcome complete(String state, String code, Actor admin) {
                throw new IllegalStateException("boom " + code);
            }
        };
        mvc = MockMvcBuilders.standaloneSetup(new RingCentralCallbackController(exploding)).build();
        MvcResult result = callback("code=" + CODE + "&state=" + STATE);
        assertThat(result.getResponse().getStatus()).isEqualTo(500);
        assertSafePage(result, CODE, STATE, "boom");
    }

    @Test
    void repeatedParametersAre400AndNothingIsCalled() throws Exception {
        for (String query : List.of("code=" + CODE + "&code=" + CODE + "&state=" + STATE,
                "code=" + CODE + "&state=" + STATE + "&state=" + STATE,
                "code=" + CODE + "&state=" + STATE + "&extra=1&extra=2")) {
            MvcResult result = callback(query);
            assertThat(result.getResponse().getStatus()).as(query).isEqualTo(400);
            assertSafePage(result, CODE, STATE);
        }
        assertThat(connect.calls).isEmpty();
    }

    @Test
    void oversizedParametersAre400AndNothingIsCalled() throws Exception {
        String huge = "A".repeat(RingCentralCallbackController.MAX_PARAMETER_LENGTH + 1);
        for (String query : List.of("code=" + huge + "&state=" + STATE, "code=" + CODE + "&state=" + STATE + "&note=" + huge,
                "code=" + CODE + "&state=" + STATE + "&" + huge + "=1")) {
            MvcResult result = callback(query);
            assertThat(result.getResponse().getStatus()).isEqualTo(400);
            assertSafePage(result, huge, CODE, STATE);
        }
        assertThat(connect.calls).isEmpty();
    }

    @Test
    void aCodeOfExactlyTheLimitIsAccepted() throws Exception {
        String longest = "A".repeat(RingCentralCallbackController.MAX_PARAMETER_LENGTH);
        MvcResult result = callback("code=" + longest + "&state=" + STATE);
        assertThat(result.getResponse().getStatus()).isEqualTo(302);
    }

    @Test
    void nonAdminsAreRefusedEvenPastTheSecurityChain() throws Exception {
        for (Authentication user : new Authentication[]{OPERATOR, null}) {
            MvcResult result = call(user, get(RingCentralCallbackController.PATH + "?code=" + CODE + "&state=" + STATE));
            assertThat(result.getResponse().getStatus()).isEqualTo(403);
            assertSafePage(result, CODE, STATE);
        }
        assertThat(connect.calls).isEmpty();
    }
}
