package io.ringside.simulator.web;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * {@code GetExtensionListResponse} of RingCentral's spec: one page of {@code GetExtensionListInfoResponse}
 * records with navigation and paging (the same {@code PageNavigationModel} and
 * {@code EnumeratedPagingModel} as the call log). Absent fields are left out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ExtensionListResponse(String uri, List<Record> records, CallLogResponse.Navigation navigation,
                             CallLogResponse.Paging paging) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Record(long id, String uri, String extensionNumber, String name, String type, String status, Contact contact,
                  Boolean hidden) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Contact(String firstName, String lastName, String name) {
    }
}
