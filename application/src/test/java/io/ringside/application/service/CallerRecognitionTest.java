package io.ringside.application.service;

import io.ringside.application.testing.InMemoryIntakeStore;
import io.ringside.domain.Actor;
import io.ringside.domain.Intake;
import io.ringside.domain.KnownCaller;
import io.ringside.domain.PhoneNumber;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class CallerRecognitionTest {

    private static final Instant T0 = Instant.parse("2026-11-12T15:00:00Z");
    private static final PhoneNumber JANE = PhoneNumber.of("+16025551234");
    private static final Actor OLIVIA = new Actor(UUID.randomUUID(), "olivia", "Olivia Park", null);

    private final InMemoryIntakeStore store = new InMemoryIntakeStore();
    private final CallerRecognition recognition = new CallerRecognition(store);

    @Test
    void aNumberWithoutIntakesIsAStranger() {
        store.save(Intake.record("Bob", PhoneNumber.of("+16025559876"), null, null, OLIVIA, T0));

        assertThat(recognition.recognize(JANE)).isEmpty();
    }

    @Test
    void aReturningCallerIsKnownByTheLastNameSavedHowOftenAndWhenLast() {
        store.save(Intake.record("Jane", JANE, null, null, OLIVIA, T0));
        store.save(Intake.record("Jane Doe", JANE, null, null, OLIVIA, T0.plusSeconds(3600)));
        store.save(Intake.record(null, JANE, "Name not given this time", null, OLIVIA, T0.plusSeconds(7200)));

        assertThat(recognition.recognize(JANE)).contains(new KnownCaller(JANE, "Jane Doe", 3, T0.plusSeconds(7200)));
    }
}
