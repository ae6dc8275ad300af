package io.ringside.adapters.ringcentral.wire;

/**
 * {@code GetExtensionListInfoResponse}: one extension of the account's extension list.
 *
 * @param id              RingCentral's extension id (a JSON number, int64)
 * @param extensionNumber the short number, e.g. {@code 103}; absent for an unassigned extension
 * @param name            for a user, first and last name
 * @param type            one of {@code AllExtensionTypesEnum}, e.g. {@code User}, {@code Department} (a call queue)
 * @param status          one of {@code ExtensionStatusEnumFull}, e.g. {@code Enabled}, {@code Disabled}
 */
public record ExtensionListRecord(Long id, String extensionNumber, String name, String type, String status) {
}
