package dev.softmaxexplorer.web.panel;

import dev.softmaxexplorer.web.browser.Dom;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * A view's text equivalent: one row a class (its name in a row header) and a few numeric columns,
 * plus optional footer rows. The rows are rebuilt only when the shape (headers, K, footers)
 * changes, so a repaint rewrites text, never the structure, and a screen reader keeps its place.
 * A cell is written only when its text changed: most cells of a table keep theirs while T moves
 * (the sampler chain's class table has hundreds), and handing a string to the DOM costs more than
 * comparing it here.
 */
public final class NumberTable {
    private final HTMLElement head;
    private final HTMLElement body;
    private final HTMLElement foot;
    private String shape = "";
    /** What each cell shows (in body and footer rows column 0 is the row header); null before it is written. */
    private String[][] headTexts = new String[0][];
    private String[][] bodyTexts = new String[0][];
    private String[][] footTexts = new String[0][];
    /** Which body rows are marked as the true class's (new rows are not). */
    private boolean[] trueRows = new boolean[0];

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
            headTexts = new String[1][headers.length];
            bodyTexts = new String[rows][headers.length];
            trueRows = new boolean[rows];
            footTexts = new String[footers][headers.length];
        }
        for (int c = 0; c < headers.length; c++) {
            write(head, headTexts, 0, c, headers[c]);
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
        if (trueRows[row] != trueClass) {
            trueRows[row] = trueClass;
            HTMLElement tr = body.getChildren().item(row).cast();
            tr.setClassName(trueClass ? "true-class" : "");
        }
        write(body, bodyTexts, row, 0, text);
    }

    void cell(int row, int column, String text) {
        write(body, bodyTexts, row, column, text);
    }

    void footerHeader(int row, String text) {
        write(foot, footTexts, row, 0, text);
    }

    void footerCell(int row, int column, String text) {
        write(foot, footTexts, row, column, text);
    }

    private static void write(HTMLElement rows, String[][] texts, int row, int column, String text) {
        if (!java.util.Objects.equals(text, texts[row][column]) || texts[row][column] == null) {
            texts[row][column] = text;
            HTMLElement tr = rows.getChildren().item(row).cast();
            Dom.text(tr.getChildren().item(column).cast(), text);
        }
    }
}
