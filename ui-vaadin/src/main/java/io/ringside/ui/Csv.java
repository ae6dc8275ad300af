package io.ringside.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * CSV for a spreadsheet, the rules every export of the console shares. RFC 4180: a field with a comma,
 * quote, CR or LF is quoted, quotes inside are doubled, lines end with CRLF. A cell that a spreadsheet
 * would run as a formula (it starts with {@code = + - @}, a tab or a CR) gets a leading {@code '}: the
 * cells hold text people typed (a caller's name, a username at the login form), and a spreadsheet must
 * show it, never run it. The caller writes the bytes as UTF-8.
 */
public final class Csv {

    static final String LINE_END = "\r\n";

    private Csv() {
    }

    /** Writes one line of cells; a null cell is an empty one. */
    public static void writeLine(Writer out, String... cells) {
        writeLine(out, Arrays.asList(cells));
    }

    public static void writeLine(Writer out, List<String> cells) {
        String line = cells.stream().map(Csv::cell).collect(Collectors.joining(",")) + LINE_END;
        try {
            out.write(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One value as a cell: guarded against formulas, then quoted when it has to be. */
    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String text = startsLikeAFormula(value) ? "'" + value : value;
        if (text.contains(",") || text.contains("\"") || text.contains("\r") || text.contains("\n")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    private static boolean startsLikeAFormula(String value) {
        return "=+-@\t\r".indexOf(value.charAt(0)) >= 0;
    }
}
