package dev.softmaxexplorer.web;

/**
 * One block of the page: it finds its elements once, wires its own controls to an {@link Editor},
 * and redraws from a {@link Frame} when the page renders. It keeps no copy of the state.
 */
public interface Panel {
    void render(Frame frame);
}
