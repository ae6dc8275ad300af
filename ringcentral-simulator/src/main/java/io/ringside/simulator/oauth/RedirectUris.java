package io.ringside.simulator.oauth;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the URI the browser is sent back to: the registered redirect URI plus response parameters. */
final class RedirectUris {

    private RedirectUris() {
    }

    static boolean isAbsoluteHttp(String uri) {
        try {
            URI parsed = new URI(uri);
            String scheme = parsed.getScheme();
            return parsed.isAbsolute() && parsed.getHost() != null && parsed.getFragment() == null
                    && ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** Appends parameters (null values left out) to the redirect URI's query, keeping any it already has. */
    static URI withParameters(String redirectUri, Map<String, String> parameters) {
        StringBuilder uri = new StringBuilder(redirectUri);
        char separator = redirectUri.contains("?") ? '&' : '?';
        for (Map.Entry<String, String> p : new LinkedHashMap<>(parameters).entrySet()) {
            if (p.getValue() == null) {
                continue;
            }
            uri.append(separator).append(encode(p.getKey())).append('=').append(encode(p.getValue()));
            separator = '&';
        }
        return URI.create(uri.toString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
