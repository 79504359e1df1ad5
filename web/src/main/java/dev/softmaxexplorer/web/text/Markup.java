package dev.softmaxexplorer.web.text;

/**
 * The little markup that translated prose may carry: {@code <sup>}, {@code <sub>}, {@code <em>},
 * {@code <dfn>} and {@code <code>}, nested, without attributes. Anything else, including any
 * other tag, is text. The page builds elements from these events and sets every text as text,
 * never as HTML, so a table can style a word but cannot inject markup; and tables come from the
 * build, never from the URL.
 */
public final class Markup {
    private static final String[] TAGS = {"sup", "sub", "em", "dfn", "code"};

    /** Receives a template's pieces in order. */
    public interface Sink {
        void text(String text);

        void open(String tag);

        void close(String tag);
    }

    private Markup() {
    }

    /** Reports the template's text runs and allowed tags to the sink, in order. */
    public static void parse(String template, Sink sink) {
        int textStart = 0;
        int i = template.indexOf('<');
        while (i >= 0) {
            boolean closing = i + 1 < template.length() && template.charAt(i + 1) == '/';
            String tag = tagAt(template, closing ? i + 2 : i + 1);
            if (tag == null) {
                i = template.indexOf('<', i + 1);
                continue;
            }
            if (i > textStart) {
                sink.text(template.substring(textStart, i));
            }
            if (closing) {
                sink.close(tag);
            } else {
                sink.open(tag);
            }
            textStart = (closing ? i + 2 : i + 1) + tag.length() + 1;
            i = template.indexOf('<', textStart);
        }
        if (textStart < template.length()) {
            sink.text(template.substring(textStart));
        }
    }

    /** The allowed tag name at this position followed by '>', or null. */
    private static String tagAt(String template, int start) {
        for (String tag : TAGS) {
            if (template.startsWith(tag, start) && template.startsWith(">", start + tag.length())) {
                return tag;
            }
        }
        return null;
    }
}
