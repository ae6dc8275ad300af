package io.ringside.simulator;

import io.ringside.simulator.oauth.AppPermissions;
import io.ringside.simulator.settings.SimulatorSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static io.ringside.simulator.PlatformClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /restapi/v1.0/account/~/extension}: RingCentral's extension list, paged and filtered. */
class ExtensionListTest extends SimulatorTestBase {

    private static final String EXTENSIONS = "/restapi/v1.0/account/~/extension";

    private String token;

    @BeforeEach
    void connect() {
        token = connectedAccessToken();
    }

    @Test
    void listsEveryExtensionOfTheAccountInRingCentralsShape() {
        HttpResponse<String> response = client.get(EXTENSIONS, token);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(numbers(body)).containsExactly("101", "102", "103", "104", "105", "106", "200");
        JsonNode first = body.get("records").get(0);
        assertThat(first.get("id").isNumber()).isTrue();
        assertThat(first.get("id").asLong()).isEqualTo(platform.directory().connectedUser().id());
        assertThat(first.get("uri").asString()).endsWith("/simulator/restapi/v1.0/account/37439510/extension/62264425001");
        assertThat(first.get("name").asString()).isEqualTo("Alex Morgan");
        assertThat(first.get("type").asString()).isEqualTo("User");
        assertThat(first.get("status").asString()).isEqualTo("Enabled");
        assertThat(first.get("contact").get("firstName").asString()).isEqualTo("Alex");
        assertThat(body.get("paging").get("totalElements").asInt()).isEqualTo(7);
        assertThat(body.get("paging").get("perPage").asInt()).isEqualTo(100);
        assertThat(body.get("navigation").has("nextPage")).isFalse();
    }

    @Test
    void filtersByStatusAndType() {
        JsonNode enabledUsers = json(client.get(EXTENSIONS + "?status=Enabled&type=User", token));
        JsonNode queues = json(client.get(EXTENSIONS + "?type=Department", token));
        JsonNode disabled = json(client.get(EXTENSIONS + "?status=Disabled", token));
        JsonNode enabledUsersAndQueues = json(client.get(EXTENSIONS + "?status=Enabled&type=User&type=Department", token));

        assertThat(numbers(enabledUsers)).containsExactly("101", "102", "103", "104", "105");
        assertThat(names(enabledUsers)).contains("Sam Rivera", "Jordan Lee", "Maria Lopez", "Alex Kim");
        assertThat(numbers(queues)).containsExactly("200");
        assertThat(queues.get("records").get(0).get("type").asString()).isEqualTo("Department");
        assertThat(numbers(disabled)).containsExactly("106");
        assertThat(numbers(enabledUsersAndQueues)).containsExactly("101", "102", "103", "104", "105", "200");
    }

    @Test
    void filtersByExtensionNumber() {
        assertThat(numbers(json(client.get(EXTENSIONS + "?extensionNumber=103", token)))).containsExactly("103");
    }

    @Test
    void pagesWithNavigationLinksThatKeepTheFilters() {
        List<String> seen = new ArrayList<>();
        String next = EXTENSIONS + "?status=Enabled&type=User&perPage=2";
        int pages = 0;
        JsonNode body = null;
        while (next != null) {
            body = json(client.get(next, token));
            pages++;
            seen.addAll(numbers(body));
            assertThat(body.get("paging").get("totalPages").asInt()).isEqualTo(3);
            next = body.get("navigation").has("nextPage") ? body.get("navigation").get("nextPage").get("uri").asString() : null;
            if (next != null) {
                assertThat(next).startsWith(client.base() + EXTENSIONS).contains("status=Enabled").contains("type=User")
                        .contains("page=" + (pages + 1)).contains("perPage=2");
            }
        }

        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactly("101", "102", "103", "104", "105");
        assertThat(body.get("paging").get("page").asInt()).isEqualTo(3);
        assertThat(body.get("paging").get("pageStart").asInt()).isEqualTo(4);
        assertThat(body.get("paging").get("pageEnd").asInt()).isEqualTo(4);
    }

    @Test
    void aPageBeyondTheLastIsEmpty() {
        JsonNode body = json(client.get(EXTENSIONS + "?page=9&perPage=100", token));

        assertThat(body.get("records")).isEmpty();
        assertThat(body.get("paging").has("pageStart")).isFalse();
    }

    @Test
    void anUnknownStatusOrTypeIs400() {
        HttpResponse<String> badStatus = client.get(EXTENSIONS + "?status=Sleeping", token);
        HttpResponse<String> badType = client.get(EXTENSIONS + "?type=Robot", token);
        HttpResponse<String> badPage = client.get(EXTENSIONS + "?page=0", token);

        assertThat(badStatus.statusCode()).isEqualTo(400);
        assertThat(json(badStatus).get("errorCode").asString()).isEqualTo("CMN-101");
        assertThat(json(badStatus).get("message").asString()).isEqualTo("Parameter [status] value is invalid");
        assertThat(badType.statusCode()).isEqualTo(400);
        assertThat(badPage.statusCode()).isEqualTo(400);
    }

    @Test
    void needsABearerToken() {
        HttpResponse<String> none = client.get(EXTENSIONS, null);
        HttpResponse<String> unknown = client.get(EXTENSIONS, "not-a-token");

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(unknown.statusCode()).isEqualTo(401);
    }

    @Test
    void anotherAccountIsNotFound() {
        assertThat(client.get("/restapi/v1.0/account/12345/extension", token).statusCode()).isEqualTo(404);
    }

    @Test
    void withoutReadAccountsTheAppIsRefused403() {
        platform.revokePermission(AppPermissions.READ_ACCOUNTS);

        HttpResponse<String> response = client.get(EXTENSIONS, token);

        assertThat(response.statusCode()).isEqualTo(403);
        JsonNode error = json(response);
        assertThat(error.get("errorCode").asString()).isEqualTo("CMN-401");
        assertThat(error.get("message").asString()).isEqualTo(
                "In order to call this API endpoint, application needs to have [ReadAccounts] permission");
        assertThat(error.get("errors").get(0).get("errorCode").asString()).isEqualTo("CMN-401");
    }

    @Test
    void theDefaultAppHasReadAccounts() {
        assertThat(platform.appPermissions()).contains(AppPermissions.READ_ACCOUNTS);
        assertThat(client.connect().get("scope").asString().split(" ")).contains("ReadAccounts");
    }

    @Test
    void isInTheMediumGroup() {
        platform.updateSettings(s -> s.withRateLimits(SimulatorSettings.RateLimits.defaults()));
        HttpResponse<String> response = null;
        for (int i = 1; i <= 40; i++) {
            response = client.get(EXTENSIONS, token);
            assertThat(response.statusCode()).isEqualTo(200);
        }
        assertThat(response.headers().firstValue("X-Rate-Limit-Group")).hasValue("Medium");
        assertThat(response.headers().firstValue("X-Rate-Limit-Limit")).hasValue("40");
        assertThat(response.headers().firstValue("X-Rate-Limit-Remaining")).hasValue("0");

        HttpResponse<String> refused = client.get(EXTENSIONS, token);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("60");
        assertThat(json(refused).get("errorCode").asString()).isEqualTo("CMN-301");
    }

    private static List<String> numbers(JsonNode body) {
        List<String> numbers = new ArrayList<>();
        body.get("records").forEach(r -> numbers.add(r.get("extensionNumber").asString()));
        return numbers;
    }

    private static List<String> names(JsonNode body) {
        List<String> names = new ArrayList<>();
        body.get("records").forEach(r -> names.add(r.get("name").asString()));
        return names;
    }
}
