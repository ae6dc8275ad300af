package io.ringside.bootstrap.mode;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when Ringside runs without RingCentral credentials. */
public class DemoModeCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return DemoMode.isOn(context.getEnvironment());
    }

    /** Matches when Ringside runs with real RingCentral credentials. */
    public static class Off implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !DemoMode.isOn(context.getEnvironment());
        }
    }
}
