package io.ringside.adapters.ringcentral.wire;

import java.util.List;

/** {@code CallLogResponse}: one page of call-log records and the links to the others. */
public record CallLogResponse(List<CallLogRecord> records, Navigation navigation) {

    public List<CallLogRecord> recordsOrEmpty() {
        return records == null ? List.of() : records;
    }

    /** The next page's URI, or null on the last page. */
    public String nextPageUri() {
        return navigation == null ? null : navigation.nextPageUri();
    }

    /** {@code PageNavigationModel}: the same on every paged RingCentral list (call log, extensions). */
    public record Navigation(PageUri firstPage, PageUri nextPage, PageUri previousPage, PageUri lastPage) {

        /** The next page's URI, or null on the last page. */
        public String nextPageUri() {
            if (nextPage == null) {
                return null;
            }
            String uri = nextPage.uri();
            return uri == null || uri.isBlank() ? null : uri;
        }
    }

    /** {@code PageNavigationUri}. */
    public record PageUri(String uri) {
    }
}
