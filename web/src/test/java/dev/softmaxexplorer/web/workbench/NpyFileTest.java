package dev.softmaxexplorer.web.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.softmaxexplorer.core.Precision;
import dev.softmaxexplorer.web.state.ParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The .npy reader against the files NumPy wrote ({@code make_workbench_files.py}): each value
 * the double NumPy's {@code astype(np.float64)} gives, written by Python's repr, read back here by
 * the JVM's parser; each broken file refused with its own message.
 */
class NpyFileTest {

    @SuppressWarnings("unchecked")
    private static final Map<String, Object> EXPECTED = (Map<String, Object>) Json.resource("workbench/expected.json");

    static byte[] file(String name) {
        try (InputStream in = NpyFileTest.class.getResourceAsStream("/workbench/npy/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test file " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ParseResult<NpyFile> read(byte[] bytes) {
        return NpyFile.read(ByteSource.of(bytes));
    }

    @Test
    @SuppressWarnings("unchecked")
    void readsEveryDtypeByteOrderVersionAndLayoutExactly() {
        Map<String, Object> good = (Map<String, Object>) EXPECTED.get("good");
        assertEquals(27, good.size());
        for (Map.Entry<String, Object> entry : good.entrySet()) {
            String name = entry.getKey();
            Map<String, Object> want = (Map<String, Object>) entry.getValue();
            ParseResult<NpyFile> read = read(file(name));
            assertTrue(read.isOk(), () -> name + ": " + read.reason());
            NpyFile npy = read.value();
            List<Object> rows = (List<Object>) want.get("values");
            assertEquals(rows.size(), npy.rows(), name);
            assertEquals(name.contains("2d"), npy.isMatrix(), name);
            Object precision = want.get("precision");
            assertEquals(precision == null ? null : Precision.valueOf((String) precision), npy.precision(), name);
            for (int r = 0; r < rows.size(); r++) {
                double[] expected = Json.numbers(rows.get(r));
                ParseResult<LogitVector> row = npy.row(r);
                assertTrue(row.isOk(), () -> name + ": " + row.reason());
                assertEquals(expected.length, row.value().size(), name);
                for (int i = 0; i < expected.length; i++) {
                    assertEquals(Double.doubleToLongBits(expected[i]), Double.doubleToLongBits(row.value().logit(i)),
                            name + "[" + i + "]: expected " + expected[i] + ", was " + row.value().logit(i));
                }
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void refusesEveryBrokenFileWithItsOwnMessage() {
        Map<String, Object> bad = (Map<String, Object>) EXPECTED.get("bad");
        for (Map.Entry<String, Object> entry : bad.entrySet()) {
            String name = entry.getKey();
            ParseResult<NpyFile> read = read(file(name));
            String key = read.isOk() ? read.value().row(0).reason().key() : read.reason().key();
            assertEquals(entry.getValue(), key, name);
        }
        assertEquals("2", read(file("nan-entry.npy")).value().row(0).reason().value("index"));
        assertEquals("1", read(file("inf-entry.npy")).value().row(0).reason().value("index"));
        assertEquals("'<c8'", read(file("complex.npy")).reason().value("dtype"));
    }

    @Test
    void refusesMoreThanTheMostClasses() {
        String header = "{'descr': '|i1', 'fortran_order': False, 'shape': (131073,), }";
        StringBuilder padded = new StringBuilder(header);
        while ((10 + padded.length() + 1) % 64 != 0) {
            padded.append(' ');
        }
        padded.append('\n');
        byte[] head = padded.toString().getBytes(StandardCharsets.US_ASCII);
        byte[] bytes = new byte[10 + head.length + 131_073];
        System.arraycopy(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, (byte) head.length, 0}, 0, bytes, 0, 10);
        System.arraycopy(head, 0, bytes, 10, head.length);
        assertEquals("workbench.problem.too-many", read(bytes).reason().key());
    }

    @Test
    void refusesAHugeFileBeforeReadingIt() {
        assertEquals("workbench.file.too-large", NpyFile.sizeRefusal(2.0 * 1024 * 1024 * 1024).key());
        assertEquals("2048.0 MiB", NpyFile.sizeRefusal(2.0 * 1024 * 1024 * 1024).value("size"));
        assertNull(NpyFile.sizeRefusal(NpyFile.MAX_FILE_BYTES));
    }

    @Test
    @SuppressWarnings("unchecked")
    void readsTheVocabularySizedVector() {
        Map<String, Object> gpt2 = (Map<String, Object>) EXPECTED.get("gpt2");
        NpyFile npy = read(file((String) gpt2.get("file"))).value();
        assertEquals(50_257, npy.columns());
        assertFalse(npy.isMatrix());
        LogitVector v = npy.row(0).value();
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < v.size(); i++) {
            max = Math.max(max, v.logit(i));
        }
        assertEquals(Json.number(gpt2.get("max")), max);
        assertEquals(Precision.FLOAT16, v.precision());
    }
}
