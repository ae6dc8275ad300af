package io.ringside.bootstrap.demo;

import io.ringside.bootstrap.mode.DemoMode;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when Ringside runs without RingCentral credentials. */
class DemoModeCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return DemoMode.isOn(context.getEnvironment());
    }

    /** Matches when Ringside runs with real RingCentral credentials. */
    static class Off implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !DemoMode.isOn(context.getEnvironment());
        }
    }
}
