package io.ringside.adapters.ringcentral.contract;

import io.ringside.adapters.ringcentral.CallLogScope;
import io.ringside.adapters.ringcentral.RingCentralAdapter;
import io.ringside.adapters.ringcentral.RingCentralSettings;
import io.ringside.application.port.out.AccessTokenRejectedException;
import io.ringside.application.port.out.RingCentralAuthorization;
import io.ringside.application.port.out.RingCentralCalls;
import io.ringside.application.port.out.RingCentralRateLimitedException;
import io.ringside.application.port.out.RingCentralRejectedException;
import io.ringside.application.port.out.RingCentralRejectedException.Reason;
import io.ringside.application.port.out.RingCentralUnavailableException;
import io.ringside.domain.AccessToken;
import io.ringside.domain.CallState;
import io.ringside.domain.Caller;
import io.ringside.domain.CodeVerifier;
import io.ringside.domain.Direction;
import io.ringside.domain.Extension;
import io.ringside.domain.InboundCall;
import io.ringside.domain.IssuedTokens;
import io.ringside.domain.PhoneNumber;
import io.ringside.domain.UnusableCallerId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

/**
 * The adapter's scenarios, written once against an abstract RingCentral <em>platform</em> and run
 * against two peers: WireMock answering with RingCentral's documented JSON ({@link WireMockPlatformTest})
 * and the stand-in platform of {@code ringcentral-simulator} on a real port ({@link SimulatorPlatformTest}).
 * Only what both can honestly play is here; what only a stub can stage (broken connections, slow or
 * malformed answers, odd headers) stays in the WireMock tests of {@code io.ringside.adapters.ringcentral}.
 *
 * <p>The peer and the adapter read one clock, which only the peer moves ({@link #advance}), so expiries,
 * graces, call-log delays and penalties are crossed without sleeping. Requests are counted at the peer,
 * never by the adapter's own counters.
 */
abstract class RingCentralPlatformContract {

    /** The redirect URI both peers accept for the app (the simulator accepts any absolute http(s) URI). */
    static final String REDIRECT_URI = "http://localhost:8080/api/ringcentral/callback";

    private static final SecureRandom RANDOM = new SecureRandom();
    /** The call-log page size of the paging scenario (the adapter's default, 100, is one page here). */
    static final int PAGE_SIZE = 2;

    /** RingCentral's request groups, as counted at the peer. */
    enum Group { HEAVY, MEDIUM, LIGHT, AUTH }

    // ---- the peer ------------------------------------------------------------------------------

    /** The server URL the adapter is configured with. */
    abstract String baseUrl();

    abstract String clientId();

    abstract String clientSecret();

    /** The peer's time, which the adapter reads too. */
    abstract Clock clock();

    /** Time passes on the platform (and so for the adapter). */
    abstract void advance(Duration amount);

    /**
     * A person opens the authorize URL in a browser and clicks Allow; returns the {@code code} the
     * browser brings back to the redirect URI (the peer checks the {@code state} comes back unchanged).
     */
    abstract String allowAccess(URI authorizeUrl);

    /** How long the platform's access tokens live ({@code expires_in}). */
    abstract Duration accessTokenLifetime();

    /** How long a rotated-out refresh token is still honoured with the same new pair. */
    abstract Duration refreshGrace();

    /** How long after a call ends it shows in the call log. */
    abstract Duration callLogDelay();

    /** A caller starts ringing the connected user's line; the number in any shape, null for anonymous. Returns the call's id. */
    abstract String ringCall(String number, String name);

    /** A caller starts ringing a colleague's extension (not the connected user's). Returns the call's id. */
    abstract String ringCallForColleague(String number, String name);

    abstract void answer(String callId);

    abstract void end(String callId);

    /** The platform answers the next {@code count} requests, whatever they are, with 503 (a passing outage). */
    abstract void failNextRequestsWith503(int count);

    /** The platform ends every access token's life now, before its {@code expires_in} (refresh tokens stay good). */
    abstract void expireAccessTokensEarly();

    /**
     * Another client of the same app and user (say, a second Ringside instance) uses up the Heavy group's
     * budget, so the platform's next Heavy request is answered 429. Returns the penalty the platform imposes.
     */
    abstract Duration heavyBudgetUsedUpElsewhere();

    /** Requests of the group that reached the peer so far (refused ones included). */
    abstract long requestsSeen(Group group);

    /** The app loses its ReadAccounts permission in RingCentral's developer console. */
    abstract void takeReadAccountsFromTheApp();

    // ---- the adapter -----------------------------------------------------------------------------

    RingCentralAdapter adapter;
    RingCentralAuthorization oauth;
    RingCentralCalls calls;

    @BeforeEach
    void createAdapter() {
        adapter = newAdapter();
        oauth = adapter.authorization();
        calls = adapter.calls();
    }

    @AfterEach
    void closeAdapter() {
        adapter.close();
    }

    /** The adapter as production builds it, with only the waiting made short. */
    RingCentralAdapter newAdapter() {
        return newAdapter(UnaryOperator.identity());
    }

    RingCentralAdapter newAdapter(UnaryOperator<RingCentralSettings.Builder> change) {
        return RingCentralAdapter.create(change.apply(RingCentralSettings.builder()
                .baseUrl(baseUrl())
                .clientId(clientId())
                .clientSecret(clientSecret())
                .redirectUri(REDIRECT_URI)
                .readTimeout(Duration.ofSeconds(10))
                .retryInitialBackoff(Duration.ofMillis(5))
                .retryMaxBackoff(Duration.ofMillis(20))).build(), "US", clock());
    }

    record Authorized(String code, CodeVerifier verifier) {
    }

    Authorized authorize() {
        CodeVerifier verifier = CodeVerifier.random(RANDOM);
        String code = allowAccess(oauth.authorizeUrl("state-" + RANDOM.nextLong(Long.MAX_VALUE), verifier.s256Challenge()));
        return new Authorized(code, verifier);
    }

    IssuedTokens connect() {
        Authorized authorized = authorize();
        return oauth.exchangeCode(authorized.code(), authorized.verifier());
    }

    // ---- OAuth ------------------------------------------------------------------------------------

    @Test
    void theCodeAPersonBringsBackBuysATokenPairWithItsExpiries() {
        Instant before = clock().instant();
        IssuedTokens tokens = connect();
        Instant after = clock().instant();

        assertThat(tokens.accessToken().value()).isNotBlank();
        assertThat(tokens.refreshToken().value()).isNotBlank().isNotEqualTo(tokens.accessToken().value());
        assertThat(tokens.accessToken().expiresAt()).isBetween(before.plus(accessTokenLifetime()), after.plus(accessTokenLifetime()));
        // RingCentral's refresh tokens live 7 days.
        assertThat(tokens.refreshToken().expiresAt()).isBetween(before.plus(Duration.ofDays(7)), after.plus(Duration.ofDays(7)));
        assertThat(tokens.refreshToken().issuedAt()).isBetween(before, after);
        assertThat(tokens.ownerId()).isNotBlank();
        assertThat(tokens.scope()).contains("ReadCallLog").contains("ReadPresence");
        // The access token is good for the API at once.
        assertThat(calls.liveCalls(tokens.accessToken())).isEmpty();
    }

    @Test
    void aCodeIsGoodForOneExchangeOnly() {
        Authorized authorized = authorize();
        oauth.exchangeCode(authorized.code(), authorized.verifier());

        assertThatThrownBy(() -> oauth.exchangeCode(authorized.code(), authorized.verifier()))
                .asInstanceOf(type(RingCentralRejectedException.class))
                .satisfies(rejected -> {
                    assertThat(rejected.reason()).isEqualTo(Reason.CODE_REJECTED);
                    assertThat(rejected.errorCode()).isEqualTo("OAU-106");
                });
    }

    @Test
    void aCodeRingCentralNeverIssuedIsRejected() {
        long authBefore = requestsSeen(Group.AUTH);

        assertThatThrownBy(() -> oauth.exchangeCode("not-a-code-from-ringcentral", CodeVerifier.random(RANDOM)))
                .asInstanceOf(type(RingCentralRejectedException.class))
                .satisfies(rejected -> {
                    assertThat(rejected.reason()).isEqualTo(Reason.CODE_REJECTED);
                    assertThat(rejected.errorCode()).isEqualTo("OAU-106");
                    assertThat(rejected.getMessage()).doesNotContain("not-a-code-from-ringcentral");
                });
        // A refusal is an answer: sent once, never again.
        assertThat(requestsSeen(Group.AUTH)).isEqualTo(authBefore + 1);
    }

    @Test
    void aCodeWithAnotherVerifierThanItsChallengeIsRejected() {
        Authorized authorized = authorize();

        assertThatThrownBy(() -> oauth.exchangeCode(authorized.code(), CodeVerifier.random(RANDOM)))
                .asInstanceOf(type(RingCentralRejectedException.class))
                .extracting(RingCentralRejectedException::reason).isEqualTo(Reason.CODE_REJECTED);
    }

    @Test
    void aRefreshRotatesThePairAndTheOldRefreshTokenDiesAfterTheGrace() {
        IssuedTokens first = connect();
        advance(Duration.ofMinutes(5));
        Instant refreshedAt = clock().instant();

        IssuedTokens second = oauth.refresh(first.refreshToken());

        assertThat(second.refreshToken().value()).isNotEqualTo(first.refreshToken().value());
        assertThat(second.accessToken().value()).isNotEqualTo(first.accessToken().value());
        assertThat(second.accessToken().expiresAt()).isAfterOrEqualTo(refreshedAt.plus(accessTokenLifetime()));
        assertThat(second.refreshToken().expiresAt()).isAfterOrEqualTo(refreshedAt.plus(Duration.ofDays(7)));
        // The new access token works (on RingCentral its first use starts the old refresh token's grace).
        assertThat(calls.liveCalls(second.accessToken())).isEmpty();

        // A repeat inside the grace gets the same new pair: two racing refreshers both survive.
        IssuedTokens repeated = oauth.refresh(first.refreshToken());
        assertThat(repeated.accessToken().value()).isEqualTo(second.accessToken().value());
        assertThat(repeated.refreshToken().value()).isEqualTo(second.refreshToken().value());

        advance(refreshGrace().plusSeconds(1));
        long authBefore = requestsSeen(Group.AUTH);
        assertThatThrownBy(() -> oauth.refresh(first.refreshToken()))
                .asInstanceOf(type(RingCentralRejectedException.class))
                .satisfies(rejected -> {
                    assertThat(rejected.reason()).isEqualTo(Reason.INVALID_GRANT);
                    assertThat(rejected.getMessage()).doesNotContain(first.refreshToken().value());
                });
        // Never resent: a blind retry of a refresh can cost the connection.
        assertThat(requestsSeen(Group.AUTH)).isEqualTo(authBefore + 1);

        // The rotated-in refresh token is the one that lives on.
        IssuedTokens third = oauth.refresh(second.refreshToken());
        assertThat(third.refreshToken().value()).isNotEqualTo(second.refreshToken().value());
        assertThat(calls.liveCalls(third.accessToken())).isEmpty();
    }

    @Test
    void anAccessTokenPastItsExpiryIsRejectedAndARefreshedOneWorks() {
        IssuedTokens tokens = connect();
        assertThat(calls.liveCalls(tokens.accessToken())).isEmpty();

        advance(Duration.between(clock().instant(), tokens.accessToken().expiresAt()).plusSeconds(1));

        assertThatThrownBy(() -> calls.liveCalls(tokens.accessToken()))
                .asInstanceOf(type(AccessTokenRejectedException.class))
                .extracting(AccessTokenRejectedException::errorCode).isEqualTo("OAU-128");
        assertThatThrownBy(() -> calls.callLog(tokens.accessToken(), clock().instant().minus(Duration.ofHours(1))))
                .asInstanceOf(type(AccessTokenRejectedException.class))
                .extracting(AccessTokenRejectedException::errorCode).isEqualTo("OAU-128");

        IssuedTokens refreshed = oauth.refresh(tokens.refreshToken());
        assertThat(calls.liveCalls(refreshed.accessToken())).isEmpty();
    }

    @Test
    void anAccessTokenThePlatformExpiresEarlyIsRejectedThoughItsExpiryIsAhead() {
        IssuedTokens tokens = connect();
        assertThat(calls.liveCalls(tokens.accessToken())).isEmpty();

        expireAccessTokensEarly();

        assertThat(tokens.accessToken().expiresAt()).isAfter(clock().instant());
        assertThatThrownBy(() -> calls.liveCalls(tokens.accessToken()))
                .asInstanceOf(type(AccessTokenRejectedException.class))
                .extracting(AccessTokenRejectedException::errorCode).isEqualTo("OAU-128");
        assertThat(calls.liveCalls(oauth.refresh(tokens.refreshToken()).accessToken())).isEmpty();
    }

    @Test
    void revokingEndsTheSession() {
        IssuedTokens tokens = connect();
        assertThat(calls.liveCalls(tokens.accessToken())).isEmpty();

        oauth.revoke(tokens.refreshToken());

        assertThatThrownBy(() -> calls.liveCalls(tokens.accessToken())).isInstanceOf(AccessTokenRejectedException.class);
        assertThatThrownBy(() -> oauth.refresh(tokens.refreshToken()))
                .asInstanceOf(type(RingCentralRejectedException.class))
                .extracting(RingCentralRejectedException::reason).isEqualTo(Reason.INVALID_GRANT);
    }

    // ---- calls ------------------------------------------------------------------------------------

    @Test
    void aRingingCallerShowsAsRingingThenConnectedThenLeavesTheLiveList() {
        AccessToken token = connect().accessToken();
        Instant before = clock().instant().truncatedTo(ChronoUnit.MILLIS);
        String id = ringCall("+16025551234", "Ada Lovelace");
        Instant after = clock().instant();

        InboundCall ringing = only(calls.liveCalls(token), id);
        assertThat(ringing.state()).isEqualTo(CallState.RINGING);
        assertThat(ringing.from()).isEqualTo(new Caller(PhoneNumber.of("+16025551234"), "Ada Lovelace"));
        assertThat(ringing.direction()).isEqualTo(Direction.INBOUND);
        assertThat(ringing.startTime()).isBetween(before, after);
        assertThat(ringing.telephonySessionId()).isNotBlank();

        answer(id);
        InboundCall connected = only(calls.liveCalls(token), id);
        assertThat(connected.state()).isEqualTo(CallState.CONNECTED);
        assertThat(connected.from()).isEqualTo(ringing.from());
        assertThat(connected.telephonySessionId()).isEqualTo(ringing.telephonySessionId());

        end(id);
        assertThat(calls.liveCalls(token)).extracting(InboundCall::id).doesNotContain(id);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "+16025551234,   +16025551234",
            "16025559876,    +16025559876",
            "(602) 555-0188, +16025550188",
            "+442079460958,  +442079460958",
    })
    void everyShapeOfANumberComesBackInE164(String asDelivered, String e164) {
        AccessToken token = connect().accessToken();
        Instant since = clock().instant().minus(Duration.ofHours(1));
        String id = ringCall(asDelivered, "Grace Hopper");

        assertThat(only(calls.liveCalls(token), id).from()).isEqualTo(new Caller(PhoneNumber.of(e164), "Grace Hopper"));

        end(id);
        advance(callLogDelay().plusSeconds(1));
        assertThat(only(calls.callLog(token, since), id).from()).isEqualTo(new Caller(PhoneNumber.of(e164), "Grace Hopper"));
    }

    @Test
    void anEndedCallReachesTheCallLogOnlyAfterItEndedAndThePlatformsDelay() {
        AccessToken token = connect().accessToken();
        Instant since = clock().instant().minus(Duration.ofHours(1));
        String answered = ringCall("+16025551234", "Ada Lovelace");
        String missed = ringCall("+14155550199", "Alan Turing");
        InboundCall ringing = only(calls.liveCalls(token), answered);
        answer(answered);

        assertThat(calls.callLog(token, since)).extracting(InboundCall::id).doesNotContain(answered, missed);

        end(answered);
        end(missed);
        // Ended, but the call log has not caught up yet: RingCentral writes a record 15–30 s after the call.
        assertThat(calls.callLog(token, since)).extracting(InboundCall::id).doesNotContain(answered, missed);
        assertThat(calls.liveCalls(token)).extracting(InboundCall::id).doesNotContain(answered, missed);

        advance(callLogDelay().plusSeconds(1));
        List<InboundCall> log = calls.callLog(token, since);

        InboundCall ended = only(log, answered);
        assertThat(ended.state()).isEqualTo(CallState.ENDED);
        assertThat(ended.from()).isEqualTo(new Caller(PhoneNumber.of("+16025551234"), "Ada Lovelace"));
        assertThat(ended.direction()).isEqualTo(Direction.INBOUND);
        // The same phone call in presence and in the call log: one telephony session.
        assertThat(ended.telephonySessionId()).isEqualTo(ringing.telephonySessionId());
        assertThat(ended.dialledNumber()).isNotBlank().isEqualTo(ringing.dialledNumber());
        assertThat(ended.startTime()).isEqualTo(ringing.startTime());
        assertThat(ended.startTime()).isAfterOrEqualTo(since);

        InboundCall notAnswered = only(log, missed);
        assertThat(notAnswered.state()).isEqualTo(CallState.MISSED);
        assertThat(notAnswered.from()).isEqualTo(new Caller(PhoneNumber.of("+14155550199"), "Alan Turing"));
    }

    @Test
    void aCallLogLongerThanAPageIsReadPageByPageNewestFirst() {
        AccessToken token = connect().accessToken();
        Instant since = clock().instant().minus(Duration.ofHours(1));
        List<String> rung = new ArrayList<>();
        for (int call = 0; call < 5; call++) {
            String id = ringCall("+1602555010" + call, "Caller " + call);
            end(id);
            rung.addFirst(id);
            advance(Duration.ofSeconds(30));
        }
        long heavyBefore = requestsSeen(Group.HEAVY);

        List<InboundCall> log;
        try (RingCentralAdapter paging = newAdapter(settings -> settings.callLogPerPage(PAGE_SIZE))) {
            log = paging.calls().callLog(token, since);
        }

        assertThat(log).extracting(InboundCall::id).containsExactlyElementsOf(rung);
        assertThat(log.getFirst().from()).isEqualTo(new Caller(PhoneNumber.of("+16025550104"), "Caller 4"));
        // Five records, two a page: three requests, each reaching the platform.
        assertThat(requestsSeen(Group.HEAVY)).isEqualTo(heavyBefore + 3);
    }

    @Test
    void aCallToAColleagueShowsOnlyInTheCompanyCallLogAfterItEnds() {
        AccessToken token = connect().accessToken();
        Instant since = clock().instant().minus(Duration.ofHours(1));
        String mine = ringCall("+16025551234", "Ada Lovelace");
        String theirs = ringCallForColleague("+14155550199", "Alan Turing");

        // Presence is the connected user's extension only.
        assertThat(calls.liveCalls(token)).extracting(InboundCall::id).contains(mine).doesNotContain(theirs);

        end(mine);
        end(theirs);
        advance(callLogDelay().plusSeconds(1));
        assertThat(calls.callLog(token, since)).extracting(InboundCall::id).contains(mine, theirs);
        try (RingCentralAdapter extensionScope = newAdapter(settings -> settings.callLogScope(CallLogScope.EXTENSION))) {
            assertThat(extensionScope.calls().callLog(token, since)).extracting(InboundCall::id).contains(mine).doesNotContain(theirs);
        }
    }

    @Test
    void maskedAnonymousAndInternalCallersComeBackUnusableWithTheirReason() {
        AccessToken token = connect().accessToken();
        Instant since = clock().instant().minus(Duration.ofHours(1));
        String masked = ringCall("+1855201XXXX", null);
        String anonymous = ringCall(null, null);
        String internal = ringCall("102", "Sam Rivera");

        List<InboundCall> live = calls.liveCalls(token);
        assertThat(only(live, masked).from()).isEqualTo(UnusableCallerId.because(UnusableCallerId.Reason.MASKED));
        assertThat(only(live, anonymous).from()).isInstanceOf(UnusableCallerId.class)
                .extracting(party -> ((UnusableCallerId) party).reason()).isEqualTo(UnusableCallerId.Reason.ANONYMOUS);
        assertThat(only(live, internal).from()).isEqualTo(new UnusableCallerId(UnusableCallerId.Reason.INTERNAL_EXTENSION, "Sam Rivera"));

        end(masked);
        end(anonymous);
        end(internal);
        advance(callLogDelay().plusSeconds(1));
        List<InboundCall> log = calls.callLog(token, since);
        assertThat(only(log, masked).from()).isEqualTo(UnusableCallerId.because(UnusableCallerId.Reason.MASKED));
        assertThat(only(log, anonymous).from()).isInstanceOf(UnusableCallerId.class)
                .extracting(party -> ((UnusableCallerId) party).reason()).isEqualTo(UnusableCallerId.Reason.ANONYMOUS);
        assertThat(only(log, internal).from()).isEqualTo(new UnusableCallerId(UnusableCallerId.Reason.INTERNAL_EXTENSION, "Sam Rivera"));
    }

    // ---- the company's extensions ----------------------------------------------------------------------

    /**
     * Both peers' company: the connected user at 101 and four colleagues, plus a disabled user (106) and a
     * call queue (200) that are no one's desk and so are not listed.
     */
    @Test
    void theExtensionListHoldsTheCompanysEnabledUsersInNumberOrder() {
        AccessToken token = connect().accessToken();
        long mediumBefore = requestsSeen(Group.MEDIUM);

        List<Extension> extensions = adapter.extensions().extensions(token);

        assertThat(extensions).extracting(Extension::number, Extension::name).containsExactly(
                tuple("101", "Alex Morgan"),
                tuple("102", "Sam Rivera"),
                tuple("103", "Jordan Lee"),
                tuple("104", "Maria Lopez"),
                tuple("105", "Alex Kim"));
        assertThat(extensions).extracting(Extension::id).allSatisfy(id -> assertThat(id).matches("[0-9]+")).doesNotHaveDuplicates();
        assertThat(requestsSeen(Group.MEDIUM)).isEqualTo(mediumBefore + 1);
    }

    @Test
    void anAppWithoutReadAccountsGetsNoExtensionListAndIsToldWhatToAdd() {
        AccessToken token = connect().accessToken();
        takeReadAccountsFromTheApp();

        assertThatThrownBy(() -> adapter.extensions().extensions(token))
                .asInstanceOf(type(RingCentralRejectedException.class))
                .satisfies(refused -> {
                    assertThat(refused.reason()).isEqualTo(Reason.MISSING_PERMISSION);
                    assertThat(refused.errorCode()).isEqualTo("CMN-401");
                    assertThat(refused.getMessage()).contains("ReadAccounts").contains("developer console");
                });
    }

    // ---- rate limits --------------------------------------------------------------------------------

    @Test
    void a429OnTheHeavyGroupKeepsHeavyRequestsAwayForThePenaltyWhileLightOnesGoOn() {
        AccessToken token = connect().accessToken();
        Instant since = clock().instant().minus(Duration.ofHours(1));
        Duration penalty = heavyBudgetUsedUpElsewhere();
        long heavyBefore = requestsSeen(Group.HEAVY);
        long lightBefore = requestsSeen(Group.LIGHT);

        Instant before = clock().instant();
        assertThatThrownBy(() -> calls.callLog(token, since))
                .asInstanceOf(type(RingCentralRateLimitedException.class))
                .satisfies(limited -> {
                    assertThat(limited.group()).isEqualTo("Heavy");
                    assertThat(limited.until()).isBetween(before.plus(penalty), clock().instant().plus(penalty));
                });
        assertThat(requestsSeen(Group.HEAVY)).isEqualTo(heavyBefore + 1);

        // Inside the penalty nothing Heavy is sent: on RingCentral a request now would restart the penalty.
        advance(penalty.dividedBy(2));
        assertThatThrownBy(() -> calls.callLog(token, since)).isInstanceOf(RingCentralRateLimitedException.class);
        assertThat(requestsSeen(Group.HEAVY)).isEqualTo(heavyBefore + 1);

        // The Light group (presence) has its own budget and carries on.
        String id = ringCall("+16025551234", "Ada Lovelace");
        assertThat(calls.liveCalls(token)).extracting(InboundCall::id).contains(id);
        assertThat(requestsSeen(Group.LIGHT)).isEqualTo(lightBefore + 1);

        // After the penalty, Heavy requests go again and the platform answers them.
        advance(penalty.dividedBy(2).plusSeconds(1));
        assertThat(calls.callLog(token, since)).isNotNull();
        assertThat(requestsSeen(Group.HEAVY)).isEqualTo(heavyBefore + 2);
    }

    // ---- outages -----------------------------------------------------------------------------------

    @Test
    void aPassingOutageIsRiddenOutByRetryingTheGet() {
        AccessToken token = connect().accessToken();
        String id = ringCall("+16025551234", "Ada Lovelace");
        long lightBefore = requestsSeen(Group.LIGHT);
        failNextRequestsWith503(2);

        assertThat(calls.liveCalls(token)).extracting(InboundCall::id).containsExactly(id);
        assertThat(requestsSeen(Group.LIGHT)).isEqualTo(lightBefore + 3);
    }

    @Test
    void aTokenRequestMetByAnOutageIsNotResentAndItsRefreshTokenStaysGood() {
        IssuedTokens tokens = connect();
        long authBefore = requestsSeen(Group.AUTH);
        failNextRequestsWith503(1);

        assertThatThrownBy(() -> oauth.refresh(tokens.refreshToken())).isInstanceOf(RingCentralUnavailableException.class);
        assertThat(requestsSeen(Group.AUTH)).isEqualTo(authBefore + 1);

        // The platform never rotated: the same refresh token still buys a pair.
        assertThat(calls.liveCalls(oauth.refresh(tokens.refreshToken()).accessToken())).isEmpty();
    }

    // ---- helpers --------------------------------------------------------------------------------------

    static InboundCall only(List<InboundCall> calls, String id) {
        List<InboundCall> matching = calls.stream().filter(call -> call.id().equals(id)).toList();
        assertThat(matching).as("calls with id %s in %s", id, calls).hasSize(1);
        return matching.getFirst();
    }

    static Optional<String> queryParameter(URI uri, String name) {
        if (uri.getRawQuery() == null) {
            return Optional.empty();
        }
        for (String pair : uri.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            if (URLDecoder.decode(kv[0], StandardCharsets.UTF_8).equals(name)) {
                return Optional.of(kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return Optional.empty();
    }
}
