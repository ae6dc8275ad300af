package io.ringside.adapters.ringcentral;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A WebSocket server small enough to read in one sitting (RFC 6455 over a plain {@link ServerSocket}),
 * standing in for RingCentral's gateway where a test needs control the simulator does not offer: pings
 * and the pongs that answer them, heartbeats left unanswered, gateway errors, a refused handshake.
 * What it speaks on top (ConnectionDetails, replies) is up to each test's handlers.
 */
final class FakeWebSocketGateway implements AutoCloseable {

    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private static final Pattern KEY = Pattern.compile("(?im)^Sec-WebSocket-Key:\\s*(\\S+)\\s*$");

    private final ServerSocket server;
    private final Thread acceptor;
    private final List<Connection> connections = new CopyOnWriteArrayList<>();
    private final BlockingQueue<Connection> opened = new LinkedBlockingQueue<>();
    private final AtomicInteger pongs = new AtomicInteger();
    private volatile Consumer<Connection> onOpen = connection -> {
    };
    private volatile BiConsumer<Connection, String> onText = (connection, text) -> {
    };
    /** When set, the handshake is answered with this HTTP status instead of 101. */
    private volatile int refuseWith;

    FakeWebSocketGateway() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = Thread.ofPlatform().daemon().name("fake-gateway-accept").start(this::acceptLoop);
    }

    String uri() {
        return "ws://127.0.0.1:" + server.getLocalPort() + "/ws";
    }

    void onOpen(Consumer<Connection> handler) {
        onOpen = handler;
    }

    void onText(BiConsumer<Connection, String> handler) {
        onText = handler;
    }

    void refuseHandshakesWith(int status) {
        refuseWith = status;
    }

    List<Connection> connections() {
        return List.copyOf(connections);
    }

    /** The next connection to open, waiting up to {@code timeout}. */
    Connection nextConnection(Duration timeout) throws InterruptedException {
        Connection next = opened.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (next == null) {
            throw new AssertionError("no WebSocket connection within " + timeout);
        }
        return next;
    }

    int pongsReceived() {
        return pongs.get();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Connection connection : connections) {
            connection.drop();
        }
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread.ofPlatform().daemon().name("fake-gateway-conn").start(() -> serve(socket));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            String request = readHead(in);
            String requestLine = request.lines().findFirst().orElse("");
            String target = requestLine.split(" ").length > 1 ? requestLine.split(" ")[1] : "";
            if (refuseWith != 0) {
                out.write(("HTTP/1.1 " + refuseWith + " Refused\r\nContent-Length: 0\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                return;
            }
            Matcher key = KEY.matcher(request);
            if (!key.find()) {
                return;
            }
            String accept = Base64.getEncoder().encodeToString(sha1(key.group(1) + GUID));
            out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: "
                    + accept + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Connection connection = new Connection(socket, out, target);
            connections.add(connection);
            opened.add(connection);
            onOpen.accept(connection);
            readFrames(connection, in);
        } catch (IOException gone) {
            // the client or the test ended the connection
        }
    }

    private void readFrames(Connection connection, InputStream in) throws IOException {
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        while (true) {
            int first = read(in);
            int second = read(in);
            boolean fin = (first & 0x80) != 0;
            int opcode = first & 0x0F;
            long length = second & 0x7F;
            if (length == 126) {
                length = (read(in) << 8) | read(in);
            } else if (length == 127) {
                length = 0;
                for (int i = 0; i < 8; i++) {
                    length = (length << 8) | read(in);
                }
            }
            byte[] mask = (second & 0x80) != 0 ? in.readNBytes(4) : null;
            byte[] payload = in.readNBytes((int) length);
            if (mask != null) {
                for (int i = 0; i < payload.length; i++) {
                    payload[i] ^= mask[i % 4];
                }
            }
            switch (opcode) {
                case 0x0, 0x1 -> {
                    message.write(payload);
                    if (fin) {
                        String text = message.toString(StandardCharsets.UTF_8);
                        message.reset();
                        connection.received.add(text);
                        onText.accept(connection, text);
                    }
                }
                case 0x8 -> {
                    connection.frame(0x8, payload);
                    connection.drop();
                    return;
                }
                case 0x9 -> connection.frame(0xA, payload);
                case 0xA -> pongs.incrementAndGet();
                default -> {
                }
            }
        }
    }

    private static int read(InputStream in) throws IOException {
        int value = in.read();
        if (value < 0) {
            throw new EOFException();
        }
        return value;
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4) {
            int value = read(in);
            head.write(value);
            matched = value == end[matched] ? matched + 1 : (value == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    private static byte[] sha1(String text) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** One client connection, as the gateway sees it. */
    static final class Connection {

        private final Socket socket;
        private final OutputStream out;
        private final String target;
        final BlockingQueue<String> received = new LinkedBlockingQueue<>();

        private Connection(Socket socket, OutputStream out, String target) {
            this.socket = socket;
            this.out = out;
            this.target = target;
        }

        /** The request target, e.g. {@code /ws?access_token=…&wsc=…}. */
        String target() {
            return target;
        }

        /** A query parameter of the request target, or null. */
        String query(String name) {
            int question = target.indexOf('?');
            if (question < 0) {
                return null;
            }
            for (String pair : target.substring(question + 1).split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0 && pair.substring(0, equals).equals(name)) {
                    return java.net.URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                }
            }
            return null;
        }

        void send(String text) {
            frame(0x1, text.getBytes(StandardCharsets.UTF_8));
        }

        void ping() {
            frame(0x9, "are-you-there".getBytes(StandardCharsets.US_ASCII));
        }

        /** A clean close from the gateway's side. */
        void closeNormally() {
            frame(0x8, new byte[]{0x03, (byte) 0xE8});
        }

        /** The TCP connection ends without a close frame (a network drop). */
        void drop() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already closed
            }
        }

        boolean isClosed() {
            return socket.isClosed();
        }

        /** The next text message the client sent, waiting up to {@code timeout}, or null. */
        String nextMessage(Duration timeout) throws InterruptedException {
            return received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }

        private synchronized void frame(int opcode, byte[] payload) {
            try {
                ByteArrayOutputStream frame = new ByteArrayOutputStream();
                frame.write(0x80 | opcode);
                if (payload.length < 126) {
                    frame.write(payload.length);
                } else if (payload.length < 65536) {
                    frame.write(126);
                    frame.write(payload.length >> 8);
                    frame.write(payload.length & 0xFF);
                } else {
                    frame.write(127);
                    for (int shift = 56; shift >= 0; shift -= 8) {
                        frame.write((int) ((long) payload.length >> shift) & 0xFF);
                    }
                }
                frame.write(payload);
                out.write(frame.toByteArray());
                out.flush();
            } catch (SocketException closed) {
                // the client went away
            } catch (IOException failed) {
                throw new IllegalStateException(failed);
            }
        }
    }
}
