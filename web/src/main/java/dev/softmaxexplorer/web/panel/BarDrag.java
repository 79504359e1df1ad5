package dev.softmaxexplorer.web.panel;

import dev.softmaxexplorer.web.browser.PointerDrag;
import dev.softmaxexplorer.web.page.Editor;
import dev.softmaxexplorer.web.state.State;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * Dragging one class's bar up or down on a chart: the class is the one whose column the pointer
 * went down in, kept for the whole drag, and every move sets the value under the pointer through
 * the {@link Editor}; the link is written when the drag ends.
 */
final class BarDrag implements PointerDrag.Gesture {
    /** Which class's column holds x on a chart this wide. */
    interface Column {
        int classAt(double x, double width, int k);
    }

    /** The state with class i's bar moved to height y on a chart this tall. */
    interface Move {
        State apply(State state, int i, double y, double height);
    }

    private final HTMLElement chart;
    private final Editor editor;
    private final Column column;
    private final Move move;
    private int dragged;

    private BarDrag(HTMLElement chart, Editor editor, Column column, Move move) {
        this.chart = chart;
        this.editor = editor;
        this.column = column;
        this.move = move;
    }

    static void attach(HTMLElement chart, Editor editor, Column column, Move move) {
        PointerDrag.attach(chart, new BarDrag(chart, editor, column, move));
    }

    @Override
    public void at(double x, double y, double width, double height, boolean first) {
        if (first) {
            dragged = column.classAt(x, width, editor.state().classCount());
        }
        int i = dragged;
        editor.edit(chart, s -> i < s.classCount() ? move.apply(s, i, y, height) : s);
    }

    @Override
    public void end() {
        editor.settle();
    }
}
