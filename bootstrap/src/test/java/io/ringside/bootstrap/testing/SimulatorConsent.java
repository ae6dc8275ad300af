package io.ringside.bootstrap.testing;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Plays the person at RingCentral's consent page: opens the authorize URL and presses Allow or Deny. */
public final class SimulatorConsent {

    private static final Pattern CONSENT_FIELD = Pattern.compile("name=\"consent\" value=\"([^\"]+)\"");
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    /**
     * Returns the query parameters RingCentral sends the browser back with, and under {@code redirect}
     * the address it sends them to.
     */
    public Map<String, String> decide(URI authorizeUrl, boolean allow) throws IOException, InterruptedException {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(authorizeUrl).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (page.statusCode() != 200) {
            throw new AssertionError("The consent page answered " + page.statusCode() + ": " + page.body());
        }
        Matcher consent = CONSENT_FIELD.matcher(page.body());
        if (!consent.find()) {
            throw new AssertionError("No consent form on the page: " + page.body());
        }
        String form = "consent=" + URLEncoder.encode(consent.group(1), StandardCharsets.UTF_8) + "&decision=" + (allow ? "allow" : "deny");
        URI consentUri = URI.create(authorizeUrl.getScheme() + "://" + authorizeUrl.getRawAuthority()
                + authorizeUrl.getRawPath() + "/consent");
        HttpResponse<String> redirect = http.send(HttpRequest.newBuilder(consentUri)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (redirect.statusCode() != 302) {
            throw new AssertionError("Consent answered " + redirect.statusCode() + ": " + redirect.body());
        }
        URI back = URI.create(redirect.headers().firstValue("Location").orElseThrow());
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : back.getRawQuery().split("&")) {
            String[] nameValue = pair.split("=", 2);
            parameters.put(nameValue[0], nameValue.length > 1 ? URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8) : "");
        }
        parameters.put("redirect", back.getScheme() + "://" + back.getRawAuthority() + back.getRawPath());
        return parameters;
    }
}
