package dev.softmaxexplorer.web.browser;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * A drag on one element with pointer events, so mouse, pen and touch work alike: the pointer is
 * captured on press, so the drag keeps following it outside the element and ends wherever it is
 * released. Only the first pointer drags (a second finger is ignored), and only the primary
 * button. The element gets the class {@code dragging} while a drag lasts (the grabbing cursor).
 * The element's CSS must say {@code touch-action: none}, or a touch drag scrolls the page instead.
 */
public final class PointerDrag {
    private static final int DOWN = 0;
    private static final int END = 2;

    private PointerDrag() {
    }

    /** What a drag does; positions are in CSS pixels from the element's top left corner. */
    public interface Gesture {
        /**
         * The pointer went down (first) or moved while down, at (x, y) on an element now
         * width by height CSS pixels.
         */
        void at(double x, double y, double width, double height, boolean first);

        /** The pointer went up, or the browser took it away (pointercancel): the drag is over. */
        void end();
    }

    public static void attach(HTMLElement element, Gesture gesture) {
        listen(element, (x, y, width, height, phase) -> {
            if (phase == END) {
                gesture.end();
            } else {
                gesture.at(x, y, width, height, phase == DOWN);
            }
        });
    }

    @JSFunctor
    interface Listener extends JSObject {
        void on(double x, double y, double width, double height, int phase);
    }

    @JSBody(params = {"element", "listener"}, script = ""
            + "var id = null;"
            + "var at = function (e, phase) { var r = element.getBoundingClientRect();"
            + " listener(e.clientX - r.left, e.clientY - r.top, r.width, r.height, phase); };"
            + "element.addEventListener('pointerdown', function (e) {"
            + " if (id !== null || !e.isPrimary || e.button !== 0) { return; }"
            + " id = e.pointerId; element.setPointerCapture(id); element.classList.add('dragging');"
            + " e.preventDefault(); at(e, 0); });"
            + "element.addEventListener('pointermove', function (e) { if (e.pointerId === id) { at(e, 1); } });"
            + "var end = function (e) { if (e.pointerId === id) { id = null;"
            + " element.classList.remove('dragging'); listener(0, 0, 0, 0, 2); } };"
            + "element.addEventListener('pointerup', end);"
            + "element.addEventListener('pointercancel', end);"
            + "element.addEventListener('lostpointercapture', end);")
    private static native void listen(HTMLElement element, Listener listener);
}
