package io.ringside.bootstrap.mode;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A refused start as Spring Boot's short report: the problem, then what to do. */
public class StartUpRefusedFailureAnalyzer extends AbstractFailureAnalyzer<StartUpRefusedException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, StartUpRefusedException cause) {
        return new FailureAnalysis(cause.problem(), cause.action(), cause);
    }
}
