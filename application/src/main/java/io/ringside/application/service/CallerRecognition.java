package io.ringside.application.service;

import io.ringside.application.port.in.RecognizeCaller;
import io.ringside.application.port.out.IntakeStore;
import io.ringside.domain.KnownCaller;
import io.ringside.domain.PhoneNumber;

import java.util.Objects;
import java.util.Optional;

/** What earlier intakes say about a number, as the form shows it when the phone field is filled. */
public final class CallerRecognition implements RecognizeCaller {

    private final IntakeStore intakes;

    public CallerRecognition(IntakeStore intakes) {
        this.intakes = Objects.requireNonNull(intakes, "intakes");
    }

    @Override
    public Optional<KnownCaller> recognize(PhoneNumber phone) {
        return intakes.known(Objects.requireNonNull(phone, "phone"));
    }
}
