package io.ringside.simulator;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.ringside.simulator.PlatformClient.json;
import static org.assertj.core.api.Assertions.assertThat;

class CallLogTest extends SimulatorTestBase {

    private static final String USER_LOG = "/restapi/v1.0/account/~/extension/~/call-log";
    private static final String COMPANY_LOG = "/restapi/v1.0/account/~/call-log";

    private String token;

    @BeforeEach
    void connect() {
        token = connectedAccessToken();
    }

    @Test
    void anEndedCallAppearsOnlyAfterTheDelayAndALiveCallNever() {
        String ended = platform.startRingingCall("+16025551234", "Maria Garcia");
        platform.answer(ended);
        platform.end(ended);
        String ringing = platform.startRingingCall("+12125550147", "Dan Whitfield");
        String connected = platform.startRingingCall("+17205550110", "Grace Kim");
        platform.answer(connected);

        assertThat(ids(USER_LOG)).isEmpty();
        platform.advanceClock(Duration.ofSeconds(19));
        assertThat(ids(USER_LOG)).isEmpty();
        platform.advanceClock(Duration.ofSeconds(1));

        assertThat(ids(USER_LOG)).containsExactly(ended).doesNotContain(ringing, connected);
    }

    @Test
    void recordsCarryRingCentralsFieldsAndResults() {
        String answered = platform.startRingingCall("+16025551234", "Maria Garcia");
        platform.answer(answered);
        platform.advanceClock(Duration.ofSeconds(42));
        platform.end(answered);
        String missed = platform.startRingingCall("(312) 555-0112", "Chris Olsen");
        platform.end(missed);
        String voicemail = platform.startRingingCall("+1855201XXXX", null);
        platform.sendToVoicemail(voicemail);
        platform.advanceClock(Duration.ofSeconds(21));

        JsonNode log = json(client.get(USER_LOG + "?view=Simple&direction=Inbound&type=Voice", token));
        JsonNode first = record(log, answered);

        assertThat(first.get("uri").asString()).startsWith(client.base() + "/restapi/v1.0/account/");
        assertThat(first.get("sessionId").asString()).isNotBlank();
        assertThat(first.get("telephonySessionId").asString()).startsWith("s-");
        assertThat(Instant.parse(first.get("startTime").asString())).isNotNull();
        assertThat(first.get("duration").asLong()).isEqualTo(42);
        assertThat(first.get("type").asString()).isEqualTo("Voice");
        assertThat(first.get("direction").asString()).isEqualTo("Inbound");
        assertThat(first.get("action").asString()).isEqualTo("Phone Call");
        assertThat(first.get("result").asString()).isEqualTo("Accepted");
        assertThat(first.get("from").get("phoneNumber").asString()).isEqualTo("+16025551234");
        assertThat(first.get("from").get("name").asString()).isEqualTo("Maria Garcia");
        assertThat(first.get("from").get("location").asString()).isEqualTo("Phoenix, AZ");
        assertThat(first.get("to").get("phoneNumber").asString()).isEqualTo("+16505550100");
        assertThat(record(log, missed).get("result").asString()).isEqualTo("Missed");
        assertThat(record(log, missed).get("from").get("phoneNumber").asString()).isEqualTo("(312) 555-0112");
        assertThat(record(log, voicemail).get("result").asString()).isEqualTo("Voicemail");
        assertThat(record(log, voicemail).get("from").get("phoneNumber").asString()).isEqualTo("+1855201XXXX");
    }

    @Test
    void internalAndAnonymousCallersComeWithoutAPhoneNumber() {
        String internal = platform.startRingingCall("102", null);
        platform.end(internal);
        String anonymous = platform.startRingingCall(null, null);
        platform.end(anonymous);
        platform.advanceClock(Duration.ofSeconds(20));

        JsonNode log = json(client.get(USER_LOG, token));

        JsonNode fromColleague = record(log, internal).get("from");
        assertThat(fromColleague.has("phoneNumber")).isFalse();
        assertThat(fromColleague.get("extensionNumber").asString()).isEqualTo("102");
        assertThat(fromColleague.get("name").asString()).isEqualTo("Sam Rivera");
        assertThat(record(log, anonymous).get("from").has("phoneNumber")).isFalse();
    }

    @Test
    void withoutDateFromOnlyTheLast24HoursAreReturned() {
        String old = platform.startRingingCall("+16025551234", "Maria Garcia");
        platform.end(old);
        platform.advanceClock(Duration.ofHours(25));
        String recent = platform.startRingingCall("+12125550147", null);
        platform.end(recent);
        platform.advanceClock(Duration.ofSeconds(20));
        token = connectedAccessToken(); // a day later the first token has long expired

        assertThat(ids(USER_LOG)).containsExactly(recent);

        String twoDaysAgo = platform.clock().instant().minus(Duration.ofDays(2)).toString();
        assertThat(ids(USER_LOG + "?dateFrom=" + twoDaysAgo)).containsExactly(recent, old);
    }

    @Test
    void pagesLinkToEachOtherWithAbsoluteUris() {
        List<String> started = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String id = platform.startRingingCall("+1602555010" + i, null);
            platform.end(id);
            started.addFirst(id);
            platform.advanceClock(Duration.ofSeconds(1));
        }
        platform.advanceClock(Duration.ofSeconds(20));

        JsonNode page1 = json(client.get(USER_LOG + "?perPage=2", token));
        assertThat(page1.get("paging").get("page").asInt()).isEqualTo(1);
        assertThat(page1.get("paging").get("perPage").asInt()).isEqualTo(2);
        assertThat(page1.get("paging").get("totalPages").asInt()).isEqualTo(3);
        assertThat(page1.get("paging").get("pageStart").asInt()).isEqualTo(0);
        assertThat(page1.get("paging").get("pageEnd").asInt()).isEqualTo(1);
        assertThat(page1.get("navigation").has("previousPage")).isFalse();
        String next = page1.get("navigation").get("nextPage").get("uri").asString();
        assertThat(next).startsWith("http://localhost:" + port + "/simulator/restapi/v1.0/");

        List<String> seen = new ArrayList<>(idsOf(page1));
        JsonNode page2 = json(client.get(next, token));
        seen.addAll(idsOf(page2));
        JsonNode page3 = json(client.get(page2.get("navigation").get("nextPage").get("uri").asString(), token));
        seen.addAll(idsOf(page3));

        assertThat(seen).containsExactlyElementsOf(started); // newest first, nothing lost or repeated
        assertThat(page3.get("navigation").has("nextPage")).isFalse();
        assertThat(page3.get("navigation").get("previousPage").get("uri").asString()).contains("page=2");
        assertThat(page3.get("navigation").get("lastPage").get("uri").asString()).contains("page=3");
    }

    @Test
    void theCompanyLogShowsEveryExtensionTheUserLogOnlyTheirs() {
        String mine = platform.startRingingCall("+16025551234", null);
        platform.end(mine);
        String colleagues = platform.startRingingCall("+12125550147", null, "103");
        platform.end(colleagues);
        platform.advanceClock(Duration.ofSeconds(20));

        assertThat(ids(COMPANY_LOG)).containsExactlyInAnyOrder(mine, colleagues);
        assertThat(ids(USER_LOG)).containsExactly(mine);
    }

    @Test
    void badParametersAreRefusedNamingTheParameter() {
        HttpResponse<String> response = client.get(USER_LOG + "?perPage=0", token);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("errorCode").asString()).isEqualTo("CMN-101");
        assertThat(json(response).get("errors").get(0).get("parameterName").asString()).isEqualTo("perPage");
        assertThat(client.get(USER_LOG + "?dateFrom=yesterday", token).statusCode()).isEqualTo(400);
    }

    @Test
    void activeCallsListWhatIsLiveNow() {
        String ringing = platform.startRingingCall("+16025551234", "Maria Garcia");
        String done = platform.startRingingCall("+12125550147", null);
        platform.end(done);

        JsonNode active = json(client.get("/restapi/v1.0/account/~/extension/~/active-calls", token));

        assertThat(idsOf(active)).containsExactly(ringing);
        assertThat(active.get("records").get(0).get("result").asString()).isEqualTo("In Progress");
    }

    private List<String> ids(String pathAndQuery) {
        HttpResponse<String> response = client.get(pathAndQuery, token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return idsOf(json(response));
    }

    private static List<String> idsOf(JsonNode log) {
        List<String> ids = new ArrayList<>();
        log.get("records").forEach(r -> ids.add(r.get("id").asString()));
        return ids;
    }

    private static JsonNode record(JsonNode log, String id) {
        for (JsonNode r : log.get("records")) {
            if (r.get("id").asString().equals(id)) {
                return r;
            }
        }
        throw new AssertionError("no record " + id + " in " + log);
    }
}
