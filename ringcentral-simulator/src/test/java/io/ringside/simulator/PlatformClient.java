package io.ringside.simulator;

import io.ringside.simulator.settings.SimulatorSettings;

import io.ringside.simulator.oauth.Pkce;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A plain HTTP client that talks to the simulator the way an app and a browser would. No redirects followed. */
final class PlatformClient {

    static final String REDIRECT_URI = "http://localhost:8080/api/ringcentral/callback";
    static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

    private static final Pattern CONSENT_ID = Pattern.compile("name=\"consent\" value=\"([^\"]+)\"");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;

    PlatformClient(int port, String prefix) {
        this.base = "http://localhost:" + port + prefix;
    }

    String base() {
        return base;
    }

    HttpResponse<String> get(String pathAndQuery, String accessToken) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(absolute(pathAndQuery))).GET();
        if (accessToken != null) {
            request.header("Authorization", "Bearer " + accessToken);
        }
        return send(request.build());
    }

    HttpResponse<String> postForm(String path, Map<String, String> form, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(absolute(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formBody(form)));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request.build());
    }

    HttpResponse<String> postJson(String path, String json) {
        return send("POST", path, json);
    }

    HttpResponse<String> send(String method, String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(absolute(path)))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** {@code POST /restapi/oauth/wstoken} with a bearer token (null: none). */
    HttpResponse<String> wsToken(String accessToken) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(absolute("/restapi/oauth/wstoken")))
                .POST(HttpRequest.BodyPublishers.noBody());
        if (accessToken != null) {
            request.header("Authorization", "Bearer " + accessToken);
        }
        return send(request.build());
    }

    static String basic(String id, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    static String demoClient() {
        return basic(SimulatorSettings.DEMO_CLIENT_ID, SimulatorSettings.DEMO_CLIENT_SECRET);
    }

    /** GET authorize, as the browser; returns the consent page or an error/redirect. */
    HttpResponse<String> authorize(Map<String, String> query) {
        return get("/restapi/oauth/authorize?" + formBody(query), null);
    }

    static Map<String, String> authorizeQuery(String state, String challenge, String method) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", SimulatorSettings.DEMO_CLIENT_ID);
        query.put("redirect_uri", REDIRECT_URI);
        query.put("state", state);
        if (challenge != null) {
            query.put("code_challenge", challenge);
        }
        if (method != null) {
            query.put("code_challenge_method", method);
        }
        return query;
    }

    /** Clicks Allow or Deny on a consent page; returns the 302. */
    HttpResponse<String> decide(HttpResponse<String> consentPage, boolean allow) {
        Matcher m = CONSENT_ID.matcher(consentPage.body());
        if (!m.find()) {
            throw new AssertionError("no consent form in: " + consentPage.body());
        }
        return postForm("/restapi/oauth/authorize/consent",
                Map.of("consent", m.group(1), "decision", allow ? "allow" : "deny"), null);
    }

    /** Authorize with S256 and allow: the code the browser brings back. */
    String authorizationCode() {
        HttpResponse<String> redirect = decide(authorize(authorizeQuery("st", Pkce.s256(VERIFIER), "S256")), true);
        return queryOf(redirect).get("code");
    }

    HttpResponse<String> exchange(String code, String redirectUri, String verifier) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirectUri);
        if (verifier != null) {
            form.put("code_verifier", verifier);
        }
        return postForm("/restapi/oauth/token", form, demoClient());
    }

    HttpResponse<String> refresh(String refreshToken) {
        return postForm("/restapi/oauth/token",
                Map.of("grant_type", "refresh_token", "refresh_token", refreshToken), demoClient());
    }

    /** The whole connect flow; returns the token response. */
    JsonNode connect() {
        HttpResponse<String> response = exchange(authorizationCode(), REDIRECT_URI, VERIFIER);
        if (response.statusCode() != 200) {
            throw new AssertionError("connect failed: " + response.statusCode() + " " + response.body());
        }
        return json(response);
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    static Map<String, String> queryOf(HttpResponse<String> redirect) {
        String location = redirect.headers().firstValue("Location").orElseThrow(
                () -> new AssertionError("no redirect: " + redirect.statusCode() + " " + redirect.body()));
        String query = URI.create(location).getRawQuery();
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            String[] kv = pair.split("=", 2);
            parameters.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    URLDecoder.decode(kv.length > 1 ? kv[1] : "", StandardCharsets.UTF_8));
        }
        return parameters;
    }

    private String absolute(String pathAndQuery) {
        return pathAndQuery.startsWith("http") ? pathAndQuery : base + pathAndQuery;
    }

    private static String formBody(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("request failed: " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
