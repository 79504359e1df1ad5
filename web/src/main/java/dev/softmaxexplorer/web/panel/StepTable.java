package dev.softmaxexplorer.web.panel;

import dev.softmaxexplorer.core.Pipeline.Break;
import dev.softmaxexplorer.core.Pipeline.Mode;
import dev.softmaxexplorer.core.Pipeline.Step;
import dev.softmaxexplorer.core.Pipeline.Trace;
import dev.softmaxexplorer.web.browser.NearRows;
import dev.softmaxexplorer.web.text.Messages;
import dev.softmaxexplorer.web.text.Numbers;
import java.util.List;
import org.teavm.jso.JSBody;
import org.teavm.jso.browser.Window;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * The step-by-step table, one row a class and one column a step of the chosen pipeline, in the
 * chosen precision: the text equivalent of the charts. Infinity and NaN cells are marked, and the
 * cell where the first of them arose is outlined and labelled.
 */
public final class StepTable {
    private static final HTMLDocument DOCUMENT = Window.current().getDocument();

    private final HTMLElement head;
    private final HTMLElement body;
    private final HTMLElement foot;
    private final HTMLElement caption;
    private final NearRows nearRows = new NearRows();
    private String shape = "";

    public StepTable(HTMLElement head, HTMLElement body, HTMLElement foot, HTMLElement caption) {
        this.head = head;
        this.body = body;
        this.foot = foot;
        this.caption = caption;
    }

    /**
     * Shows the trace; with {@code nearOnly}, only in the rows on screen or near it.
     *
     * @return whether every row is up to date
     */
    public boolean show(Trace trace, List<String> names, int target, Messages words, boolean nearOnly) {
        boolean stable = trace.mode() == Mode.STABLE;
        String className = words.text("table.class");
        String[] headers = stable
                ? new String[] {className, "z", "z / T", "z / T \u2212 max", "e^(z / T \u2212 max)", "p", "log p"}
                : new String[] {className, "z", "z / T", "e^(z / T)", "p", "log p"};
        int k = names.size();
        String wanted = trace.mode() + ":" + k + ":" + className;
        if (!wanted.equals(shape)) {
            build(headers, k, words.text("table.sum"));
            shape = wanted;
        }
        caption.setTextContent(stable
                ? words.format("results.steps-caption.stable", "precision", trace.precision().displayName(),
                        "max", Numbers.compact(trace.max()), "sum", Numbers.compact(trace.sum()),
                        "logSum", Numbers.compact(trace.logSum()))
                : words.format("results.steps-caption.naive", "precision", trace.precision().displayName(),
                        "sum", Numbers.compact(trace.sum())));
        Break first = trace.firstBreak().orElse(null);
        double[] z = trace.logits();
        double[] x = trace.scaled();
        double[] s = trace.shifted();
        double[] e = trace.exps();
        double[] p = trace.probabilities();
        double[] logp = trace.logProbabilities();
        boolean complete = true;
        for (int i = 0; i < k; i++) {
            HTMLElement row = body.getChildNodes().item(i).cast();
            if (nearOnly && !NearRows.isNear(row)) {
                complete = false;
                continue;
            }
            row.setClassName(i == target ? "true-class" : "");
            HTMLElement nameCell = row.getChildNodes().item(0).cast();
            nameCell.setTextContent(names.get(i));
            int column = 1;
            cell(row, column++, z[i], first, Step.LOGIT, i, "p-z");
            cell(row, column++, x[i], first, Step.SCALED, i, "p-x");
            if (stable) {
                cell(row, column++, s[i], first, Step.SHIFTED, i, "p-s");
            }
            cell(row, column++, e[i], first, Step.EXP, i, "p-e");
            HTMLElement probability = cell(row, column++, p[i], first, Step.PROBABILITY, i, "p-p");
            probability.setAttribute("id", "p" + (i + 1));
            cell(row, column, logp[i], first, Step.LOG_PROBABILITY, i, "p-logp");
        }
        // The sums, rounded as the machine adds them: p adds up to 1 only within its rounding.
        HTMLElement sums = foot.getChildNodes().item(0).cast();
        int exps = stable ? 4 : 3;
        cell(sums, exps, trace.sum(), first, Step.SUM, -1, "p-sum");
        cell(sums, exps + 1, trace.probabilitySum(), null, Step.SUM, -1, "p-psum").setAttribute("id", "p-sum");
        return complete;
    }

    private void build(String[] headers, int k, String sumLabel) {
        clear(head);
        clear(body);
        clear(foot);
        HTMLElement headRow = DOCUMENT.createElement("tr").cast();
        for (String header : headers) {
            HTMLElement th = DOCUMENT.createElement("th").cast();
            th.setAttribute("scope", "col");
            th.setTextContent(header);
            headRow.appendChild(th);
        }
        head.appendChild(headRow);
        for (int i = 0; i < k; i++) {
            HTMLElement row = DOCUMENT.createElement("tr").cast();
            HTMLElement th = DOCUMENT.createElement("th").cast();
            th.setAttribute("scope", "row");
            row.appendChild(th);
            for (int c = 1; c < headers.length; c++) {
                row.appendChild(DOCUMENT.createElement("td"));
            }
            body.appendChild(row);
            nearRows.watch(row);
        }
        HTMLElement sums = DOCUMENT.createElement("tr").cast();
        HTMLElement label = DOCUMENT.createElement("th").cast();
        label.setAttribute("scope", "row");
        label.setTextContent(sumLabel);
        sums.appendChild(label);
        for (int c = 1; c < headers.length; c++) {
            sums.appendChild(DOCUMENT.createElement("td"));
        }
        foot.appendChild(sums);
    }

    private static HTMLElement cell(HTMLElement row, int column, double value, Break first, Step step, int index,
            String kind) {
        HTMLElement cell = row.getChildNodes().item(column).cast();
        boolean broken = Double.isNaN(value) || Double.isInfinite(value);
        boolean isFirst = first != null && first.step() == step && (step == Step.SUM || first.index() == index);
        // Formatting and DOM writes dominate a frame: skip both when the cell shows this already.
        if (!shows(cell, value, isFirst)) {
            remember(cell, value, isFirst);
            cell.setTextContent(Numbers.compact(value) + (isFirst ? " \u2190 first" : ""));
            cell.setClassName(kind + (broken ? " broken" : "") + (isFirst ? " first-break" : ""));
        }
        return cell;
    }

    /** Whether the cell shows this value already; Object.is tells -0 from 0 and matches NaN. */
    @JSBody(params = {"cell", "value", "first"}, script = "return Object.is(cell.softmaxExplorerValue, value)"
            + " && cell.softmaxExplorerFirst === first;")
    private static native boolean shows(HTMLElement cell, double value, boolean first);

    @JSBody(params = {"cell", "value", "first"}, script = "cell.softmaxExplorerValue = value;"
            + " cell.softmaxExplorerFirst = first;")
    private static native void remember(HTMLElement cell, double value, boolean first);

    private static void clear(HTMLElement element) {
        while (element.getFirstChild() != null) {
            element.removeChild(element.getFirstChild());
        }
    }
}
