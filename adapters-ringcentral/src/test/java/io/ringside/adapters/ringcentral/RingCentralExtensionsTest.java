package io.ringside.adapters.ringcentral;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.ringside.application.port.out.AccessTokenRejectedException;
import io.ringside.application.port.out.ExtensionDirectory;
import io.ringside.application.port.out.RingCentralRateLimitedException;
import io.ringside.application.port.out.RingCentralRejectedException;
import io.ringside.application.port.out.RingCentralRejectedException.Reason;
import io.ringside.application.testing.MutableClock;
import io.ringside.domain.AccessToken;
import io.ringside.domain.Extension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.ringside.adapters.ringcentral.TestAdapters.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

/** The account's extension list ({@code listExtensions}) against WireMock answering in RingCentral's JSON. */
class RingCentralExtensionsTest {

    @RegisterExtension
    static WireMockExtension ringCentral = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String EXTENSIONS = "/restapi/v1.0/account/~/extension";
    /** Where RingCentral's own links point: its host and the account's numeric id. */
    private static final String ACCOUNT_EXTENSIONS = "/restapi/v1.0/account/403391985008/extension";
    private static final AccessToken TOKEN = new AccessToken("the-access-token", NOW.plusSeconds(3600));

    private final MutableClock clock = TestAdapters.clock();
    private RingCentralAdapter adapter;

    private ExtensionDirectory directory() {
        adapter = RingCentralAdapter.create(TestAdapters.settings(ringCentral.baseUrl()).build(), "US", clock);
        return adapter.extensions();
    }

    @AfterEach
    void close() {
        if (adapter != null) {
            adapter.close();
        }
    }

    @Test
    void asksForEnabledUsersInPagesOfAThousandAndFollowsTheNextPageOnTheConfiguredServer() {
        String pageTwo = "https://platform.ringcentral.com" + ACCOUNT_EXTENSIONS + "?status=Enabled&type=User&page=2&perPage=1000";
        ringCentral.stubFor(get(urlPathEqualTo(EXTENSIONS)).willReturn(okJson(page(1, 2, pageTwo,
                extension(62264425103L, "103", "Jordan Lee"),
                extension(62264425101L, "101", "Alex Morgan")))
                .withHeader("X-Rate-Limit-Group", "Medium")));
        ringCentral.stubFor(get(urlPathEqualTo(ACCOUNT_EXTENSIONS)).withQueryParam("page", equalTo("2"))
                .willReturn(okJson(page(2, 2, null,
                        extension(62264425102L, "102", "Sam Rivera")))));

        List<Extension> extensions = directory().extensions(TOKEN);

        assertThat(extensions).extracting(Extension::id, Extension::number, Extension::name).containsExactly(
                tuple("62264425101", "101", "Alex Morgan"),
                tuple("62264425102", "102", "Sam Rivera"),
                tuple("62264425103", "103", "Jordan Lee"));
        ringCentral.verify(1, getRequestedFor(urlPathEqualTo(EXTENSIONS))
                .withHeader("Authorization", equalTo("Bearer the-access-token"))
                .withQueryParam("status", equalTo("Enabled"))
                .withQueryParam("type", equalTo("User"))
                .withQueryParam("perPage", equalTo("1000"))
                .withQueryParam("page", absent()));
        ringCentral.verify(1, getRequestedFor(urlPathEqualTo(ACCOUNT_EXTENSIONS))
                .withHeader("Authorization", equalTo("Bearer the-access-token"))
                .withQueryParam("status", equalTo("Enabled"))
                .withQueryParam("type", equalTo("User"))
                .withQueryParam("page", equalTo("2")));
        assertThat(adapter.rateLimitState().of(RateLimitGroup.MEDIUM).sentInWindow()).isEqualTo(2);
    }

    @Test
    void ordersByExtensionNumberNumericallyThenOtherNumbersThenThoseWithout() {
        ringCentral.stubFor(get(urlPathEqualTo(EXTENSIONS)).willReturn(okJson(page(1, 1, null,
                extension(5L, "1001", "Dana"),
                extension(6L, null, "Unnumbered"),
                extension(1L, "205", "Eve"),
                extension(2L, "A7", "Lettered"),
                extension(3L, "99", "Bo"),
                extension(4L, "0100", "Zero-led")))));

        List<Extension> extensions = directory().extensions(TOKEN);

        assertThat(extensions).extracting(Extension::number).containsExactly("99", "0100", "205", "1001", "A7", null);
    }

    @Test
    void aRecordWithoutNameOrNumberKeepsItsIdAndOneWithoutAnIdIsLeftOut() {
        ringCentral.stubFor(get(urlPathEqualTo(EXTENSIONS)).willReturn(okJson(page(1, 1, null,
                """
                        { "id" : 62264425109, "uri" : "https://platform.ringcentral.com/restapi/v1.0/account/403391985008/extension/62264425109",
                          "type" : "User", "status" : "Enabled" }""",
                """
                        { "extensionNumber" : "110", "name" : "No Id", "type" : "User", "status" : "Enabled" }""",
                extension(62264425102L, "102", "Sam Rivera")))));

        List<Extension> extensions = directory().extensions(TOKEN);

        assertThat(extensions).containsExactly(new Extension("62264425102", "102", "Sam Rivera"),
                new Extension("62264425109", null, null));
        assertThat(extensions.get(1).label()).isEqualTo("62264425109");
    }

    @Test
    void disabledOnesAndCallQueuesAreLeftOutShouldTheServerIgnoreTheFilter() {
        ringCentral.stubFor(get(urlPathEqualTo(EXTENSIONS)).willReturn(okJson(page(1, 1, null,
                extension(62264425102L, "102", "Sam Rivera"),
                extension(62264425106L, "106", "Chris Walker", "User", "Disabled"),
                extension(62264425200L, "200", "Support Queue", "Department", "Enabled")))));

        assertThat(directory().extensions(TOKEN)).extracting(Extension::number).containsExactly("102");
    }

    @Test
    void anExtensionOnTwoPagesIsListedOnce() {
        String pageTwo = ringCentral.baseUrl() + EXTENSIONS + "?status=Enabled&type=User&page=2&perPage=1000";
        ringCentral.stubFor(get(urlPathEqualTo(EXTENSIONS)).withQueryParam("page", absent())
                .willReturn(okJson(page(1, 2, pageTwo, extension(62264425102L, "102", "Sam Rivera")))));
        ringCentral.stubFor(get(urlPathEqualTo(EXTENSIONS)).withQueryParam("page", equalTo("2"))
                .willReturn(okJson(page(2, 2, null, extension(62264425102L, "102", "Sam Rivera"),
                        extension(62264425103L, "103", "Jordan Lee")))));

        assertThat(directory().extensions(TOKEN)).extracting(Extension::number).containsExactly("102", "103");
    }

    @Test
    void pagesAreFollowedUpToTwentyAndTheLogSaysTheListWasCut() {
        String again = ringCentral.baseUrl() + EXTENSIONS + "?status=Enabled&type=User&page=2&perPage=1000";
        ringCentral.stubFor(get(urlPathEqualTo(EXTENSIONS)).willReturn(okJson(page(1, 99, again,
                extension(62264425102L, "102", "Sam Rivera")))));
        ListAppender<ILoggingEvent> logged = capture();
        try {
            assertThat(directory().extensions(TOKEN)).hasSize(1);
        } finally {
            ((Logger) LoggerFactory.getLogger(RingCentralExtensionDirectory.class)).detachAppender(logged);
        }

        ringCentral.verify(20, getRequestedFor(urlPathEqualTo(EXTENSIONS)));
        assertThat(logged.list).extracting(ILoggingEvent::getFormattedMessage)
                .anySatisfy(line -> assertThat(line).contains("more than 20 pages of 1000").contains("left out"));
    }

    @Test
    void aRejectedAccessTokenIsThePortsAccessTokenRejected() {
        ringCentral.stubFor(get(urlPathEqualTo(EXTENSIONS)).willReturn(error(401, "OAU-128", "Access token expired")));

        assertThatThrownBy(() -> directory().extensions(TOKEN)).isInstanceOf(AccessTokenRejectedException.class);
        ringCentral.verify(1, getRequestedFor(urlPathEqualTo(EXTENSIONS)));
    }

    @Test
    void anAppWithoutReadAccountsIsToldWhichPermissionToAdd() {
        ringCentral.stubFor(get(urlPathEqualTo(EXTENSIONS)).willReturn(error(403, "CMN-401",
                "In order to call this API endpoint, application needs to have [ReadAccounts] permission")));

        assertThatThrownBy(() -> directory().extensions(TOKEN))
                .asInstanceOf(type(RingCentralRejectedException.class))
                .satisfies(refused -> {
                    assertThat(refused.reason()).isEqualTo(Reason.MISSING_PERMISSION);
                    assertThat(refused.errorCode()).isEqualTo("CMN-401");
                    assertThat(refused.getMessage())
                            .startsWith("RingCentral refused the extension list request")
                            .contains("lacks the ReadAccounts permission")
                            .contains("add Read Accounts to the app's permissions in RingCentral's developer console")
                            .contains("connect RingCentral again");
                });
        // A refusal is not retried.
        ringCentral.verify(1, getRequestedFor(urlPathEqualTo(EXTENSIONS)));
    }

    @Test
    void aUserWhoMayNotSeeTheExtensionsIsToldToConnectAsAnAdministrator() {
        ringCentral.stubFor(get(urlPathEqualTo(EXTENSIONS)).willReturn(error(403, "CMN-408",
                "In order to call this API endpoint, user needs to have [ReadExtensions] permission for requested resource.")));

        assertThatThrownBy(() -> directory().extensions(TOKEN))
                .asInstanceOf(type(RingCentralRejectedException.class))
                .satisfies(refused -> {
                    assertThat(refused.reason()).isEqualTo(Reason.MISSING_PERMISSION);
                    assertThat(refused.getMessage()).contains("ReadExtensions").contains("connect RingCentral as an administrator");
                });
    }

    @Test
    void a429BlocksTheMediumGroupForRetryAfterWithoutAnotherRequest() {
        ringCentral.stubFor(get(urlPathEqualTo(EXTENSIONS)).willReturn(error(429, "CMN-301", "Request rate exceeded")
                .withHeader("Retry-After", "30")
                .withHeader("X-Rate-Limit-Group", "Medium")));
        ExtensionDirectory directory = directory();

        assertThatThrownBy(() -> directory.extensions(TOKEN))
                .asInstanceOf(type(RingCentralRateLimitedException.class))
                .satisfies(limited -> {
                    assertThat(limited.group()).isEqualTo("Medium");
                    assertThat(limited.until()).isEqualTo(NOW.plusSeconds(30));
                });
        // Held back here until the penalty ends: RingCentral restarts it when called during it.
        assertThatThrownBy(() -> directory.extensions(TOKEN)).isInstanceOf(RingCentralRateLimitedException.class);
        ringCentral.verify(1, anyRequestedFor(anyUrl()));
        assertThat(adapter.rateLimitState().of(RateLimitGroup.HEAVY).blockedUntil()).isNull();
    }

    @Test
    void aPassingOutageIsRiddenOutByRetrying() {
        ringCentral.stubFor(get(urlPathEqualTo(EXTENSIONS)).inScenario("outage").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(error(503, "CMN-211", "Service temporarily unavailable")).willSetStateTo("back"));
        ringCentral.stubFor(get(urlPathEqualTo(EXTENSIONS)).inScenario("outage").whenScenarioStateIs("back")
                .willReturn(okJson(page(1, 1, null, extension(62264425102L, "102", "Sam Rivera")))));

        assertThat(directory().extensions(TOKEN)).extracting(Extension::number).containsExactly("102");
        ringCentral.verify(2, getRequestedFor(urlPathEqualTo(EXTENSIONS)));
    }

    // ---- RingCentral's JSON (GetExtensionListResponse) ------------------------------------------------

    private static String page(int page, int totalPages, String nextPage, String... records) {
        String base = "https://platform.ringcentral.com" + ACCOUNT_EXTENSIONS + "?status=Enabled&type=User&perPage=1000";
        return """
                {
                  "uri" : "%s&page=%d",
                  "records" : [ %s ],
                  "paging" : { "page" : %d, "totalPages" : %d, "perPage" : 1000, "totalElements" : %d, "pageStart" : 0, "pageEnd" : %d },
                  "navigation" : {
                    "firstPage" : { "uri" : "%s&page=1" },
                    %s
                    "lastPage" : { "uri" : "%s&page=%d" }
                  }
                }""".formatted(base, page, Arrays.stream(records).collect(Collectors.joining(", ")), page, totalPages,
                records.length, Math.max(records.length - 1, 0), base,
                nextPage == null ? "" : "\"nextPage\" : { \"uri\" : \"" + nextPage + "\" },", base, totalPages);
    }

    private static String extension(long id, String number, String name) {
        return extension(id, number, name, "User", "Enabled");
    }

    private static String extension(long id, String number, String name, String type, String status) {
        String[] names = name.split(" ", 2);
        return """
                {
                  "id" : %d,
                  "uri" : "https://platform.ringcentral.com/restapi/v1.0/account/403391985008/extension/%d",
                  "contact" : { "firstName" : "%s", "lastName" : "%s", "email" : "someone@example.com", "emailAsLoginName" : true },
                  %s
                  "name" : "%s",
                  "type" : "%s",
                  "status" : "%s",
                  "permissions" : { "admin" : { "enabled" : false }, "internationalCalling" : { "enabled" : false } },
                  "profileImage" : { "uri" : "https://platform.ringcentral.com/restapi/v1.0/account/403391985008/extension/%d/profile-image" },
                  "hidden" : false
                }""".formatted(id, id, names[0], names.length > 1 ? names[1] : "",
                number == null ? "" : "\"extensionNumber\" : \"" + number + "\",", name, type, status, id);
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder error(int status, String code, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody(RingCentralJson.apiError(code, message));
    }

    private static ListAppender<ILoggingEvent> capture() {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        ((Logger) LoggerFactory.getLogger(RingCentralExtensionDirectory.class)).addAppender(appender);
        return appender;
    }
}
