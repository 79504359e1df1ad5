package dev.softmaxexplorer.web.panel;

import dev.softmaxexplorer.web.browser.PointerDrag;
import org.teavm.jso.JSBody;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * Dragging a step of the sampler chain by its grip: the step's row moves through the list as the
 * pointer passes the middle of another row (that row makes room), and the chain takes the order
 * the list shows when the pointer is released. Only the list changes while the pointer is down,
 * so the stages are computed once, for the order the person settles on; the arrow buttons move a
 * step one place at a time, from the keyboard too.
 */
final class StepDrag implements PointerDrag.Gesture {
    /** What the chain does with the step's new position, counted from 0. */
    interface Drop {
        void at(int position);
    }

    private final HTMLElement grip;
    private final HTMLElement row;
    private final HTMLElement list;
    private final Drop drop;

    private StepDrag(HTMLElement grip, HTMLElement row, HTMLElement list, Drop drop) {
        this.grip = grip;
        this.row = row;
        this.list = list;
        this.drop = drop;
    }

    static void attach(HTMLElement grip, HTMLElement row, HTMLElement list, Drop drop) {
        PointerDrag.attach(grip, new StepDrag(grip, row, list, drop));
    }

    @Override
    public void at(double x, double y, double width, double height, boolean first) {
        if (first) {
            lifted(row, true);
        }
        // y is from the grip's top, and the grip moves with its row: the pointer's place in the
        // window is the same whichever row is where.
        place(list, row, top(grip) + y);
    }

    @Override
    public void end() {
        lifted(row, false);
        drop.at(position(list, row));
    }

    @JSBody(params = {"row", "lifted"}, script = "row.classList.toggle('lifted', lifted);")
    private static native void lifted(HTMLElement row, boolean lifted);

    @JSBody(params = "element", script = "return element.getBoundingClientRect().top;")
    private static native double top(HTMLElement element);

    @JSBody(params = {"list", "row"}, script = "return Array.prototype.indexOf.call(list.children, row);")
    private static native int position(HTMLElement list, HTMLElement row);

    /**
     * Puts the row before the first other row whose middle lies below the pointer (at the end if
     * none does). The other rows move, not the dragged one: a browser ends a pointer capture whose
     * element leaves the document, and moving a node takes it out and puts it back. A row that
     * made room keeps its middle on the far side of the pointer, so the order does not flicker
     * while the pointer rests. The script's locals have long names: TeaVM's minifier renames the
     * parameters to one-letter names that a local such as {@code c} would capture (docs/teavm.md).
     */
    @JSBody(params = {"list", "row", "pointer"}, script = ""
            + "var others = [], rowIndex = -1, wanted = -1;"
            + "for (var child = list.firstElementChild; child; child = child.nextElementSibling) {"
            + " if (child === row) { rowIndex = others.length; continue; }"
            + " var childBox = child.getBoundingClientRect();"
            + " if (wanted < 0 && childBox.top + childBox.height / 2 > pointer) { wanted = others.length; }"
            + " others.push(child); }"
            + "if (wanted < 0) { wanted = others.length; }"
            + "for (var up = rowIndex; up < wanted; up++) { list.insertBefore(others[up], row); }"
            + "for (var down = rowIndex - 1; down >= wanted; down--) {"
            + " list.insertBefore(others[down], row.nextElementSibling); }")
    private static native void place(HTMLElement list, HTMLElement row, double pointer);
}
