package io.ringside.simulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A bare WebSocket client over a TCP socket that never answers pings: what a client whose process hangs
 * looks like to the server (the JDK's client always answers pings by itself).
 */
final class RawSocket implements AutoCloseable {

    /** A frame from the server: its opcode (1 text, 8 close, 9 ping) and payload. */
    record Frame(int opcode, byte[] payload) {

        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }

        int closeCode() {
            return payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : -1;
        }
    }

    private final Socket socket;
    private final InputStream in;

    RawSocket(int port, String pathAndQuery) throws IOException {
        socket = new Socket("localhost", port);
        socket.setSoTimeout(5_000);
        OutputStream out = socket.getOutputStream();
        String key = Base64.getEncoder().encodeToString("ringside-raw-key".getBytes(StandardCharsets.US_ASCII));
        out.write(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: " + key + "\r\nSec-WebSocket-Version: 13\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        in = socket.getInputStream();
        String status = readHeaders();
        if (!status.startsWith("HTTP/1.1 101")) {
            throw new IOException("handshake refused: " + status);
        }
    }

    /** Frames until the server closes (close frame or end of stream). */
    List<Frame> readUntilClosed() throws IOException {
        List<Frame> frames = new ArrayList<>();
        while (true) {
            Frame frame;
            try {
                frame = readFrame();
            } catch (SocketTimeoutException stillOpen) {
                throw new AssertionError("the server kept the connection open; got " + frames.size() + " frames");
            }
            if (frame == null) {
                return frames;
            }
            frames.add(frame);
            if (frame.opcode() == 8) {
                return frames;
            }
        }
    }

    private Frame readFrame() throws IOException {
        int first = in.read();
        if (first < 0) {
            return null;
        }
        int second = in.read();
        long length = second & 0x7f;
        if (length == 126) {
            length = (in.read() << 8) | in.read();
        } else if (length == 127) {
            length = 0;
            for (int i = 0; i < 8; i++) {
                length = (length << 8) | in.read();
            }
        }
        byte[] payload = in.readNBytes((int) length);
        return new Frame(first & 0x0f, payload);
    }

    private String readHeaders() throws IOException {
        ByteArrayOutputStream headers = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            headers.write(b);
            matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
                    ? matched + 1 : 0;
        }
        return headers.toString(StandardCharsets.US_ASCII).split("\r\n", 2)[0];
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
