package io.ringside.simulator.error;

import java.util.Map;

/**
 * A REST API error as RingCentral answers it: an HTTP status and a body
 * {@code {"errorCode":…,"message":…,"errors":[{"errorCode":…,"message":…}]}} (the top-level pair is what
 * clients and docs quote; {@code errors[]} is what the OpenAPI contract requires).
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String errorCode;
    private final String parameterName;
    private final Map<String, String> headers;

    public ApiException(int status, String errorCode, String message) {
        this(status, errorCode, message, null, Map.of());
    }

    public ApiException(int status, String errorCode, String message, String parameterName,
                        Map<String, String> headers) {
        super(message);
        this.status = status;
        this.errorCode = errorCode;
        this.parameterName = parameterName;
        this.headers = Map.copyOf(headers);
    }

    /** 400 CMN-101: a query parameter has a value the platform does not accept. */
    public static ApiException invalidParameter(String name) {
        return new ApiException(400, "CMN-101", "Parameter [" + name + "] value is invalid", name, Map.of());
    }

    /** 404 CMN-102: a path names an account or extension this token cannot see. */
    public static ApiException resourceNotFound(String parameter) {
        return new ApiException(404, "CMN-102", "Resource for parameter [" + parameter + "] is not found",
                parameter, Map.of());
    }

    public int status() {
        return status;
    }

    public String errorCode() {
        return errorCode;
    }

    /** The offending parameter, or null. */
    public String parameterName() {
        return parameterName;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
