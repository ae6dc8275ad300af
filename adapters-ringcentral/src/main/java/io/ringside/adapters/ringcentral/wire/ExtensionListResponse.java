package io.ringside.adapters.ringcentral.wire;

import java.util.List;

/**
 * {@code GetExtensionListResponse}: one page of the account's extensions, the links to the other pages
 * ({@code PageNavigationModel}, as in the call log) and where this page sits ({@code EnumeratedPagingModel}).
 */
public record ExtensionListResponse(List<ExtensionListRecord> records, CallLogResponse.Navigation navigation, Paging paging) {

    public List<ExtensionListRecord> recordsOrEmpty() {
        return records == null ? List.of() : records;
    }

    /** The next page's URI, or null on the last page. */
    public String nextPageUri() {
        return navigation == null ? null : navigation.nextPageUri();
    }

    /** {@code EnumeratedPagingModel}; every field may be absent. */
    public record Paging(Integer page, Integer totalPages, Integer perPage, Integer totalElements) {
    }
}
