package dev.softmaxexplorer.web.chart;

import org.teavm.jso.JSBody;
import org.teavm.jso.dom.html.HTMLElement;

/** Reads computed styles, the one place the charts learn about the stylesheet. */
final class Css {
    private Css() {
    }

    @JSBody(params = {"element", "name"}, script = "return getComputedStyle(element).getPropertyValue(name).trim();")
    static native String property(HTMLElement element, String name);

    /** What decides the theme: the page's chosen scheme and the system's dark-mode preference. */
    @JSBody(script = "return (document.documentElement.getAttribute('data-theme') || '') + ':'"
            + " + matchMedia('(prefers-color-scheme: dark)').matches;")
    static native String schemeKey();

    /** The root font size relative to 16px, so the projector theme's larger text reaches the canvas. */
    @JSBody(script = "return parseFloat(getComputedStyle(document.documentElement).fontSize) / 16 || 1;")
    static native double rootFontScale();
}
