package dev.softmaxexplorer.web.page;

/**
 * One block of the page: it finds its elements once, wires its own controls to an {@link Editor},
 * and redraws from a {@link Frame} when the page renders. It keeps no copy of the state.
 */
public interface Panel {
    void render(Frame frame);

    /**
     * Draws at least what is on screen or near it, and says whether that was everything: a long
     * list may leave its far rows to {@link #render}, which the page calls when the browser is
     * idle. Most panels draw everything.
     */
    default boolean renderNear(Frame frame) {
        render(frame);
        return true;
    }
}
