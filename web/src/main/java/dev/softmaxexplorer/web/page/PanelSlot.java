package dev.softmaxexplorer.web.page;

import dev.softmaxexplorer.web.browser.Dom;
import dev.softmaxexplorer.web.browser.Visibility;
import dev.softmaxexplorer.web.state.View;
import java.util.function.Supplier;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * A panel in its place on the page. It draws a frame at most once, and only when asked while the
 * page shows its view; whether that is now or later is the page's decision ({@link #isNear},
 * {@link #isApproaching}): a view within a window's height of the screen is drawn when the browser
 * is idle, one further away only as it comes that close, so that an input waits only for what a
 * person can see and a page that nobody scrolls never computes its far views. A view whose
 * content is behind the state says so to assistive technology with {@code aria-busy}.
 *
 * <p>The panel itself is made when it is first drawn, or when a person reaches into the view
 * before that (a pointer, the keyboard's focus, a dropped file), so that start-up wires only the
 * views near the screen: on a slow phone making every panel was most of the script's first task.
 */
public final class PanelSlot {
    /**
     * The events by which a person (or a script acting for one) can reach into a view before it
     * has been drawn: a file dropped the moment the view scrolls in, a value set and announced.
     */
    private static final String[] REACHING = {"pointerdown", "focusin", "click", "keydown", "input", "change",
        "paste", "dragenter", "dragover", "drop"};

    private final View view;
    private final Supplier<Panel> factory;
    private Panel panel;
    private final HTMLElement element;
    private boolean near;
    private boolean nearKnown;
    private boolean approaching;
    private boolean busy;
    private Frame drawn;
    private Frame partlyDrawn;

    public PanelSlot(View view, Supplier<Panel> factory) {
        this.view = view;
        this.factory = factory;
        this.element = Dom.byId(view.elementId());
        // Capturing, so that the panel's own listeners exist before the event reaches its control
        // (a listener added during capture still hears the event at its target).
        for (String type : REACHING) {
            element.addEventListener(type, e -> panel(), true);
        }
    }

    private Panel panel() {
        if (panel == null) {
            panel = factory.get();
        }
        return panel;
    }

    /**
     * Starts following whether the view is near the screen or approaching it; calls back when it
     * comes near, and when it starts approaching.
     */
    void observe(Runnable cameNear, Runnable cameClose) {
        Visibility.observe(element, Visibility.NEAR, isNear -> {
            near = isNear;
            nearKnown = true;
            if (isNear) {
                cameNear.run();
            }
        });
        Visibility.observe(element, Visibility.APPROACHING, isApproaching -> {
            approaching = isApproaching;
            if (isApproaching) {
                cameClose.run();
            }
        });
    }

    /** Whether this slot holds that panel. */
    boolean holds(Panel other) {
        return panel == other;
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

    /** Whether the view lies within a window's height of the screen: worth drawing in idle time. */
    boolean isApproaching() {
        return approaching || isNear();
    }

    /** Whether the panel exists: its first draw also makes it, which costs more than a redraw. */
    boolean isMade() {
        return panel != null;
    }

    /** Whether this frame is not on the page yet. */
    boolean isStale(Frame frame) {
        return drawn != frame;
    }

    /** Tells assistive technology whether the view shows this frame yet (a shown view only). */
    void markBusy(Frame frame, boolean shown) {
        boolean behind = shown && drawn != frame;
        if (behind != busy) {
            busy = behind;
            if (behind) {
                element.setAttribute("aria-busy", "true");
            } else {
                element.removeAttribute("aria-busy");
            }
        }
    }

    /** Draws the frame, or at least its part near the screen. */
    void drawNear(Frame frame) {
        if (drawn != frame && partlyDrawn != frame) {
            if (panel().renderNear(frame)) {
                drawn = frame;
            } else {
                partlyDrawn = frame;
            }
        }
    }

    void draw(Frame frame) {
        if (drawn != frame) {
            drawn = frame;
            panel().render(frame);
        }
    }

    /** Forgets what was drawn, so that the next draw repaints (the canvas sizes changed). */
    void invalidate() {
        drawn = null;
        partlyDrawn = null;
    }
}
