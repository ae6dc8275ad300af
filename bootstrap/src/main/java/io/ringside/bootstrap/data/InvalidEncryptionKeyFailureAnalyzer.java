package io.ringside.bootstrap.data;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a missing or malformed key into Spring Boot's short "APPLICATION FAILED TO START" report, not a stack trace. */
public class InvalidEncryptionKeyFailureAnalyzer extends AbstractFailureAnalyzer<InvalidEncryptionKeyException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidEncryptionKeyException cause) {
        return new FailureAnalysis(cause.problem(), cause.action(), cause);
    }
}
