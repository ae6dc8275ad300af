package io.ringside.simulator.web;

import io.ringside.simulator.SimulatedPlatform;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.server.support.DefaultHandshakeHandler;
import org.springframework.web.socket.server.support.WebSocketHandlerMapping;
import org.springframework.web.socket.server.support.WebSocketHttpRequestHandler;

import java.util.List;
import java.util.Map;

/**
 * Mounts the push socket at {@code ${ringside.simulator.path-prefix}/ws}. Deliberately not
 * {@code @EnableWebSocket}: that would add WebSocket infrastructure beans (a TaskScheduler among them)
 * to the host application, which in demo mode is Ringside itself. One handler mapping and one request
 * handler are all the endpoint needs; Boot's Tomcat support provides the WebSocket container.
 */
@Configuration(proxyBeanMethods = false)
class PushWebSocketConfiguration {

    @Bean
    WebSocketHttpRequestHandler simulatorPushSocketHandler(SimulatedPlatform platform) {
        WebSocketHttpRequestHandler handler = new WebSocketHttpRequestHandler(
                new PushSocketHandler(platform.pushHub()), new DefaultHandshakeHandler());
        handler.setHandshakeInterceptors(List.of(new PushSocketHandler.Admission(platform.pushHub())));
        return handler;
    }

    @Bean
    WebSocketHandlerMapping simulatorPushSocketMapping(WebSocketHttpRequestHandler simulatorPushSocketHandler,
                                                       @Value("${ringside.simulator.path-prefix:}") String prefix) {
        WebSocketHandlerMapping mapping = new WebSocketHandlerMapping();
        mapping.setUrlMap(Map.of(prefix + "/ws", simulatorPushSocketHandler));
        // Ahead of catch-all mappings (a host app's UI framework may forward every unmatched path).
        mapping.setOrder(-1);
        return mapping;
    }
}
