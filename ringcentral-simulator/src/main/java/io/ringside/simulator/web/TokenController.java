package io.ringside.simulator.web;

import io.ringside.simulator.SimulatedPlatform;
import io.ringside.simulator.error.OAuthException;
import io.ringside.simulator.limits.ThrottlingGroup;
import io.ringside.simulator.oauth.ClientCredentials;
import io.ringside.simulator.oauth.IssuedTokens;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The token and revoke endpoints: form bodies, HTTP Basic client authentication, Auth throttling group. */
@RestController
@RequestMapping("${ringside.simulator.path-prefix:}/restapi/oauth")
class TokenController {

    private final SimulatedPlatform platform;

    TokenController(SimulatedPlatform platform) {
        this.platform = platform;
    }

    @PostMapping(path = "/token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    @Throttled(value = ThrottlingGroup.AUTH, caller = Throttled.CallerProof.CLIENT_CREDENTIALS)
    ResponseEntity<TokenResponse> token(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false)
                                        String authorization,
                                        @RequestParam MultiValueMap<String, String> parameters) {
        Map<String, String> form = singleValued(parameters);
        Optional<ClientCredentials> client = ClientCredentials.fromBasicHeader(authorization);
        String grantType = form.get("grant_type");
        if (grantType == null || grantType.isBlank()) {
            throw OAuthException.missingParameter("grant_type");
        }
        IssuedTokens issued = switch (grantType) {
            case "authorization_code" -> platform.authorizationServer().exchangeCode(client, form);
            case "refresh_token" -> platform.authorizationServer().refresh(client, form);
            default -> throw new OAuthException(400, "unsupported_grant_type", "OAU-101",
                    "Unsupported grant type [" + grantType + "]", "grant_type");
        };
        // RFC 6749 §5.1: token responses must not be cached.
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.PRAGMA, "no-cache")
                .body(TokenResponse.of(issued));
    }

    /** Revokes the whole session of an access or refresh token; 200 with an empty body. */
    @PostMapping("/revoke")
    @Throttled(value = ThrottlingGroup.AUTH, caller = Throttled.CallerProof.CLIENT_CREDENTIALS)
    ResponseEntity<Void> revoke(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false)
                                String authorization,
                                @RequestParam MultiValueMap<String, String> parameters) {
        Map<String, String> form = singleValued(parameters);
        platform.authorizationServer().revoke(ClientCredentials.fromBasicHeader(authorization), form.get("token"));
        return ResponseEntity.ok().build();
    }

    /** RFC 6749 §3.2: parameters must not be repeated. */
    private static Map<String, String> singleValued(MultiValueMap<String, String> parameters) {
        Map<String, String> single = new HashMap<>();
        for (Map.Entry<String, List<String>> entry : parameters.entrySet()) {
            if (entry.getValue().size() > 1) {
                throw new OAuthException(400, "invalid_request", "OAU-101",
                        "Parameter [" + entry.getKey() + "] is invalid", entry.getKey());
            }
            single.put(entry.getKey(), entry.getValue().getFirst());
        }
        return single;
    }
}
