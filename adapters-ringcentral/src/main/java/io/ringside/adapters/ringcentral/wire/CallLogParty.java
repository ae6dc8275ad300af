package io.ringside.adapters.ringcentral.wire;

/**
 * {@code CallLogFromParty} / {@code CallLogToParty}. {@code phoneNumber} is "usually a plain number
 * including country and area code like 18661234567", sometimes formatted, masked or absent;
 * {@code extensionNumber} is set when the party is an internal extension.
 */
public record CallLogParty(String phoneNumber, String extensionNumber, String extensionId, String name, String location) {
}
