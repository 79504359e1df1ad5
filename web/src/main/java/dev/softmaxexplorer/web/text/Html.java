package dev.softmaxexplorer.web.text;

/** Text made safe for HTML written as text (markup the page or the site build writes). */
public final class Html {
    private Html() {
    }

    /** For a double-quoted attribute value or element content: the five characters HTML gives meaning to. */
    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("\"", "&quot;").replace("'", "&#39;").replace("<", "&lt;")
                .replace(">", "&gt;");
    }
}
