package dev.softmaxexplorer.web;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * Whether an element is on screen (or within a screen's margin of it), for panels whose work is
 * worth skipping while nobody can see them. A browser without IntersectionObserver reports
 * "visible" once, so such a panel simply always renders.
 */
final class Visibility {
    private Visibility() {
    }

    @JSFunctor
    interface Listener extends JSObject {
        void changed(boolean visible);
    }

    @JSBody(params = {"element", "listener"}, script = ""
            + "if (typeof IntersectionObserver === 'undefined') { listener(true); return; }"
            + "new IntersectionObserver(function (entries) {"
            + " listener(entries[entries.length - 1].isIntersecting); }, {rootMargin: '300px'}).observe(element);")
    static native void observe(HTMLElement element, Listener listener);
}
