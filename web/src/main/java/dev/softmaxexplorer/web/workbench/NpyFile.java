package dev.softmaxexplorer.web.workbench;

import dev.softmaxexplorer.core.Precision;
import dev.softmaxexplorer.web.state.InputParser;
import dev.softmaxexplorer.web.state.Message;
import dev.softmaxexplorer.web.state.ParseResult;
import dev.softmaxexplorer.web.text.Split;

/**
 * An array read from NumPy's {@code .npy} format (versions 1.0, 2.0 and 3.0): the magic
 * {@code \x93NUMPY}, the version, the header's length (2 bytes little-endian in 1.0, 4 in 2.0
 * and 3.0), the header (a Python dict literal with {@code descr}, {@code fortran_order} and
 * {@code shape}, padded with spaces and a new line), then the data. Read: little- and big-endian
 * {@code f2}, {@code f4}, {@code f8}, signed and unsigned integers of 1, 2, 4 and 8 bytes; shapes
 * of one dimension (one vector) or two (a row per vector, C or Fortran order). Floats become the
 * doubles they denote, exactly ({@link Precision#fromBits}); 8-byte integers beyond 2^53 the
 * nearest double.
 *
 * <p>Refused with a message naming what is wrong: no magic, another version, a header longer
 * than the file or that does not end where it says, an unsupported dtype or shape, data shorter
 * or longer than the shape needs. Rows are checked as vectors when chosen ({@link #row}).
 * It never throws, whatever the bytes.
 */
public final class NpyFile {

    /** The largest file read: 64 MiB, 64 rows of 131,072 float64 logits; larger files are refused unread. */
    public static final double MAX_FILE_BYTES = 64.0 * 1024 * 1024;

    private static final int[] MAGIC = {0x93, 'N', 'U', 'M', 'P', 'Y'};

    private final ByteSource bytes;
    private final int dataStart;
    private final char kind;
    private final int width;
    private final boolean bigEndian;
    private final boolean fortran;
    private final int rows;
    private final int columns;
    private final boolean matrix;

    private NpyFile(ByteSource bytes, int dataStart, String descr, boolean fortran, int rows, int columns,
            boolean matrix) {
        this.bytes = bytes;
        this.dataStart = dataStart;
        this.bigEndian = descr.charAt(0) == '>';
        this.kind = descr.charAt(1);
        this.width = descr.charAt(2) - '0';
        this.fortran = fortran;
        this.rows = rows;
        this.columns = columns;
        this.matrix = matrix;
    }

    /**
     * Why a file of this many bytes is not read, or null: checked before the file is read, so
     * that a 2 GB file costs nothing.
     */
    public static Message sizeRefusal(double size) {
        if (size > MAX_FILE_BYTES) {
            return new Message("workbench.file.too-large", "size", megabytes(size), "max", megabytes(MAX_FILE_BYTES));
        }
        return null;
    }

    private static String megabytes(double size) {
        return dev.softmaxexplorer.core.Format.fixed(size / (1024.0 * 1024.0), 1) + " MiB";
    }

    /** The array in these bytes, or why they are not a readable {@code .npy} file. */
    public static ParseResult<NpyFile> read(ByteSource bytes) {
        int length = bytes.length();
        if (length == 0) {
            return ParseResult.rejected(new Message("workbench.problem.empty"));
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (i >= length || bytes.at(i) != MAGIC[i]) {
                return ParseResult.rejected(new Message("workbench.npy.magic"));
            }
        }
        if (length < 10) {
            return truncatedHeader(length);
        }
        int major = bytes.at(6);
        int minor = bytes.at(7);
        if (major < 1 || major > 3 || minor != 0) {
            return ParseResult.rejected(new Message("workbench.npy.version", "version", major + "." + minor));
        }
        int lengthBytes = major == 1 ? 2 : 4;
        int headerStart = 8 + lengthBytes;
        if (length < headerStart) {
            return truncatedHeader(length);
        }
        double headerLength = 0;
        for (int i = lengthBytes - 1; i >= 0; i--) {
            headerLength = headerLength * 256 + bytes.at(8 + i);
        }
        if (headerStart + headerLength > length) {
            return ParseResult.rejected(new Message("workbench.npy.header-length", "length",
                    Integer.toString((int) Math.min(headerLength, Integer.MAX_VALUE)),
                    "available", Integer.toString(length - headerStart)));
        }
        int dataStart = headerStart + (int) headerLength;
        StringBuilder header = new StringBuilder();
        for (int i = headerStart; i < dataStart; i++) {
            header.append((char) bytes.at(i));
        }
        return parseHeader(bytes, header.toString(), dataStart);
    }

    private static ParseResult<NpyFile> truncatedHeader(int length) {
        return ParseResult.rejected(new Message("workbench.npy.header-length", "length", "?",
                "available", Integer.toString(length)));
    }

    private static ParseResult<NpyFile> parseHeader(ByteSource bytes, String header, int dataStart) {
        String dict = header.trim();
        int close = dict.lastIndexOf('}');
        // NumPy ends the header with a new line: a length that lies cuts it or runs into the data.
        if (!header.endsWith("\n") || !dict.startsWith("{") || close != dict.length() - 1) {
            return ParseResult.rejected(new Message("workbench.npy.header", "text", InputParser.quote(dict)));
        }
        String descr = stringValue(dict, "descr");
        String order = wordValue(dict, "fortran_order");
        String shape = tupleValue(dict, "shape");
        if (descr == null || shape == null || !("True".equals(order) || "False".equals(order))) {
            return ParseResult.rejected(new Message("workbench.npy.header", "text", InputParser.quote(dict)));
        }
        if (!isSupported(descr)) {
            return ParseResult.rejected(new Message("workbench.npy.dtype", "dtype", InputParser.quote(descr)));
        }
        String normalized = descr.charAt(0) == '=' || descr.charAt(0) == '|' ? "<" + descr.substring(1) : descr;
        double[] dims = dimensions(shape);
        if (dims == null || dims.length < 1 || dims.length > 2) {
            return ParseResult.rejected(new Message("workbench.npy.shape", "shape", InputParser.quote("(" + shape + ")")));
        }
        boolean matrix = dims.length == 2;
        double rows = matrix ? dims[0] : 1;
        double columns = matrix ? dims[1] : dims[0];
        int width = normalized.charAt(2) - '0';
        double needed = rows * columns * width;
        double available = bytes.length() - dataStart;
        if (needed != available) {
            String key = needed > available ? "workbench.npy.truncated" : "workbench.npy.extra";
            return ParseResult.rejected(new Message(key, "shape", "(" + shape.trim() + ")",
                    "needed", bigNumber(needed), "available", bigNumber(available)));
        }
        if (columns > LogitVector.MAX_CLASSES) {
            return ParseResult.rejected(LogitVector.tooMany());
        }
        return ParseResult.of(new NpyFile(bytes, dataStart, normalized, "True".equals(order), (int) rows,
                (int) columns, matrix));
    }

    private static String bigNumber(double n) {
        return dev.softmaxexplorer.core.Format.shortest(n);
    }

    private static boolean isSupported(String descr) {
        if (descr.length() != 3 || "<>=|".indexOf(descr.charAt(0)) < 0) {
            return false;
        }
        char kind = descr.charAt(1);
        char width = descr.charAt(2);
        return kind == 'f' && (width == '2' || width == '4' || width == '8')
                || (kind == 'i' || kind == 'u') && (width == '1' || width == '2' || width == '4' || width == '8');
    }

    /** The value of {@code 'key': '...'}, or null. */
    private static String stringValue(String dict, String key) {
        int start = valueStart(dict, key);
        if (start < 0 || start >= dict.length() || dict.charAt(start) != '\'' && dict.charAt(start) != '"') {
            return null;
        }
        int end = dict.indexOf(dict.charAt(start), start + 1);
        return end < 0 ? null : dict.substring(start + 1, end);
    }

    /** The value of {@code 'key': Word}, or null. */
    private static String wordValue(String dict, String key) {
        int start = valueStart(dict, key);
        if (start < 0) {
            return null;
        }
        int end = start;
        while (end < dict.length() && Character.isLetter(dict.charAt(end))) {
            end++;
        }
        return dict.substring(start, end);
    }

    /** What is between the parentheses of {@code 'key': (...)}, or null. */
    private static String tupleValue(String dict, String key) {
        int start = valueStart(dict, key);
        if (start < 0 || start >= dict.length() || dict.charAt(start) != '(') {
            return null;
        }
        int end = dict.indexOf(')', start);
        return end < 0 ? null : dict.substring(start + 1, end);
    }

    private static int valueStart(String dict, String key) {
        int at = dict.indexOf("'" + key + "'");
        if (at < 0) {
            return -1;
        }
        int colon = dict.indexOf(':', at + key.length() + 2);
        if (colon < 0) {
            return -1;
        }
        int start = colon + 1;
        while (start < dict.length() && dict.charAt(start) == ' ') {
            start++;
        }
        return start;
    }

    /** "50257," or "4, 50257" as numbers; null if a part is not a whole number. */
    private static double[] dimensions(String shape) {
        String[] parts = Split.at(shape, ',');
        int n = parts.length;
        if (n > 0 && parts[n - 1].trim().isEmpty()) {
            n--;
        }
        double[] dims = new double[n];
        for (int i = 0; i < n; i++) {
            String part = parts[i].trim();
            if (part.isEmpty() || part.length() > 12) {
                return null;
            }
            double d = 0;
            for (int j = 0; j < part.length(); j++) {
                char c = part.charAt(j);
                if (c < '0' || c > '9') {
                    return null;
                }
                d = d * 10 + (c - '0');
            }
            dims[i] = d;
        }
        return dims;
    }

    /** The number of rows: 1 for a one-dimensional array. */
    public int rows() {
        return rows;
    }

    /** The number of values a row: the classes K. */
    public int columns() {
        return columns;
    }

    /** Whether the array has two dimensions (a row chooser makes sense even with one row). */
    public boolean isMatrix() {
        return matrix;
    }

    /** The format of a float dtype (f2, f4), or null for f8 and the integers. */
    public Precision precision() {
        return kind != 'f' || width == 8 ? null : width == 2 ? Precision.FLOAT16 : Precision.FLOAT32;
    }

    /** The dtype as NumPy writes it, e.g. "<f4". */
    public String dtype() {
        return (bigEndian ? ">" : "<") + kind + width;
    }

    /**
     * Row r (0-based) as a vector of logits, or why it cannot be one (a NaN or +inf entry, too
     * few columns).
     *
     * @throws IllegalArgumentException if r is not a row index
     */
    public ParseResult<LogitVector> row(int r) {
        if (r < 0 || r >= rows) {
            throw new IllegalArgumentException("r must be in [0, " + (rows - 1) + "]: " + r);
        }
        double[] values = new double[columns];
        for (int c = 0; c < columns; c++) {
            int element = fortran ? c * rows + r : r * columns + c;
            values[c] = value(dataStart + element * width);
        }
        return LogitVector.checked(values, columns, precision());
    }

    private double value(int offset) {
        if (width == 8) {
            int high = word(offset + (bigEndian ? 0 : 4), 4);
            int low = word(offset + (bigEndian ? 4 : 0), 4);
            if (kind == 'f') {
                return Precision.float64FromBits(high, low);
            }
            double lowValue = low < 0 ? low + 4294967296.0 : low;
            double highValue = kind == 'u' && high < 0 ? high + 4294967296.0 : high;
            return highValue * 4294967296.0 + lowValue;
        }
        int bits = word(offset, width);
        if (kind == 'f') {
            return width == 2 ? Precision.FLOAT16.fromBits(bits) : Precision.FLOAT32.fromBits(bits);
        }
        if (kind == 'u' || width == 4) {
            return kind == 'u' && bits < 0 ? bits + 4294967296.0 : bits;
        }
        int shift = 32 - 8 * width;
        return (bits << shift) >> shift;
    }

    /** The unsigned value of {@code size} bytes (1, 2 or 4) at offset in the file's byte order, as an int's bits. */
    private int word(int offset, int size) {
        int bits = 0;
        for (int i = 0; i < size; i++) {
            int b = bytes.at(offset + (bigEndian ? i : size - 1 - i));
            bits = (bits << 8) | b;
        }
        return bits;
    }
}
