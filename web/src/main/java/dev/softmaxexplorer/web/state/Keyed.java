package dev.softmaxexplorer.web.state;

/**
 * A choice with a stable lower-case key, shared by the URL hash and the page's select elements,
 * so that one spelling ("stable", "float16", "projector") is used everywhere and survives renames
 * of the Java constants.
 */
public interface Keyed {

    /** The key as written in links and option values: lower-case ASCII, no separators. */
    String key();
}
