package dev.softmaxexplorer.web.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.softmaxexplorer.core.Precision;
import dev.softmaxexplorer.web.state.Message;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the workbench says of each file NumPy wrote ({@code make_workbench_files.py}) and of text. */
class StoredFormatTest {

    private static NpyFile npy(String name) {
        return NpyFile.read(ByteSource.of(NpyFileTest.file(name))).value();
    }

    private static LogitVector vector(double... z) {
        return LogitVector.checked(z, z.length, null).value();
    }

    @Test
    void namesEveryDtypeAsNumPyDoesAndSaysWhetherItWasReadExactly() {
        assertEquals(new Message("workbench.stored.exact", "dtype", "float16"), StoredFormat.of(npy("f2-be.npy")));
        assertEquals(new Message("workbench.stored.exact", "dtype", "float32"), StoredFormat.of(npy("f4-le.npy")));
        assertEquals(new Message("workbench.stored.exact", "dtype", "float64"), StoredFormat.of(npy("f8-le.npy")));
        assertEquals(new Message("workbench.stored.exact", "dtype", "int8"), StoredFormat.of(npy("i1-le.npy")));
        assertEquals(new Message("workbench.stored.exact", "dtype", "uint8"), StoredFormat.of(npy("u1-be.npy")));
        assertEquals(new Message("workbench.stored.exact", "dtype", "int16"), StoredFormat.of(npy("i2-be.npy")));
        assertEquals(new Message("workbench.stored.exact", "dtype", "uint16"), StoredFormat.of(npy("u2-le.npy")));
        assertEquals(new Message("workbench.stored.exact", "dtype", "int32"), StoredFormat.of(npy("i4-le.npy")));
        assertEquals(new Message("workbench.stored.exact", "dtype", "uint32"), StoredFormat.of(npy("u4-be.npy")));
        // 2^53 + 1 = 9007199254740993 is in these files: it becomes the nearest double, 2^53.
        assertEquals(new Message("workbench.stored.wide", "dtype", "int64"), StoredFormat.of(npy("i8-le.npy")));
        assertEquals(new Message("workbench.stored.wide", "dtype", "uint64"), StoredFormat.of(npy("u8-be.npy")));
    }

    @Test
    void textIsReadAsTheNearestDoubles() {
        assertEquals(new Message("workbench.stored.text"), StoredFormat.ofText(null));
        assertEquals(new Message("workbench.stored.text-typed", "dtype", "float32"), StoredFormat.ofText(Precision.FLOAT32));
    }

    @Test
    void offersTheStoredFormatAndEachNarrowerOneThatHoldsEveryValue() {
        // 1.5, -3 and 256 are exact in float16 (11 bits, up to 65504) and bfloat16 (8 bits).
        assertEquals(List.of(Precision.FLOAT16, Precision.BFLOAT16), StoredFormat.offered(vector(1.5, -3, 256,
                Double.NEGATIVE_INFINITY)));
        // 257 = 2^8 + 1 needs 9 bits: float16 holds it, bfloat16 does not.
        assertEquals(List.of(Precision.FLOAT16), StoredFormat.offered(vector(257, 0)));
        // 2^100 is beyond float16's 65504, and 0x1.fep-20 (8 significant bits) needs bits below float16's
        // smallest subnormal 2^-24; bfloat16 holds both.
        assertEquals(List.of(Precision.BFLOAT16), StoredFormat.offered(vector(Math.scalb(1.0, 100), 0x1.fep-20)));
        // 0x1.000002p0 = 1 + 2^-23 needs 24 bits: float32 alone.
        assertEquals(List.of(Precision.FLOAT32), StoredFormat.offered(vector(0x1.000002p0, 2)));
        // 0.1 is exact in no narrower format: nothing is offered.
        assertEquals(List.of(), StoredFormat.offered(vector(0.1, 2)));
        // The stored format is offered even when the decimals of a print are not exactly its values.
        assertEquals(List.of(Precision.FLOAT32), StoredFormat.offered(LogitVector.checked(new double[] {2.1, -0.5}, 2,
                Precision.FLOAT32).value()));
        // A float32 file of bfloat16 values: bfloat16 first, then the file's float32.
        assertEquals(List.of(Precision.BFLOAT16, Precision.FLOAT32), StoredFormat.offered(LogitVector.checked(
                new double[] {0x1.fep-20, 3}, 2, Precision.FLOAT32).value()));
    }
}
