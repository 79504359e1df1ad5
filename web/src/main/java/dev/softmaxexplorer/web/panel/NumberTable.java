package dev.softmaxexplorer.web.panel;

import dev.softmaxexplorer.web.browser.Dom;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * A view's text equivalent: one row a class (its name in a row header) and a few numeric columns,
 * plus optional footer rows. The rows are rebuilt only when the shape (headers, K, footers)
 * changes, so a repaint rewrites text, never the structure, and a screen reader keeps its place.
 */
public final class NumberTable {
    private final HTMLElement head;
    private final HTMLElement body;
    private final HTMLElement foot;
    private String shape = "";

    /** @param table a {@code <table>} with {@code <thead>}, {@code <tbody>} and {@code <tfoot>} children */
    NumberTable(HTMLElement table) {
        this.head = table.querySelector("thead");
        this.body = table.querySelector("tbody");
        this.foot = table.querySelector("tfoot");
    }

    /**
     * Makes the table have these column headers, this many body rows and this many footer rows.
     * Headers that name a value (a stage "Temperature 1.25" while T moves) are rewritten in place:
     * the rows are rebuilt only when the number of columns or rows changes.
     */
    void shape(String[] headers, int rows, int footers) {
        String wanted = headers.length + ":" + rows + ":" + footers;
        if (!wanted.equals(shape)) {
            shape = wanted;
            Dom.clear(head);
            Dom.clear(body);
            Dom.clear(foot);
            HTMLElement headRow = Dom.create("tr");
            for (int c = 0; c < headers.length; c++) {
                HTMLElement th = Dom.create("th");
                th.setAttribute("scope", "col");
                headRow.appendChild(th);
            }
            head.appendChild(headRow);
            for (int i = 0; i < rows; i++) {
                body.appendChild(row(headers.length));
            }
            for (int i = 0; i < footers; i++) {
                foot.appendChild(row(headers.length));
            }
        }
        HTMLElement headRow = head.getChildren().item(0).cast();
        for (int c = 0; c < headers.length; c++) {
            Dom.text(headRow.getChildren().item(c).cast(), headers[c]);
        }
    }

    private static HTMLElement row(int columns) {
        HTMLElement tr = Dom.create("tr");
        HTMLElement th = Dom.create("th");
        th.setAttribute("scope", "row");
        tr.appendChild(th);
        for (int c = 1; c < columns; c++) {
            tr.appendChild(Dom.create("td"));
        }
        return tr;
    }

    /** The header cell of body row {@code row}; the true class's row is marked (the tick is in the CSS). */
    void rowHeader(int row, String text, boolean trueClass) {
        HTMLElement tr = body.getChildren().item(row).cast();
        String className = trueClass ? "true-class" : "";
        if (!className.equals(tr.getClassName())) {
            tr.setClassName(className);
        }
        Dom.text(tr.getChildren().item(0).cast(), text);
    }

    void cell(int row, int column, String text) {
        HTMLElement tr = body.getChildren().item(row).cast();
        Dom.text(tr.getChildren().item(column).cast(), text);
    }

    void footerHeader(int row, String text) {
        HTMLElement tr = foot.getChildren().item(row).cast();
        Dom.text(tr.getChildren().item(0).cast(), text);
    }

    void footerCell(int row, int column, String text) {
        HTMLElement tr = foot.getChildren().item(row).cast();
        Dom.text(tr.getChildren().item(column).cast(), text);
    }
}
