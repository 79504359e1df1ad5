package dev.softmaxexplorer.web.state;

/**
 * The language of the page's words. {@link #AUTO} follows the browser's language (and is left out
 * of links, like the other defaults); a language chosen on the page or in a link is kept, so that
 * a link made in English opens in English on a Japanese browser.
 *
 * <p>The two pseudo-locales exist for layout tests and are reachable only by link: both are
 * English transformed at run time, so they cost no table of their own.
 */
public enum Language {
    /** The browser's language when the page has it, else English. */
    AUTO("auto", false, false),
    /** English, the language of the default build. */
    ENGLISH("en", false, false),
    /** Japanese. */
    JAPANESE("ja", false, true),
    /** Every English string doubled: shows where long translations would overflow. */
    PSEUDO_LONG("en-xa", false, false),
    /** English laid out right to left: shows what a right-to-left language would break. */
    PSEUDO_RIGHT_TO_LEFT("ar-xb", true, false);

    private final String key;
    private final boolean rightToLeft;
    private final boolean ownTable;

    Language(String key, boolean rightToLeft, boolean ownTable) {
        this.key = key;
        this.rightToLeft = rightToLeft;
        this.ownTable = ownTable;
    }

    /** The key as written in links: a lower-case BCP 47 tag. */
    public String key() {
        return key;
    }

    /**
     * Whether the words come from a string table of this language's own: not for English, whose
     * words the build writes into the page, nor for the pseudo-locales, which transform them.
     */
    public boolean ownTable() {
        return ownTable;
    }

    /** Whether text runs right to left. */
    public boolean rightToLeft() {
        return rightToLeft;
    }

    /**
     * The language a link's {@code lang} value names. Total: case and a region ("ja-JP") are
     * ignored for the real languages, and anything the page does not have is English, because
     * a link may come from a newer or translated copy of the page.
     */
    public static Language fromLink(String text) {
        String tag = InputParser.lowerCaseKey(text);
        for (Language language : values()) {
            if (language != AUTO && language.key.equals(tag)) {
                return language;
            }
        }
        return primarySubtag(tag).equals(JAPANESE.key) ? JAPANESE : ENGLISH;
    }

    /** The language to show for a browser's preferred language tag (navigator.language, may be null). */
    public static Language forBrowser(String tag) {
        return tag != null && primarySubtag(InputParser.lowerCaseKey(tag)).equals(JAPANESE.key) ? JAPANESE : ENGLISH;
    }

    /** The language shown: this one, or for {@link #AUTO} the browser's. */
    public Language resolve(String browserTag) {
        return this == AUTO ? forBrowser(browserTag) : this;
    }

    private static String primarySubtag(String tag) {
        int dash = tag.indexOf('-');
        return dash < 0 ? tag : tag.substring(0, dash);
    }
}
