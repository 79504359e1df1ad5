package dev.softmaxexplorer.web.workbench;

/**
 * The bytes of a file, read one at a time: a Java array in tests, the browser's {@code Uint8Array}
 * of the file's {@code ArrayBuffer} on the page, so that a file is never copied into a Java array.
 */
public interface ByteSource {

    /** The number of bytes. */
    int length();

    /** Byte i, from 0 to 255. */
    int at(int i);

    /** A source over a Java array (not copied). */
    static ByteSource of(byte[] bytes) {
        return new ByteSource() {
            @Override
            public int length() {
                return bytes.length;
            }

            @Override
            public int at(int i) {
                return bytes[i] & 0xFF;
            }
        };
    }
}
