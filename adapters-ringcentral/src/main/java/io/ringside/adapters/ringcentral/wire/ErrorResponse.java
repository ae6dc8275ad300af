package io.ringside.adapters.ringcentral.wire;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * Every error body RingCentral sends, in one shape: OAuth endpoints answer
 * {@code {error, error_description, errors:[{errorCode, message}]}}, the REST API
 * {@code {errors:[{errorCode, message}]}} and often also {@code {errorCode, message}} at the top.
 */
public record ErrorResponse(
        @JsonProperty("error") String error,
        @JsonProperty("error_description") String errorDescription,
        @JsonProperty("errorCode") String errorCode,
        @JsonProperty("message") String message,
        @JsonProperty("errors") List<ApiError> errors) {

    public record ApiError(String errorCode, String message) {
    }

    /** RingCentral's own code (e.g. {@code OAU-106}), from the top level or the first listed error. */
    public String firstErrorCode() {
        if (errorCode != null && !errorCode.isBlank()) {
            return errorCode;
        }
        return errors == null ? null : errors.stream().map(ApiError::errorCode)
                .filter(code -> code != null && !code.isBlank()).findFirst().orElse(null);
    }

    /** The most specific human-readable text RingCentral gave, or null. */
    public String firstMessage() {
        if (errors != null) {
            for (ApiError item : errors) {
                if (item.message() != null && !item.message().isBlank()) {
                    return item.message();
                }
            }
        }
        if (message != null && !message.isBlank()) {
            return message;
        }
        return errorDescription;
    }
}
