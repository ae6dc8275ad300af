package io.ringside.application.port.in;

/** An admin looks at the connection's status and health. */
public interface ViewConnection {

    ConnectionView view();
}
