package org.insigne.issuer.bulk;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the CSV files spreadsheets write (RFC 4180): a header line, then records; fields separated by
 * {@code ,} or {@code ;} (the one the header uses: French spreadsheets write {@code ;}); a field in double
 * quotes may hold the delimiter, line breaks and doubled quotes. Bytes are decoded as strict UTF-8 (a byte
 * order mark is dropped), else as Windows-1252, which is what older spreadsheets save "CSV" as in Western
 * Europe. Refusals ({@link CsvRejected}) name the limit or the line at fault.
 */
public final class CsvReader {

    public static final int MAX_BYTES = 10 * 1024 * 1024;
    public static final int MAX_RECORDS = 20_000;
    public static final int MAX_COLUMNS = 50;

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

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

    private static List<CsvTable.Record> parse(String text, char delimiter) {
        List<CsvTable.Record> records = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        int line = 1;
        int recordLine = 1;
        int quoteLine = 0;
        boolean quoted = false;
        boolean afterQuote = false;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i += 2;
                        continue;
                    }
                    quoted = false;
                    afterQuote = true;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    cell.append(c);
                }
                i++;
                continue;
            }
            if (c == delimiter) {
                cells.add(cell.toString());
                cell.setLength(0);
                afterQuote = false;
                if (cells.size() > MAX_COLUMNS) {
                    throw new CsvRejected("too-many-columns", recordLine, MAX_COLUMNS);
                }
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                cells.add(cell.toString());
                cell.setLength(0);
                afterQuote = false;
                addRecord(records, recordLine, cells);
                cells = new ArrayList<>();
                line++;
                recordLine = line;
            } else if (c == '"' && cell.isEmpty() && !afterQuote) {
                quoted = true;
                quoteLine = line;
            } else if (afterQuote) {
                // Text after a closing quote ("a"b): RFC 4180 forbids it and guessing would change the data.
                throw new CsvRejected("stray-quote", line);
            } else {
                cell.append(c);
            }
            i++;
        }
        if (quoted) {
            throw new CsvRejected("unclosed-quote", quoteLine);
        }
        if (!cells.isEmpty() || !cell.isEmpty() || afterQuote) {
            cells.add(cell.toString());
            addRecord(records, recordLine, cells);
        }
        return records;
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
