package io.ringside.application.port.in;

/** A correction of an intake was refused; the message says why, for the person who tried. */
public class IntakeCorrectionRefusedException extends RuntimeException {

    public IntakeCorrectionRefusedException(String message) {
        super(message);
    }
}
