package dev.softmaxexplorer.web.state;

/**
 * The page's colours. {@link #AUTO} follows the system's prefers-color-scheme; the projector
 * scheme is high contrast on white for lecture halls, where dark themes wash out.
 */
public enum ColorScheme {
    /** Light or dark, as the system prefers. */
    AUTO("auto"),
    /** Light, whatever the system prefers. */
    LIGHT("light"),
    /** Dark, whatever the system prefers. */
    DARK("dark"),
    /** High contrast on white, thick lines, large text. */
    PROJECTOR("projector");

    private final String key;

    ColorScheme(String key) {
        this.key = key;
    }

    /** The key as written in links and option values: lower-case ASCII. */
    public String key() {
        return key;
    }
}
