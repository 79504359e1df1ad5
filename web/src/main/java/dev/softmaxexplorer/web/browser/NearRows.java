package dev.softmaxexplorer.web.browser;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * Which rows of a long list are on screen or close to it, so that an input's frame updates only
 * those (with 1000 classes, a frame cannot rewrite 1000 rows of numbers); the caller brings the
 * others up to date when the browser is idle. One IntersectionObserver watches all of a list's
 * rows. A row not yet reported counts as near, so that a new row is always filled in at once.
 */
public final class NearRows {
    private final JSObject observer = create();

    /** Starts watching a row. */
    public void watch(HTMLElement row) {
        observe(observer, row);
    }

    /** Whether the row is on screen or within a screen's margin of it, as last reported. */
    @JSBody(params = "row", script = "return row.softmaxExplorerNear !== false;")
    public static native boolean isNear(HTMLElement row);

    @JSBody(script = "if (typeof IntersectionObserver === 'undefined') { return null; }"
            + "return new IntersectionObserver(function (entries) { entries.forEach(function (e) {"
            + " e.target.softmaxExplorerNear = e.isIntersecting; }); }, {rootMargin: '200px'});")
    private static native JSObject create();

    @JSBody(params = {"observer", "row"}, script = "if (observer) { observer.observe(row); }")
    private static native void observe(JSObject observer, HTMLElement row);
}
