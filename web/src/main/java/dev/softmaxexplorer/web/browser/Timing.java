package dev.softmaxexplorer.web.browser;

import org.teavm.jso.JSBody;

/**
 * The page's own work per frame, published through the standard User Timing API so that a
 * benchmark (or Chromium's performance panel) can read it: one measure, replaced each frame so
 * the buffer never grows.
 */
public final class Timing {
    private Timing() {
    }

    @JSBody(script = "return performance.now();")
    public static native double now();

    /**
     * Marks the moment every shown view within a window's height of the screen has drawn the
     * current state: what a test waits for before it reads one. A view further away draws as it
     * comes that close, and carries {@code aria-busy} until it has.
     */
    @JSBody(script = "performance.clearMarks('softmax-explorer-settled');"
            + " performance.mark('softmax-explorer-settled');")
    public static native void settled();

    /**
     * Shows the page, which the style sheet hides until its first render in the language of the
     * link, and marks that moment (a test compares it with the engine's first contentful paint),
     * with the start of the frame it happens in as the mark's detail: Firefox stamps a frame's
     * paint with the time the frame began, before its animation-frame callbacks ran.
     */
    @JSBody(script = "document.documentElement.setAttribute('data-rendered', '');"
            + " var frame = document.timeline ? document.timeline.currentTime : null;"
            + " performance.mark('softmax-explorer-shown', {detail: {frameStart: frame}});")
    public static native void shown();

    @JSBody(params = {"name", "start"}, script = "performance.clearMeasures(name);"
            + " performance.measure(name, {start: start, end: performance.now()});")
    public static native void measure(String name, double start);
}
