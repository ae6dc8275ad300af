package io.ringside.simulator.web;

import io.ringside.simulator.push.PushHub;
import io.ringside.simulator.push.PushSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.adapter.NativeWebSocketSession;
import org.springframework.web.socket.PingMessage;
import org.springframework.web.socket.PongMessage;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

import java.io.IOException;
import java.lang.reflect.Field;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.Map;

/**
 * The push socket endpoint ({@code {prefix}/ws}): hands each socket's life to the {@link PushHub}. The
 * handshake is refused (HTTP 503) while the hub refuses sockets; token checks happen on the open socket,
 * where RingCentral's clients expect an {@code Error} message.
 */
final class PushSocketHandler extends TextWebSocketHandler {

    private static final Logger log = LoggerFactory.getLogger(PushSocketHandler.class);
    private static final String SOCKET = "io.ringside.simulator.push.socket";
    private static final String ACCESS_TOKEN = "io.ringside.simulator.push.accessToken";
    private static final String WSC = "io.ringside.simulator.push.wsc";
    private static final String API_BASE = "io.ringside.simulator.push.apiBase";

    private final PushHub hub;

    PushSocketHandler(PushHub hub) {
        this.hub = hub;
    }

    /** Reads {@code access_token} and {@code wsc} from the URL, and refuses while the hub refuses sockets. */
    static final class Admission implements HandshakeInterceptor {

        private final PushHub hub;

        Admission(PushHub hub) {
            this.hub = hub;
        }

        @Override
        public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response,
                                       WebSocketHandler handler, Map<String, Object> attributes) {
            if (!hub.admitHandshake()) {
                response.setStatusCode(HttpStatus.SERVICE_UNAVAILABLE);
                return false;
            }
            URI uri = request.getURI();
            UriComponents components = UriComponentsBuilder.fromUri(uri).build();
            putIfPresent(attributes, ACCESS_TOKEN, components.getQueryParams().getFirst("access_token"));
            putIfPresent(attributes, WSC, components.getQueryParams().getFirst("wsc"));
            String path = uri.getRawPath();
            String base = path.endsWith("/ws") ? path.substring(0, path.length() - 3) : path;
            attributes.put(API_BASE, UriComponentsBuilder.fromUri(uri).replacePath(base).replaceQuery(null)
                    .fragment(null).build().toUriString());
            return true;
        }

        @Override
        public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                                   Exception exception) {
        }

        private static void putIfPresent(Map<String, Object> attributes, String key, String rawValue) {
            if (rawValue != null) {
                attributes.put(key, URLDecoder.decode(rawValue, StandardCharsets.UTF_8));
            }
        }
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        SpringPushSocket socket = new SpringPushSocket(session);
        session.getAttributes().put(SOCKET, socket);
        hub.opened(socket, (String) session.getAttributes().get(API_BASE),
                (String) session.getAttributes().get(ACCESS_TOKEN), (String) session.getAttributes().get(WSC));
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) {
        hub.received(socketOf(session), message.getPayload());
    }

    @Override
    protected void handlePongMessage(WebSocketSession session, PongMessage message) {
        hub.pong(socketOf(session));
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        SpringPushSocket socket = (SpringPushSocket) session.getAttributes().get(SOCKET);
        if (socket != null) {
            hub.closed(socket);
        }
    }

    @Override
    public void handleTransportError(WebSocketSession session, Throwable exception) {
        // afterConnectionClosed follows; a cut connection is an expected event here.
        log.debug("Push socket {} transport error: {}", session.getId(), exception.toString());
    }

    private static SpringPushSocket socketOf(WebSocketSession session) {
        return (SpringPushSocket) session.getAttributes().get(SOCKET);
    }

    /** A Spring WebSocket session as a {@link PushSocket}; sends are serialised by the decorator. */
    private static final class SpringPushSocket implements PushSocket {

        private final WebSocketSession raw;
        private final WebSocketSession session;

        SpringPushSocket(WebSocketSession raw) {
            this.raw = raw;
            this.session = new ConcurrentWebSocketSessionDecorator(raw, 5_000, 1024 * 1024);
        }

        @Override
        public String id() {
            return raw.getId();
        }

        @Override
        public void send(String text) throws IOException {
            session.sendMessage(new TextMessage(text));
        }

        @Override
        public void ping() throws IOException {
            session.sendMessage(new PingMessage(ByteBuffer.wrap(new byte[] {'p'})));
        }

        @Override
        public void close(int code, String reason) {
            try {
                session.close(new CloseStatus(code, reason.length() > 120 ? reason.substring(0, 120) : reason));
            } catch (IOException | RuntimeException e) {
                log.debug("Closing push socket {} failed: {}", id(), e.toString());
            }
        }

        /**
         * Ends the TCP connection without a close frame, as a failing network would: a reset (SO_LINGER 0),
         * sent when Tomcat's poller releases the channel (within about a second). A reset rather than a FIN
         * because the JDK's WebSocket client now and then misses a bare FIN, while it always reports a reset
         * ({@code onError}). Tomcat offers no public way to do this, hence the reflection; elsewhere it falls
         * back to a 1001 close.
         */
        @Override
        public void abort() {
            try {
                Object nativeSession = raw instanceof NativeWebSocketSession n ? n.getNativeSession() : null;
                if (nativeSession != null
                        && nativeSession.getClass().getName().equals("org.apache.tomcat.websocket.WsSession")) {
                    Object remote = field(nativeSession, "wsRemoteEndpoint");
                    Object wrapper = field(remote, "socketWrapper");
                    Object channel = wrapper.getClass().getMethod("getSocket").invoke(wrapper);
                    Object io = channel.getClass().getMethod("getIOChannel").invoke(channel);
                    if (io instanceof SocketChannel socket) {
                        socket.setOption(StandardSocketOptions.SO_LINGER, 0);
                    }
                    remote.getClass().getMethod("close").invoke(remote);
                    return;
                }
            } catch (ReflectiveOperationException | IOException | RuntimeException e) {
                log.warn("Cannot cut push socket {} abruptly, closing it instead: {}", id(), e.toString());
            }
            close(CloseStatus.GOING_AWAY.getCode(), "Connection dropped");
        }

        private static Object field(Object target, String name) throws ReflectiveOperationException {
            for (Class<?> type = target.getClass(); type != null; type = type.getSuperclass()) {
                try {
                    Field field = type.getDeclaredField(name);
                    field.setAccessible(true);
                    return field.get(target);
                } catch (NoSuchFieldException notHere) {
                    // look in the superclass
                }
            }
            throw new NoSuchFieldException(name);
        }
    }
}
