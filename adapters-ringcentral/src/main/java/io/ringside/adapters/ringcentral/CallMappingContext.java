package io.ringside.adapters.ringcentral;

import java.time.Instant;

/** What mapping RingCentral's calls needs besides the JSON: the number rules and "now" for calls without a start time. */
record CallMappingContext(PhoneNumbers phoneNumbers, Instant now) {
}
