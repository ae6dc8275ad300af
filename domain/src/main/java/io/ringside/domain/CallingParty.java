package io.ringside.domain;

/** Who a call came from, as far as RingCentral told us: a usable caller, or a number we cannot use. */
public sealed interface CallingParty permits Caller, UnusableCallerId {

    /** The name RingCentral gave, or null. */
    String name();
}
