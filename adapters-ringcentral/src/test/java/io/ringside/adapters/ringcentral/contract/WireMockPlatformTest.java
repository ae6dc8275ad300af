package io.ringside.adapters.ringcentral.contract;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.MatchResult;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.ringside.adapters.ringcentral.RingCentralJson;
import io.ringside.application.testing.MutableClock;
import io.ringside.domain.CodeVerifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract against WireMock, answering with RingCentral's JSON as its API reference documents it
 * ({@link RingCentralJson}). WireMock has no memory of its own, so a small script plays the platform:
 * every event (a consent, a call ringing, time passing, a token request landing) rewrites the stubs
 * from the script's state. Requests are observed as they are served, before the answer leaves,
 * so a rotation, a revocation or a restarted penalty is in the stubs before the adapter can send again.
 * RingCentral's numbers: access tokens 3600 s, a 10 s grace (counted here from the rotation), a 20 s
 * call-log delay, a 60 s penalty that restarts when called during it.
 */
class WireMockPlatformTest extends RingCentralPlatformContract {

    private static final String TOKEN = "/restapi/oauth/token";
    private static final String REVOKE = "/restapi/oauth/revoke";
    private static final String PRESENCE = "/restapi/v1.0/account/~/extension/~/presence";
    private static final String CALL_LOG = "/restapi/v1.0/account/~/call-log";
    private static final String EXTENSION_CALL_LOG = "/restapi/v1.0/account/~/extension/~/call-log";
    private static final String EXTENSIONS = "/restapi/v1.0/account/~/extension";
    private static final String HEAVY_PATHS = "/restapi/v1\\.0/account/[^/]+(/extension/[^/]+)?/(call-log|active-calls)(/.*)?";
    private static final String CLIENT_ID = "ringside-client-id";
    private static final String CLIENT_SECRET = "Sup3r-Secr3t-Client-Value";
    /** What {@link RingCentralJson#token} says in {@code expires_in}. */
    private static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofSeconds(3600);
    private static final Duration REFRESH_GRACE = Duration.ofSeconds(10);
    private static final Duration CALL_LOG_DELAY = Duration.ofSeconds(20);
    private static final Duration PENALTY = Duration.ofSeconds(60);
    private static final DateTimeFormatter WIRE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The script of the test now running; the listener is static, as the server is. */
    private static final AtomicReference<Script> running = new AtomicReference<>();

    @RegisterExtension
    static WireMockExtension ringCentral = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().extensions(new RequestsLanding()))
            .build();

    private final Script script = new Script(new MutableClock(Instant.parse("2026-11-22T18:30:00Z")));

    @BeforeEach
    void playThePlatform() {
        running.set(script);
        script.restub();
    }

    @AfterEach
    void stopPlaying() {
        running.set(null);
    }

    @Override
    String baseUrl() {
        return ringCentral.baseUrl();
    }

    @Override
    String clientId() {
        return CLIENT_ID;
    }

    @Override
    String clientSecret() {
        return CLIENT_SECRET;
    }

    @Override
    Clock clock() {
        return script.clock;
    }

    @Override
    void advance(Duration amount) {
        script.advance(amount);
    }

    /** The browser's part is the platform's own page: here the script checks the request and issues a code. */
    @Override
    String allowAccess(URI authorizeUrl) {
        assertThat(authorizeUrl.toString()).startsWith(ringCentral.baseUrl() + "/restapi/oauth/authorize?");
        assertThat(queryParameter(authorizeUrl, "response_type")).contains("code");
        assertThat(queryParameter(authorizeUrl, "client_id")).contains(CLIENT_ID);
        assertThat(queryParameter(authorizeUrl, "redirect_uri")).contains(REDIRECT_URI);
        assertThat(queryParameter(authorizeUrl, "code_challenge_method")).contains("S256");
        return script.issueCode(queryParameter(authorizeUrl, "code_challenge").orElseThrow());
    }

    @Override
    Duration accessTokenLifetime() {
        return ACCESS_TOKEN_LIFETIME;
    }

    @Override
    Duration refreshGrace() {
        return REFRESH_GRACE;
    }

    @Override
    Duration callLogDelay() {
        return CALL_LOG_DELAY;
    }

    @Override
    String ringCall(String number, String name) {
        return script.ring(number, name, true);
    }

    @Override
    String ringCallForColleague(String number, String name) {
        return script.ring(number, name, false);
    }

    @Override
    void answer(String callId) {
        script.answer(callId);
    }

    @Override
    void end(String callId) {
        script.end(callId);
    }

    @Override
    void failNextRequestsWith503(int count) {
        script.failNext(count);
    }

    @Override
    void expireAccessTokensEarly() {
        script.expireAccessTokens();
    }

    @Override
    Duration heavyBudgetUsedUpElsewhere() {
        script.useUpHeavyBudget();
        return PENALTY;
    }

    @Override
    void takeReadAccountsFromTheApp() {
        script.takeReadAccounts();
    }

    @Override
    long requestsSeen(Group group) {
        return switch (group) {
            case HEAVY -> ringCentral.findAll(getRequestedFor(urlPathMatching(HEAVY_PATHS))).size();
            case MEDIUM -> ringCentral.findAll(getRequestedFor(urlPathEqualTo(EXTENSIONS))).size();
            case LIGHT -> ringCentral.findAll(getRequestedFor(urlPathEqualTo(PRESENCE))).size();
            case AUTH -> ringCentral.findAll(postRequestedFor(urlPathMatching("/restapi/oauth/(token|revoke)"))).size();
        };
    }

    /** Tells the running script about each request just before WireMock sends its answer. */
    public static final class RequestsLanding implements ServeEventListener {

        @Override
        public String getName() {
            return "ringcentral-script";
        }

        @Override
        public void beforeResponseSent(ServeEvent serveEvent, Parameters parameters) {
            Script script = running.get();
            if (script != null) {
                script.served(serveEvent.getRequest());
            }
        }
    }

    /** The platform's state, and the stubs that show it. */
    private static final class Script {

        private final MutableClock clock;
        private int serial;
        /** Unused codes: the PKCE challenge each was issued for, and the session it starts. */
        private final Map<String, Code> codes = new HashMap<>();
        private final List<Session> sessions = new ArrayList<>();
        private final Map<String, Call> calls = new LinkedHashMap<>();
        private boolean heavyBudgetUsedUp;
        /** Requests still to be answered 503, whatever they ask. */
        private int failuresPlanned;
        private Instant heavyPenaltyUntil;
        private boolean readAccountsTaken;

        Script(MutableClock clock) {
            this.clock = clock;
        }

        /** One authorization of the app by the user, through its refreshes. */
        private final class Session {
            String access;
            String refresh;
            Instant issuedAt;
            String previousRefresh;
            Instant rotatedAt;
            String nextAccess;
            String nextRefresh;
            boolean revoked;

            Session(Instant now) {
                access = token("access");
                refresh = token("refresh");
                issuedAt = now;
            }

            void prepareNext() {
                if (nextAccess == null) {
                    nextAccess = token("access");
                    nextRefresh = token("refresh");
                }
            }

            void rotate(Instant now) {
                prepareNext();
                previousRefresh = refresh;
                rotatedAt = now;
                access = nextAccess;
                refresh = nextRefresh;
                issuedAt = now;
                nextAccess = null;
                nextRefresh = null;
            }

            boolean holds(String token) {
                return token.equals(access) || token.equals(refresh) || token.equals(previousRefresh);
            }
        }

        private record Code(String challenge, Session session) {
        }

        private static final class Call {
            final String id;
            final String number;
            final String name;
            final Instant startTime;
            /** To the connected user's extension (else a colleague's): only those show in presence and the extension call log. */
            final boolean toConnectedUser;
            String telephonyStatus = "Ringing";
            boolean answered;
            Instant endedAt;

            Call(String id, String number, String name, Instant startTime, boolean toConnectedUser) {
                this.id = id;
                this.toConnectedUser = toConnectedUser;
                this.number = number;
                this.name = name;
                this.startTime = startTime;
            }

            String telephonySessionId() {
                return "s-a0d7a4b3c8f2bz1869b5d1f5cz5d9a" + id;
            }
        }

        synchronized String issueCode(String challenge) {
            String code = "U0pDMDFQMDRQQVMwMHxBQUFfQ29kZV8" + ++serial;
            codes.put(code, new Code(challenge, new Session(clock.instant())));
            restub();
            return code;
        }

        synchronized String ring(String number, String name, boolean toConnectedUser) {
            String id = "Y3s6VXbuGwfXz" + ++serial;
            calls.put(id, new Call(id, number, name, clock.instant(), toConnectedUser));
            restub();
            return id;
        }

        synchronized void answer(String id) {
            Call call = calls.get(id);
            call.telephonyStatus = "CallConnected";
            call.answered = true;
            restub();
        }

        synchronized void end(String id) {
            Call call = calls.get(id);
            call.telephonyStatus = "NoCall";
            call.endedAt = clock.instant();
            restub();
        }

        synchronized void advance(Duration amount) {
            clock.advance(amount);
            restub();
        }

        synchronized void failNext(int count) {
            failuresPlanned = count;
            restub();
        }

        synchronized void expireAccessTokens() {
            sessions.forEach(session -> session.issuedAt = clock.instant().minus(ACCESS_TOKEN_LIFETIME));
            restub();
        }

        synchronized void takeReadAccounts() {
            readAccountsTaken = true;
            restub();
        }

        synchronized void useUpHeavyBudget() {
            heavyBudgetUsedUp = true;
            restub();
        }

        /** A request landed: what it changes on the platform, decided as the stubs decided its answer. */
        synchronized void served(Request request) {
            String path = URI.create(request.getUrl()).getPath();
            Instant now = clock.instant();
            Map<String, String> form = "POST".equals(request.getMethod().getName()) ? form(request.getBodyAsString()) : Map.of();
            if (failuresPlanned > 0) {
                // Answered 503 by the outage stub: nothing happened on the platform.
                failuresPlanned--;
            } else if (path.equals(TOKEN) && "authorization_code".equals(form.get("grant_type"))) {
                // Single use: gone after the first attempt, good or bad.
                Code code = codes.remove(form.getOrDefault("code", ""));
                if (code != null && verifierMatches(code.challenge(), form.get("code_verifier"))
                        && REDIRECT_URI.equals(form.get("redirect_uri"))) {
                    code.session().issuedAt = now;
                    sessions.add(code.session());
                }
            } else if (path.equals(TOKEN) && "refresh_token".equals(form.get("grant_type"))) {
                String refreshToken = form.getOrDefault("refresh_token", "");
                sessions.stream().filter(s -> !s.revoked && refreshToken.equals(s.refresh)).findFirst()
                        .ifPresent(session -> session.rotate(now));
            } else if (path.equals(REVOKE)) {
                String token = form.getOrDefault("token", "");
                sessions.stream().filter(s -> s.holds(token)).forEach(s -> s.revoked = true);
            } else if (path.matches(HEAVY_PATHS) && heavyBlocked(now)) {
                // RingCentral restarts the penalty when called during it.
                heavyBudgetUsedUp = false;
                heavyPenaltyUntil = now.plus(PENALTY);
            }
            restub();
        }

        private boolean heavyBlocked(Instant now) {
            return heavyBudgetUsedUp || (heavyPenaltyUntil != null && now.isBefore(heavyPenaltyUntil));
        }

        synchronized void restub() {
            Instant now = clock.instant();
            ringCentral.resetMappings();

            // What RingCentral answers to what it does not know.
            ringCentral.stubFor(post(urlPathEqualTo(TOKEN)).atPriority(9).withFormParam("grant_type", equalTo("authorization_code"))
                    .willReturn(oauthError("OAU-106", "Authorization code is invalid or was already used")));
            ringCentral.stubFor(post(urlPathEqualTo(TOKEN)).atPriority(9).withFormParam("grant_type", equalTo("refresh_token"))
                    .willReturn(oauthError("OAU-211", "Token not found")));
            ringCentral.stubFor(post(urlPathEqualTo(REVOKE)).atPriority(9).willReturn(aResponse().withStatus(200)));
            ringCentral.stubFor(get(urlPathMatching("/restapi/v1\\.0/.*")).atPriority(9)
                    .willReturn(apiError(401, "OAU-213", "Token not found")));

            // Codes not used yet: good with the verifier of their challenge and the registered redirect URI.
            codes.forEach((code, issued) -> ringCentral.stubFor(tokenRequest("authorization_code")
                    .withFormParam("code", equalTo(code))
                    .withFormParam("redirect_uri", equalTo(REDIRECT_URI))
                    .andMatching(request -> MatchResult.of(verifierMatches(issued.challenge(), form(request.getBodyAsString()).get("code_verifier"))))
                    .willReturn(okJson(RingCentralJson.token(issued.session().access, issued.session().refresh)))));

            for (Session session : sessions) {
                if (session.revoked) {
                    continue;
                }
                session.prepareNext();
                ringCentral.stubFor(tokenRequest("refresh_token").withFormParam("refresh_token", equalTo(session.refresh))
                        .willReturn(okJson(RingCentralJson.token(session.nextAccess, session.nextRefresh))));
                if (session.previousRefresh != null && now.isBefore(session.rotatedAt.plus(REFRESH_GRACE))) {
                    ringCentral.stubFor(tokenRequest("refresh_token").withFormParam("refresh_token", equalTo(session.previousRefresh))
                            .willReturn(okJson(RingCentralJson.token(session.access, session.refresh))));
                }
                String bearer = "Bearer " + session.access;
                if (!now.isBefore(session.issuedAt.plus(ACCESS_TOKEN_LIFETIME))) {
                    ringCentral.stubFor(get(urlPathMatching("/restapi/v1\\.0/.*")).atPriority(5)
                            .withHeader("Authorization", equalTo(bearer))
                            .willReturn(apiError(401, "OAU-128", "Access token expired")));
                    continue;
                }
                ringCentral.stubFor(get(urlPathEqualTo(PRESENCE)).atPriority(5).withHeader("Authorization", equalTo(bearer))
                        .withQueryParam("detailedTelephonyState", equalTo("true"))
                        .willReturn(okJson(presence()).withHeader("X-Rate-Limit-Group", "Light")));
                stubCallLog(bearer, now);
                stubExtensions(bearer);
            }

            if (failuresPlanned > 0) {
                ringCentral.stubFor(any(anyUrl()).atPriority(0)
                        .willReturn(apiError(503, "CMN-211", "Service temporarily unavailable")));
            }
            if (heavyBlocked(now)) {
                ringCentral.stubFor(get(urlPathMatching(HEAVY_PATHS)).atPriority(1)
                        .willReturn(apiError(429, "CMN-301", "Request rate exceeded")
                                .withHeader("Retry-After", Long.toString(PENALTY.toSeconds()))
                                .withHeader("X-Rate-Limit-Group", "Heavy")
                                .withHeader("X-Rate-Limit-Limit", "10")
                                .withHeader("X-Rate-Limit-Remaining", "0")
                                .withHeader("X-Rate-Limit-Window", "60")));
            }
        }

        private String presence() {
            List<Call> live = calls.values().stream().filter(call -> call.endedAt == null && call.toConnectedUser).toList().reversed();
            String overall = live.stream().anyMatch(call -> call.telephonyStatus.equals("Ringing")) ? "Ringing"
                    : live.isEmpty() ? "NoCall" : "CallConnected";
            return RingCentralJson.presence(overall, live.stream().map(Script::activeCall).toArray(String[]::new));
        }

        /**
         * The call log, newest first: on one page for the adapter's default page size (100), and in pages
         * of {@link #PAGE_SIZE} linked by {@code navigation.nextPage} (an absolute link on RingCentral's
         * host with the account's numeric id, as RingCentral writes them) when that size is asked for.
         */
        private void stubCallLog(String bearer, Instant now) {
            List<Call> logged = calls.values().stream()
                    .filter(call -> call.endedAt != null && !call.endedAt.plus(CALL_LOG_DELAY).isAfter(now))
                    .toList().reversed();
            List<String> records = logged.stream().map(Script::callLogRecord).toList();
            ringCentral.stubFor(get(urlPathEqualTo(EXTENSION_CALL_LOG)).atPriority(5).withHeader("Authorization", equalTo(bearer))
                    .willReturn(okJson(RingCentralJson.callLogPage(1, null, logged.stream().filter(call -> call.toConnectedUser)
                            .map(Script::callLogRecord).toArray(String[]::new))).withHeader("X-Rate-Limit-Group", "Heavy")));
            ringCentral.stubFor(get(urlPathEqualTo(CALL_LOG)).atPriority(5).withHeader("Authorization", equalTo(bearer))
                    .willReturn(okJson(RingCentralJson.callLogPage(1, null, records.toArray(String[]::new)))
                            .withHeader("X-Rate-Limit-Group", "Heavy")));
            int pages = Math.max(1, (records.size() + PAGE_SIZE - 1) / PAGE_SIZE);
            for (int page = 1; page <= pages; page++) {
                String next = page == pages ? null
                        : "https://platform.ringcentral.com/restapi/v1.0/account/403391985008/call-log?direction=Inbound&type=Voice"
                        + "&view=Simple&page=" + (page + 1) + "&perPage=" + PAGE_SIZE;
                String[] onPage = records.subList((page - 1) * PAGE_SIZE, Math.min(page * PAGE_SIZE, records.size())).toArray(String[]::new);
                ringCentral.stubFor(get(urlPathMatching("/restapi/v1\\.0/account/[^/]+/call-log")).atPriority(4)
                        .withHeader("Authorization", equalTo(bearer))
                        .withQueryParam("perPage", equalTo(Integer.toString(PAGE_SIZE)))
                        .withQueryParam("page", page == 1 ? absent() : equalTo(Integer.toString(page)))
                        .willReturn(okJson(RingCentralJson.callLogPage(page, next, onPage)).withHeader("X-Rate-Limit-Group", "Heavy")));
            }
        }

        /**
         * The company's extensions as RingCentral lists them (in id order, not by number): the enabled users
         * when asked for {@code status=Enabled&type=User}, and a 403 CMN-401 once ReadAccounts is taken.
         */
        private void stubExtensions(String bearer) {
            if (readAccountsTaken) {
                ringCentral.stubFor(get(urlPathEqualTo(EXTENSIONS)).atPriority(4).withHeader("Authorization", equalTo(bearer))
                        .willReturn(apiError(403, "CMN-401",
                                "In order to call this API endpoint, application needs to have [ReadAccounts] permission")));
                return;
            }
            ringCentral.stubFor(get(urlPathEqualTo(EXTENSIONS)).atPriority(5).withHeader("Authorization", equalTo(bearer))
                    .withQueryParam("status", equalTo("Enabled"))
                    .withQueryParam("type", equalTo("User"))
                    .willReturn(okJson("""
                            {
                              "uri" : "https://platform.ringcentral.com/restapi/v1.0/account/403391985008/extension?status=Enabled&type=User&page=1&perPage=1000",
                              "records" : [ %s, %s, %s, %s, %s ],
                              "paging" : { "page" : 1, "totalPages" : 1, "perPage" : 1000, "totalElements" : 5, "pageStart" : 0, "pageEnd" : 4 },
                              "navigation" : {
                                "firstPage" : { "uri" : "https://platform.ringcentral.com/restapi/v1.0/account/403391985008/extension?status=Enabled&type=User&page=1&perPage=1000" },
                                "lastPage" : { "uri" : "https://platform.ringcentral.com/restapi/v1.0/account/403391985008/extension?status=Enabled&type=User&page=1&perPage=1000" }
                              }
                            }""".formatted(extension(400130234001L, "101", "Alex", "Morgan"), extension(400130234002L, "105", "Alex", "Kim"),
                            extension(400130234003L, "103", "Jordan", "Lee"), extension(400130234004L, "102", "Sam", "Rivera"),
                            extension(400130234005L, "104", "Maria", "Lopez"))).withHeader("X-Rate-Limit-Group", "Medium")));
        }

        private static String extension(long id, String number, String firstName, String lastName) {
            return """
                    { "id" : %d, "uri" : "https://platform.ringcentral.com/restapi/v1.0/account/403391985008/extension/%d",
                      "extensionNumber" : "%s", "name" : "%s %s", "type" : "User", "status" : "Enabled",
                      "contact" : { "firstName" : "%s", "lastName" : "%s" }, "hidden" : false }""".formatted(
                    id, id, number, firstName, lastName, firstName, lastName);
        }

        private static String callLogRecord(Call call) {
            return RingCentralJson.callLogRecord(call.id, WIRE_TIME.format(call.startTime), call.answered ? "Accepted" : "Missed",
                    callLogParty(call));
        }

        /** Presence's {@code ActiveCallInfo}: the caller as a bare string (number, else extension), the name beside it. */
        private static String activeCall(Call call) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", call.id);
            json.put("direction", "Inbound");
            if (call.number != null) {
                json.put("from", call.number);
            }
            if (call.name != null) {
                json.put("fromName", call.name);
            }
            json.put("to", "+16505550100");
            json.put("toName", "Front Desk");
            json.put("startTime", WIRE_TIME.format(call.startTime));
            json.put("telephonyStatus", call.telephonyStatus);
            json.put("sessionId", "460337000" + call.id);
            json.put("telephonySessionId", call.telephonySessionId());
            json.put("partyId", "p-" + call.telephonySessionId().substring(2) + "-1");
            json.put("terminationType", "final");
            json.put("queueCall", false);
            return JSON.writeValueAsString(json);
        }

        /** The call log's {@code CallLogCallerInfo}: an internal caller by extension number, an anonymous one with no number. */
        private static String callLogParty(Call call) {
            Map<String, Object> json = new LinkedHashMap<>();
            if (call.number != null && call.number.matches("\\d{2,5}")) {
                json.put("extensionNumber", call.number);
            } else if (call.number != null) {
                json.put("phoneNumber", call.number);
            }
            if (call.name != null) {
                json.put("name", call.name);
            }
            return JSON.writeValueAsString(json);
        }

        private String token(String kind) {
            return "U0pDMDFQMDRQQVMwMHxBQUF" + kind + "_" + ++serial + "_" + Long.toHexString(Double.doubleToLongBits(Math.random()));
        }

        private static MappingBuilder tokenRequest(String grantType) {
            return post(urlPathEqualTo(TOKEN)).atPriority(1)
                    .withBasicAuth(CLIENT_ID, CLIENT_SECRET)
                    .withFormParam("grant_type", equalTo(grantType));
        }

        private static ResponseDefinitionBuilder oauthError(String errorCode, String description) {
            return aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                    .withBody(RingCentralJson.oauthError("invalid_grant", errorCode, description));
        }

        private static ResponseDefinitionBuilder apiError(int status, String errorCode, String message) {
            return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                    .withBody(RingCentralJson.apiError(errorCode, message));
        }

        private static boolean verifierMatches(String challenge, String verifier) {
            try {
                return verifier != null && new CodeVerifier(verifier).s256Challenge().equals(challenge);
            } catch (IllegalArgumentException notAVerifier) {
                return false;
            }
        }

        private static Map<String, String> form(String body) {
            Map<String, String> form = new HashMap<>();
            if (body == null || body.isBlank()) {
                return form;
            }
            for (String pair : body.split("&")) {
                String[] kv = pair.split("=", 2);
                form.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
            return form;
        }
    }
}
