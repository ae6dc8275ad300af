package io.ringside.domain;

/** How secrets print: never their value. */
final class Secrets {

    static final String MASK = "********";

    private Secrets() {
    }
}
