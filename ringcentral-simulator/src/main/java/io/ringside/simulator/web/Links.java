package io.ringside.simulator.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Absolute URLs in responses (record {@code uri}s, navigation) built from the incoming request, so
 * they point at wherever the simulator is mounted: its own server or {@code /simulator} inside Ringside.
 */
@Component
class Links {

    private final String pathPrefix;

    Links(@Value("${ringside.simulator.path-prefix:}") String pathPrefix) {
        this.pathPrefix = pathPrefix;
    }

    /** e.g. {@code http://localhost:8080/simulator} */
    String base(HttpServletRequest request) {
        return ServletUriComponentsBuilder.fromContextPath(request).path(pathPrefix).build().toUriString();
    }

    /** Where push sockets open, e.g. {@code ws://localhost:8080/simulator/ws} ({@code wss} behind https). */
    String webSocket(HttpServletRequest request) {
        String base = base(request);
        String scheme = base.startsWith("https:") ? "wss:" : "ws:";
        return scheme + base.substring(base.indexOf(':') + 1) + "/ws";
    }

    String api(HttpServletRequest request, String pathUnderRestapi) {
        return base(request) + "/restapi/v1.0" + pathUnderRestapi;
    }

    /** The current request's URL with {@code page} and {@code perPage} replaced. */
    String page(HttpServletRequest request, int page, int perPage) {
        return ServletUriComponentsBuilder.fromRequest(request)
                .replaceQueryParam("page", page)
                .replaceQueryParam("perPage", perPage)
                .build().toUriString();
    }

    String current(HttpServletRequest request) {
        return ServletUriComponentsBuilder.fromRequest(request).build().toUriString();
    }
}
