package dev.softmaxexplorer.web.workbench;

/**
 * Writes a vector of doubles as an {@code .npy} file exactly as NumPy's {@code np.save} writes
 * it: format 1.0, dtype {@code <f8} (float64, little-endian), C order, and the header padded as
 * NumPy pads it (room for the length to grow to 21 digits, then spaces and a new line up to a
 * multiple of 64 bytes), so that the bytes equal NumPy's own and {@code np.load} reads back
 * every double bit for bit, negative zero and infinities included.
 */
public final class NpyWriter {
    /** NumPy aligns the data to this many bytes. */
    private static final int ALIGN = 64;
    /** NumPy leaves room in the header for a length of this many digits. */
    private static final int GROWTH_DIGITS = 21;
    /** The magic (6 bytes), the version (2) and the header's length (2) in format 1.0. */
    private static final int PREFIX = 10;

    private NpyWriter() {
    }

    /** The bytes of an {@code .npy} file of these values as float64. */
    public static byte[] float64(double[] values) {
        String length = Integer.toString(values.length);
        StringBuilder header = new StringBuilder("{'descr': '<f8', 'fortran_order': False, 'shape': (")
                .append(length).append(",), }");
        for (int i = length.length(); i < GROWTH_DIGITS; i++) {
            header.append(' ');
        }
        int padding = ALIGN - (PREFIX + header.length() + 1) % ALIGN;
        for (int i = 0; i < padding; i++) {
            header.append(' ');
        }
        header.append('\n');
        int headerLength = header.length();
        byte[] out = new byte[PREFIX + headerLength + 8 * values.length];
        out[0] = (byte) 0x93;
        String magic = "NUMPY";
        for (int i = 0; i < magic.length(); i++) {
            out[1 + i] = (byte) magic.charAt(i);
        }
        out[6] = 1;
        out[7] = 0;
        out[8] = (byte) headerLength;
        out[9] = (byte) (headerLength >>> 8);
        for (int i = 0; i < headerLength; i++) {
            out[PREFIX + i] = (byte) header.charAt(i);
        }
        int at = PREFIX + headerLength;
        for (double v : values) {
            long bits = Double.doubleToRawLongBits(v);
            for (int b = 0; b < 8; b++) {
                out[at++] = (byte) (bits >>> (8 * b));
            }
        }
        return out;
    }
}
