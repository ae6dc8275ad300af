package io.ringside.simulator.web;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** {@code CallLogResponse} of the contract: used by the call log and by active calls. Absent fields are left out. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record CallLogResponse(String uri, List<Record> records, Navigation navigation, Paging paging) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Record(
            String uri,
            String id,
            String sessionId,
            String telephonySessionId,
            String startTime,
            Long duration,
            Long durationMs,
            String type,
            String internalType,
            String direction,
            String action,
            String result,
            Party to,
            Party from,
            ExtensionRef extension,
            String transport,
            String lastModifiedTime,
            Boolean finished,
            List<Leg> legs) {
    }

    /** A leg of a Detailed record: the same call seen from one participant. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Leg(String startTime, Long duration, Long durationMs, String type, String direction, String action,
               String result, Party to, Party from, ExtensionRef extension, String legType, Boolean master,
               String telephonySessionId) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Party(String phoneNumber, String extensionNumber, String extensionId, String name, String location) {
    }

    record ExtensionRef(long id, String uri) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Navigation(PageUri firstPage, PageUri nextPage, PageUri previousPage, PageUri lastPage) {
    }

    record PageUri(String uri) {
    }

    /** {@code EnumeratedPagingModel}: page bounds are left out when the page is empty. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Paging(Integer page, Integer totalPages, int perPage, Integer totalElements, Integer pageStart,
                  Integer pageEnd) {
    }
}
