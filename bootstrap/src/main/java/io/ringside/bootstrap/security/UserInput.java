package io.ringside.bootstrap.security;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Tells a person's input from the console's own traffic, for the idle timeout.
 * <p>
 * Vaadin (with {@code @Push}'s default transport {@code WEBSOCKET_XHR}) sends every client→server message as an XHR
 * {@code POST ?v-r=uidl} whose JSON carries {@code rpc} invocations; the websocket carries only server→client pushes.
 * A poll ({@code UI.setPollInterval}) is one such message with the invocation {@code {"type":"event","event":"ui-poll"}};
 * heartbeats are {@code ?v-r=heartbeat}, the push connection {@code ?v-r=push}. Input is decided the way Vaadin decides
 * what counts as an active user (its {@code ServerRpcHandler}): a UIDL message with at least one invocation that is
 * neither a poll nor a return-channel message; not a resynchronisation or the unload beacon. One more is left out: a
 * combo box or grid acknowledges every data update the server sends ({@code confirmUpdate}), so a pushed change to
 * the Recent callers list would otherwise count as the operator's input. Any other request outside
 * Vaadin's internals ({@code /VAADIN/**}, {@code ?v-r=…}) counts too: page loads, the login, the OAuth callback.
 */
final class UserInput {

    static final String VAADIN_REQUEST_TYPE = "v-r";
    private static final JsonMapper JSON = JsonMapper.shared();

    private UserInput() {
    }

    /** Whether a UIDL message whose body must be read before Vaadin reads it. */
    static boolean isUidl(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && "uidl".equals(request.getParameter(VAADIN_REQUEST_TYPE));
    }

    /** The request with its body read once and kept, so it can be looked at here and still read by Vaadin. */
    static Readable readable(HttpServletRequest request) throws IOException {
        return new Readable(request, request.getInputStream().readAllBytes());
    }

    /** Whether {@code request} (a {@link Readable} for a UIDL message) is something the person did. */
    static boolean isInput(HttpServletRequest request) {
        String type = request.getParameter(VAADIN_REQUEST_TYPE);
        if (type == null) {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            return !path.startsWith("/VAADIN/");
        }
        return request instanceof Readable uidl && "uidl".equals(type) && carriesInput(uidl.body(), uidl.charset());
    }

    static boolean carriesInput(byte[] body, Charset charset) {
        JsonNode message;
        try {
            message = JSON.readTree(new String(body, charset));
        } catch (JacksonException notJson) {
            return false;
        }
        if (message == null || message.path("resynchronize").asBoolean(false) || message.has("UNLOAD")) {
            return false;
        }
        for (JsonNode invocation : message.path("rpc")) {
            String type = invocation.path("type").asString("");
            boolean poll = "event".equals(type) && "ui-poll".equals(invocation.path("event").asString(""));
            boolean acknowledgement = "publishedEventHandler".equals(type)
                    && "confirmUpdate".equals(invocation.path("templateEventMethodName").asString(""));
            if (!poll && !acknowledgement && !"channel".equals(type)) {
                return true;
            }
        }
        return false;
    }

    /** A request whose body has been read and is served again from memory. */
    static final class Readable extends HttpServletRequestWrapper {
        private final byte[] body;

        Readable(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        byte[] body() {
            return body;
        }

        Charset charset() {
            String encoding = getCharacterEncoding();
            try {
                return encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            } catch (IllegalArgumentException unknown) {
                return StandardCharsets.UTF_8;
            }
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream bytes = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return bytes.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return bytes.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return bytes.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("The body has been read already");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), charset()));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
