package io.ringside.application.port.in;

/** The company's extension list cannot be read now; the message says why and what to do instead. */
public class ExtensionsUnavailableException extends RuntimeException {

    public ExtensionsUnavailableException(String message) {
        super(message);
    }
}
