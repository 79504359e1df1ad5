package dev.softmaxexplorer.web.state;

/**
 * Percent-encoding of text as UTF-8 (RFC 3986), for class names in the URL hash.
 *
 * <p>Written here rather than taken from {@code java.net.URLEncoder}: that one writes a space as
 * '+' (the form encoding, not the URL one), its decoder throws on malformed input, and the
 * exact behaviour of TeaVM's copy is not tested by this project. This one is total, strict and
 * tested on the JVM with plain string and integer operations that TeaVM compiles identically.
 */
final class PercentEncoding {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PercentEncoding() {
    }

    /**
     * The text with every character except the unreserved ones (A-Z a-z 0-9 - . _ ~) written as
     * %XX bytes of its UTF-8 form, upper-case hex. The text must be well-formed UTF-16 (no lone
     * surrogates), as {@link State#isValidName} guarantees for class names.
     */
    static String encode(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i = text.offsetByCodePoints(i, 1)) {
            int c = text.codePointAt(i);
            if (isUnreserved(c)) {
                out.append((char) c);
            } else if (c < 0x80) {
                appendByte(out, c);
            } else if (c < 0x800) {
                appendByte(out, 0xC0 | (c >> 6));
                appendByte(out, 0x80 | (c & 0x3F));
            } else if (c < 0x10000) {
                appendByte(out, 0xE0 | (c >> 12));
                appendByte(out, 0x80 | ((c >> 6) & 0x3F));
                appendByte(out, 0x80 | (c & 0x3F));
            } else {
                appendByte(out, 0xF0 | (c >> 18));
                appendByte(out, 0x80 | ((c >> 12) & 0x3F));
                appendByte(out, 0x80 | ((c >> 6) & 0x3F));
                appendByte(out, 0x80 | (c & 0x3F));
            }
        }
        return out.toString();
    }

    /**
     * The text with its %XX sequences decoded as UTF-8. Characters that are not part of a %XX
     * sequence are kept as they are ('+' stays '+': a URL fragment is not a form). Refused, with
     * a reason naming {@code field}: a '%' not followed by two hex digits, and byte sequences
     * that are not well-formed UTF-8 (stray continuation bytes, truncated sequences, overlong
     * forms, surrogates, values above U+10FFFF).
     */
    static ParseResult<String> decode(String text, Message field) {
        if (text.indexOf('%') < 0) {
            return ParseResult.of(text);
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        int n = text.length();
        while (i < n) {
            char ch = text.charAt(i);
            if (ch != '%') {
                out.append(ch);
                i++;
                continue;
            }
            int b = hexByte(text, i);
            if (b < 0) {
                return ParseResult.rejected(new Message("link.percent.hex", "field", field));
            }
            i += 3;
            if (b < 0x80) {
                out.append((char) b);
                continue;
            }
            int following;
            int codePoint;
            int smallest;
            if (b >= 0xC2 && b <= 0xDF) {
                following = 1;
                codePoint = b & 0x1F;
                smallest = 0x80;
            } else if (b >= 0xE0 && b <= 0xEF) {
                following = 2;
                codePoint = b & 0x0F;
                smallest = 0x800;
            } else if (b >= 0xF0 && b <= 0xF4) {
                following = 3;
                codePoint = b & 0x07;
                smallest = 0x10000;
            } else {
                return notUtf8(field);
            }
            for (int j = 0; j < following; j++) {
                int next = i < n && text.charAt(i) == '%' ? hexByte(text, i) : -1;
                if (next < 0 || (next & 0xC0) != 0x80) {
                    return notUtf8(field);
                }
                codePoint = (codePoint << 6) | (next & 0x3F);
                i += 3;
            }
            if (codePoint < smallest || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF)) {
                return notUtf8(field);
            }
            out.appendCodePoint(codePoint);
        }
        return ParseResult.of(out.toString());
    }

    private static ParseResult<String> notUtf8(Message field) {
        return ParseResult.rejected(new Message("link.percent.utf8", "field", field));
    }

    private static boolean isUnreserved(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }

    private static void appendByte(StringBuilder out, int b) {
        out.append('%').append(HEX[b >> 4]).append(HEX[b & 0xF]);
    }

    /** The byte of the %XX at {@code i}, or -1 if there are not two hex digits after the '%'. */
    private static int hexByte(String text, int i) {
        if (i + 2 >= text.length()) {
            return -1;
        }
        int high = hexDigit(text.charAt(i + 1));
        int low = hexDigit(text.charAt(i + 2));
        return high < 0 || low < 0 ? -1 : (high << 4) | low;
    }

    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return -1;
    }
}
