package dev.softmaxexplorer.web.workbench;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.softmaxexplorer.web.state.ParseResult;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Seeded mangling of good inputs, a few thousand each: whatever the bytes or the text, the readers
 * answer with a vector or their own message, never an exception.
 */
class ReaderFuzzTest {

    private static final String[] FILES = {"f2-le.npy", "f4-be.npy", "f8-le.npy", "i8-be.npy", "u2-le.npy",
        "version-2.npy", "version-3.npy", "fortran-2d.npy", "c-2d.npy"};
    private static final String[] TEXTS = {
        "array([ 2.1e+00, -5.0e-01,  3.8e-01,  1.0e-08,     -inf], dtype=float32)",
        "tensor([[ 2.1000, -inf]], device='cuda:0', dtype=torch.bfloat16,\n       grad_fn=<ToCopyBackward0>)",
        "[[1, 2.5, -3e4]]", "logit\n1\n2\n3\n", "1, 2, 3, nan, inf, -inf"};
    private static final String ALPHABET = "0123456789.,-+eE[]()'\"=\n <>nainfdtypeyarrtsoc_:.";

    @Test
    void mangledFilesNeverThrow() {
        SplittableRandom random = new SplittableRandom(170);
        for (int n = 0; n < 4000; n++) {
            byte[] bytes = NpyFileTest.file(FILES[n % FILES.length]).clone();
            int edits = 1 + random.nextInt(4);
            for (int e = 0; e < edits; e++) {
                int kind = random.nextInt(3);
                if (kind == 0) {
                    bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
                } else if (kind == 1) {
                    bytes = java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length + 1));
                } else if (bytes.length > 10) {
                    // The header's length field and text are where a liar does most harm.
                    bytes[6 + random.nextInt(Math.min(bytes.length - 6, 80))] = (byte) random.nextInt(256);
                }
                if (bytes.length == 0) {
                    break;
                }
            }
            ParseResult<NpyFile> read = NpyFile.read(ByteSource.of(bytes));
            if (read.isOk()) {
                for (int r = 0; r < read.value().rows(); r++) {
                    assertNotNull(read.value().row(r));
                }
            } else {
                assertNotNull(read.reason().key());
            }
        }
    }

    @Test
    void mangledTextNeverThrows() {
        SplittableRandom random = new SplittableRandom(171);
        for (int n = 0; n < 6000; n++) {
            StringBuilder text = new StringBuilder(TEXTS[n % TEXTS.length]);
            int edits = 1 + random.nextInt(5);
            for (int e = 0; e < edits && text.length() > 0; e++) {
                int at = random.nextInt(text.length());
                switch (random.nextInt(3)) {
                    case 0 -> text.setCharAt(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                    case 1 -> text.deleteCharAt(at);
                    default -> text.insert(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                }
            }
            ParseResult<LogitVector> read = LogitText.read(text.toString());
            assertNotNull(read.isOk() ? read.value() : read.reason());
        }
    }
}
