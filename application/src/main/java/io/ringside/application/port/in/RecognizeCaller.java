package io.ringside.application.port.in;

import io.ringside.domain.KnownCaller;
import io.ringside.domain.PhoneNumber;

import java.util.Optional;

/** "Known: Jane Doe · 3 intakes, last on 12 Nov": what earlier intakes say about a number. */
public interface RecognizeCaller {

    Optional<KnownCaller> recognize(PhoneNumber phone);
}
