package io.ringside.adapters.persistence.cluster;

import io.ringside.domain.Extension;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The desks a call rings at, as one text column: {@code id|number|name} per desk, joined by {@code ;}, each part
 * URL-encoded so a name containing {@code |} or {@code ;} survives. An unknown number or name is an empty part
 * (an {@link Extension} never holds a blank one); no desk at all is null.
 */
final class DeskList {

    private DeskList() {
    }

    static String write(Set<Extension> desks) {
        if (desks.isEmpty()) {
            return null;
        }
        return desks.stream()
                .sorted(Comparator.comparing(Extension::id)) // the same set is always the same text
                .map(desk -> encode(desk.id()) + "|" + encode(desk.number()) + "|" + encode(desk.name()))
                .collect(Collectors.joining(";"));
    }

    static Set<Extension> read(String column) {
        if (column == null || column.isEmpty()) {
            return Set.of();
        }
        Set<Extension> desks = new HashSet<>();
        for (String desk : column.split(";")) {
            String[] parts = desk.split("\\|", -1);
            if (parts.length != 3) {
                throw new IllegalStateException("Not a desk as shared_call.ringing_at stores one: '" + desk + "'");
            }
            desks.add(new Extension(decode(parts[0]), decode(parts[1]), decode(parts[2])));
        }
        return desks;
    }

    private static String encode(String part) {
        return part == null ? "" : URLEncoder.encode(part, StandardCharsets.UTF_8);
    }

    private static String decode(String part) {
        return part.isEmpty() ? null : URLDecoder.decode(part, StandardCharsets.UTF_8);
    }
}
