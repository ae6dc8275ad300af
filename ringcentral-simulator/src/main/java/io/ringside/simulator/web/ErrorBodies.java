package io.ringside.simulator.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.ringside.simulator.error.ApiException;
import io.ringside.simulator.error.OAuthException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.List;
import java.util.NoSuchElementException;

/** Error bodies in RingCentral's two shapes (REST API and OAuth), only for the simulator's own endpoints. */
@RestControllerAdvice(basePackageClasses = ErrorBodies.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ErrorBodies {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ApiError(String errorCode, String message, String parameterName) {
    }

    /** {@code {"errorCode","message","errors":[…]}}: what clients quote, plus what the contract requires. */
    record ApiErrorBody(String errorCode, String message, List<ApiError> errors) {
    }

    record OAuthErrorBody(String error, @JsonProperty("error_description") String errorDescription,
                          List<ApiError> errors) {
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ApiErrorBody> api(ApiException e) {
        HttpHeaders headers = new HttpHeaders();
        e.headers().forEach(headers::set);
        return ResponseEntity.status(e.status()).headers(headers).body(new ApiErrorBody(e.errorCode(), e.getMessage(),
                List.of(new ApiError(e.errorCode(), e.getMessage(), e.parameterName()))));
    }

    @ExceptionHandler(OAuthException.class)
    ResponseEntity<OAuthErrorBody> oauth(OAuthException e) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(e.status());
        if (e.status() == 401) {
            // RFC 6749 §5.2: a failed Basic client authentication names the scheme.
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"RingCentral\"");
        }
        return response.body(new OAuthErrorBody(e.error(), e.getMessage(),
                List.of(new ApiError(e.errorCode(), e.getMessage(), e.parameterName()))));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiErrorBody> mediaType(HttpMediaTypeNotSupportedException e) {
        return api(new ApiException(415, "CMN-415", "Unsupported Media Type"));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ApiErrorBody> missing(MissingServletRequestParameterException e) {
        return api(ApiException.invalidParameter(e.getParameterName()));
    }

    /** Control API: an unknown call id. */
    @ExceptionHandler(NoSuchElementException.class)
    ResponseEntity<ApiErrorBody> notFound(NoSuchElementException e) {
        return api(new ApiException(HttpStatus.NOT_FOUND.value(), "CMN-102", e.getMessage()));
    }

    /** Control API: a transition the call's state does not allow (answer an ended call, …). */
    @ExceptionHandler(IllegalStateException.class)
    ResponseEntity<ApiErrorBody> conflict(IllegalStateException e) {
        return api(new ApiException(HttpStatus.CONFLICT.value(), "CMN-409", e.getMessage()));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ApiErrorBody> badRequest(IllegalArgumentException e) {
        return api(new ApiException(HttpStatus.BAD_REQUEST.value(), "CMN-101", e.getMessage()));
    }
}
