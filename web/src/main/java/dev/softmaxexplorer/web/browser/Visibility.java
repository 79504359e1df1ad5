package dev.softmaxexplorer.web.browser;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * Whether an element is on screen or within a margin of it, for views whose drawing is worth
 * deferring while nobody can see them; and a way to run work when the browser is idle. A browser
 * without IntersectionObserver reports "near" once, so its views simply always draw.
 */
public final class Visibility {
    /**
     * How far off screen a view still counts as near: drawn in the input's frame, it is current
     * as it scrolls in. The margin only needs to cover a scroll's first frame.
     */
    public static final String NEAR = "100px";
    /**
     * How far off screen a view counts as approaching: drawn when the browser is idle, so that a
     * person scrolling at reading speed finds it drawn. One window height above and below.
     */
    public static final String APPROACHING = "100% 0px";

    private Visibility() {
    }

    @JSFunctor
    public interface Listener extends JSObject {
        void changed(boolean near);
    }

    @JSFunctor
    public interface Task extends JSObject {
        void run();
    }

    /** Calls back, as it changes, whether the element lies within {@code margin} of the window. */
    @JSBody(params = {"element", "margin", "listener"}, script = ""
            + "if (typeof IntersectionObserver === 'undefined') { listener(true); return; }"
            + "new IntersectionObserver(function (entries) {"
            + " listener(entries[entries.length - 1].isIntersecting); }, {rootMargin: margin})"
            + ".observe(element);")
    public static native void observe(HTMLElement element, String margin, Listener listener);

    /**
     * Calls back, as it changes, whether the element has been scrolled past: entirely above the
     * window (no margin). On screen or still below, it has not. The observed area reaches far
     * below the window, so that a jump from below the window to above it (a link, a find, "skip to
     * the results") crosses its edge and is reported too.
     */
    @JSBody(params = {"element", "listener"}, script = ""
            + "if (typeof IntersectionObserver === 'undefined') { listener(false); return; }"
            + "new IntersectionObserver(function (entries) { var e = entries[entries.length - 1];"
            + " listener(!e.isIntersecting && e.boundingClientRect.bottom <= 0); },"
            + " {rootMargin: '0px 0px 1000000px 0px'}).observe(element);")
    public static native void observeScrolledPast(HTMLElement element, Listener listener);

    /** The near observer's answer, computed now: the first frame must not wait for its first report. */
    @JSBody(params = "element", script = "var r = element.getBoundingClientRect(), m = parseInt('" + NEAR + "');"
            + " return r.bottom >= -m && r.top <= window.innerHeight + m && (r.width > 0 || r.height > 0);")
    public static native boolean isNear(HTMLElement element);

    /**
     * Runs the task when the browser has nothing more urgent to do (within a second at the
     * latest), so that catching up approaching views never delays the answer to an input.
     */
    @JSBody(params = "task", script = "if (typeof requestIdleCallback === 'function') {"
            + " requestIdleCallback(function () { task(); }, {timeout: 1000}); } else { setTimeout(function () {"
            + " task(); }, 50); }")
    public static native void whenIdle(Task task);
}
