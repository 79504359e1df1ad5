package dev.softmaxexplorer.web.workbench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.softmaxexplorer.web.state.ParseResult;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The .npy writer against NumPy itself: {@code make_workbench_files.py} saved float64 values of
 * every kind with {@code np.save}, and the writer must give the same bytes (so {@code np.load}
 * reads them back); and what it writes, the page's own reader reads back bit for bit.
 */
class NpyWriterTest {

    @Test
    @SuppressWarnings("unchecked")
    void writesTheSameBytesAsNumPysSave() {
        Map<String, Object> export = (Map<String, Object>) ((Map<String, Object>) Json.resource(
                "workbench/expected.json")).get("export");
        double[] values = Json.numbers(export.get("values"));
        assertEquals(10, values.length);
        assertArrayEquals(NpyFileTest.file((String) export.get("file")), NpyWriter.float64(values));
    }

    @Test
    void theHeaderIsPaddedToSixtyFourBytesWithRoomForALongerShape() {
        for (int k : new int[] {2, 50_257, 131_072}) {
            byte[] bytes = NpyWriter.float64(new double[k]);
            int headerLength = (bytes[8] & 0xFF) | (bytes[9] & 0xFF) << 8;
            // NumPy's 2.4 header for any of these shapes: 118 bytes, the data starting at byte 128.
            assertEquals(118, headerLength, "K = " + k);
            assertEquals(10 + 118 + 8 * k, bytes.length);
            String header = new String(bytes, 10, headerLength, StandardCharsets.ISO_8859_1);
            assertTrue(header.startsWith("{'descr': '<f8', 'fortran_order': False, 'shape': (" + k + ",), }"), header);
            assertTrue(header.endsWith(" \n"), header);
        }
    }

    @Test
    void thePagesReaderReadsBackEveryDoubleBitForBit() {
        double[] values = {-0.0, Double.MIN_VALUE, -Double.MAX_VALUE, Math.PI, 1e-310, Double.NEGATIVE_INFINITY, 7};
        ParseResult<NpyFile> read = NpyFile.read(ByteSource.of(NpyWriter.float64(values)));
        assertTrue(read.isOk(), () -> String.valueOf(read.reason()));
        assertEquals("<f8", read.value().dtype());
        LogitVector back = read.value().row(0).value();
        for (int i = 0; i < values.length; i++) {
            assertEquals(Double.doubleToRawLongBits(values[i]), Double.doubleToRawLongBits(back.logit(i)), "entry " + i);
        }
    }
}
