package org.insigne.issuer.bulk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the CSV files spreadsheets write (RFC 4180, parsed by Commons CSV): a header line, then records;
 * fields separated by {@code ,} or {@code ;} (the one the header uses: French spreadsheets write {@code ;});
 * a field in double quotes may hold the delimiter, line breaks and doubled quotes. Bytes are decoded as strict
 * UTF-8 (a byte order mark is dropped), else as Windows-1252, which is what older spreadsheets save "CSV" as in
 * Western Europe; Commons CSV leaves both guesses to us. Refusals ({@link CsvRejected}) name the limit or the
 * line at fault.
 */
public final class CsvReader {

    public static final int MAX_BYTES = 10 * 1024 * 1024;
    public static final int MAX_RECORDS = 20_000;
    public static final int MAX_COLUMNS = 50;

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final Pattern UNCLOSED_QUOTE = Pattern.compile("\\(startline ([^)]+)\\) EOF reached before encapsulated");
    private static final Pattern STRAY_QUOTE = Pattern.compile("between encapsulated token and delimiter at line: (.+?), position");

    private CsvReader() {
    }

    public static CsvTable read(byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            throw new CsvRejected("too-large", MAX_BYTES / (1024 * 1024));
        }
        String encoding = "UTF-8";
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            encoding = "windows-1252";
            text = windows1252(bytes);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.indexOf('\0') >= 0) {
            // A spreadsheet's own format (xlsx is a zip) or UTF-16 text: never a CSV we can read.
            throw new CsvRejected("binary");
        }
        char delimiter = delimiter(text);
        List<CsvTable.Record> rows = parse(text, delimiter);
        if (rows.isEmpty()) {
            throw new CsvRejected("empty");
        }
        CsvTable.Record header = rows.get(0);
        return new CsvTable(header.cells(), rows.subList(1, rows.size()), delimiter, encoding);
    }

    private static String windows1252(byte[] bytes) {
        try {
            // Five bytes (0x81, 0x8D, 0x8F, 0x90, 0x9D) mean nothing in Windows-1252: such a file is neither.
            return WINDOWS_1252.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new CsvRejected("encoding");
        }
    }

    /** The delimiter the header line uses most, outside quotes; a comma when it uses neither (one column). */
    static char delimiter(String text) {
        int commas = 0;
        int semicolons = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted && c == ',') {
                commas++;
            } else if (!quoted && c == ';') {
                semicolons++;
            }
        }
        return semicolons > commas ? ';' : ',';
    }

    /**
     * Records with the line each starts on, as a spreadsheet numbers them: a quoted field's line breaks count,
     * so the numbers in our messages match what the awarder sees.
     */
    private static List<CsvTable.Record> parse(String text, char delimiter) {
        // Empty lines are kept as records here so that the parser's positions stay ours; addRecord skips them.
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false).get();
        int[] lineStarts = lineStarts(text);
        List<CsvTable.Record> records = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(text, format)) {
            for (CSVRecord record : parser) {
                int line = lineOf(lineStarts, record.getCharacterPosition());
                if (record.size() > MAX_COLUMNS) {
                    throw new CsvRejected("too-many-columns", line, MAX_COLUMNS);
                }
                addRecord(records, line, record.toList());
            }
        } catch (UncheckedIOException | IOException broken) {
            throw refusal(broken instanceof UncheckedIOException unchecked ? unchecked.getCause() : broken);
        }
        return records;
    }

    /**
     * Commons CSV says which quoting rule a file breaks only in its message, with the line: an unclosed quote
     * at the line it opened, text after a closing quote ({@code "a"b}, which RFC 4180 forbids and guessing
     * would change the data) at the line of that text.
     */
    private static CsvRejected refusal(Throwable broken) {
        String message = String.valueOf(broken.getMessage());
        Matcher unclosed = UNCLOSED_QUOTE.matcher(message);
        if (unclosed.find()) {
            return new CsvRejected("unclosed-quote", number(unclosed.group(1)));
        }
        Matcher stray = STRAY_QUOTE.matcher(message);
        if (stray.find()) {
            return new CsvRejected("stray-quote", number(stray.group(1)));
        }
        throw new IllegalStateException("Unexpected CSV parser failure", broken);
    }

    /** The number Commons CSV formatted with the default locale's grouping ({@code 1,234}, {@code 1 234}). */
    private static int number(String formatted) {
        return Integer.parseInt(formatted.replaceAll("\\D", ""));
    }

    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int lineOf(int[] lineStarts, long position) {
        int found = Arrays.binarySearch(lineStarts, (int) position);
        return found >= 0 ? found + 1 : -found - 1;
    }

    private static void addRecord(List<CsvTable.Record> records, int line, List<String> cells) {
        boolean empty = cells.stream().allMatch(String::isBlank);
        if (empty) {
            return;
        }
        // One header and MAX_RECORDS rows.
        if (records.size() > MAX_RECORDS) {
            throw new CsvRejected("too-many-rows", MAX_RECORDS);
        }
        records.add(new CsvTable.Record(line, cells));
    }
}
