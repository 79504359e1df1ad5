package dev.softmaxexplorer.web.page;

import dev.softmaxexplorer.web.browser.Dom;
import dev.softmaxexplorer.web.browser.Visibility;
import dev.softmaxexplorer.web.state.View;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * A panel in its place on the page. It draws a frame at most once, and only when asked while the
 * page shows its view; whether that is now or later is the page's decision ({@link #isNear}): a
 * view far off screen is drawn when the browser is idle or when it scrolls near, so that an input
 * only waits for what a person can see.
 */
public final class PanelSlot {
    private final View view;
    private final Panel panel;
    private final HTMLElement element;
    private boolean near;
    private boolean nearKnown;
    private Frame drawn;
    private Frame partlyDrawn;

    public PanelSlot(View view, Panel panel) {
        this.view = view;
        this.panel = panel;
        this.element = Dom.byId(view.elementId());
    }

    /** Starts following whether the view is near the screen; calls back when it comes near. */
    void observe(Runnable cameNear) {
        Visibility.observe(element, isNear -> {
            near = isNear;
            nearKnown = true;
            if (isNear) {
                cameNear.run();
            }
        });
    }

    View view() {
        return view;
    }

    HTMLElement element() {
        return element;
    }

    /**
     * Whether the view is near the screen. Until the observer's first report, the layout is
     * asked: the first frame must not wait for the observer. Asking every slot before drawing any
     * costs one layout instead of one per slot.
     */
    boolean isNear() {
        if (!nearKnown) {
            near = Visibility.isNear(element);
            nearKnown = true;
        }
        return near;
    }

    /** Whether this frame is not on the page yet. */
    boolean isStale(Frame frame) {
        return drawn != frame;
    }

    /** Draws the frame, or at least its part near the screen. */
    void drawNear(Frame frame) {
        if (drawn != frame && partlyDrawn != frame) {
            if (panel.renderNear(frame)) {
                drawn = frame;
            } else {
                partlyDrawn = frame;
            }
        }
    }

    void draw(Frame frame) {
        if (drawn != frame) {
            drawn = frame;
            panel.render(frame);
        }
    }

    /** Forgets what was drawn, so that the next draw repaints (the canvas sizes changed). */
    void invalidate() {
        drawn = null;
        partlyDrawn = null;
    }
}
