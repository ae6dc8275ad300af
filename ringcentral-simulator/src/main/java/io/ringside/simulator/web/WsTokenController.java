package io.ringside.simulator.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.ringside.simulator.SimulatedPlatform;
import io.ringside.simulator.limits.ThrottlingGroup;
import io.ringside.simulator.oauth.OAuthSession;
import io.ringside.simulator.push.PushHub;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /restapi/oauth/wstoken}: a bearer-authenticated, Auth-group request for a single-use token
 * that opens one push socket at the returned {@code uri} ({@code ?access_token=…}).
 */
@RestController
@RequestMapping("${ringside.simulator.path-prefix:}/restapi/oauth")
class WsTokenController {

    record WsTokenResponse(@JsonProperty("ws_access_token") String wsAccessToken,
                           @JsonProperty("uri") String uri,
                           @JsonProperty("expires_in") long expiresIn) {

        @Override
        public String toString() {
            return "WsTokenResponse[uri=" + uri + ", expiresIn=" + expiresIn + ", token=***]";
        }
    }

    private final SimulatedPlatform platform;
    private final Links links;

    WsTokenController(SimulatedPlatform platform, Links links) {
        this.platform = platform;
        this.links = links;
    }

    @PostMapping("/wstoken")
    @Throttled(ThrottlingGroup.AUTH)
    ResponseEntity<WsTokenResponse> wsToken(@RequestAttribute(PlatformGateway.SESSION) OAuthSession session,
                                            HttpServletRequest request) {
        PushHub.IssuedWsToken issued = platform.pushHub().issueWsToken(session.id(), session.clientId(),
                session.ownerId());
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(new WsTokenResponse(issued.token(), links.webSocket(request), issued.expiresInSeconds()));
    }
}
