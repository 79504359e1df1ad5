package dev.softmaxexplorer.web.panel;

import dev.softmaxexplorer.core.Pipeline;
import dev.softmaxexplorer.core.Pipeline.Break;
import dev.softmaxexplorer.core.Pipeline.Mode;
import dev.softmaxexplorer.core.Pipeline.Step;
import dev.softmaxexplorer.core.Pipeline.Trace;
import dev.softmaxexplorer.core.Precision;
import dev.softmaxexplorer.web.browser.Dom;
import dev.softmaxexplorer.web.page.Editor;
import dev.softmaxexplorer.web.page.Frame;
import dev.softmaxexplorer.web.state.Fields;
import dev.softmaxexplorer.web.text.Messages;
import dev.softmaxexplorer.web.text.Numbers;
import dev.softmaxexplorer.web.workbench.Loaded;
import java.util.ArrayList;
import java.util.List;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * The page's pipeline (its precision and mode) run step by step on a workbench vector, shown for
 * the top classes, the class where the first Infinity or NaN arose and the true class: the rows
 * that explain a verdict, not 131,072 of them. The whole vector is traced, since the sum needs
 * every class, so it is done only while the table is open and only when the vector, T, the
 * precision or the mode changed.
 */
final class WorkbenchSteps {
    /** How many top classes the table lists (fewer if the workbench lists fewer). */
    static final int TOP = 10;

    private final HTMLElement details = Dom.byId("workbench-steps");
    private final HTMLElement caption = Dom.byId("workbench-steps-caption");
    private final HTMLElement head = Dom.byId("workbench-steps-head");
    private final HTMLElement body = Dom.byId("workbench-steps-body");
    private Object shownKey;

    WorkbenchSteps(Editor editor) {
        details.addEventListener("toggle", e -> {
            if (editor.frame().loaded() != null) {
                render(editor.frame());
            }
        });
    }

    private record Key(Loaded loaded, double temperature, Precision precision, Mode mode, Messages words) {
    }

    void render(Frame frame) {
        if (!Dom.isOpen(details)) {
            return;
        }
        Loaded loaded = frame.loaded();
        double t = frame.state().get(Fields.TEMPERATURE);
        Precision precision = frame.state().get(Fields.PRECISION);
        Mode mode = frame.state().get(Fields.MODE);
        Key key = new Key(loaded, t, precision, mode, frame.words());
        if (key.equals(shownKey)) {
            return;
        }
        shownKey = key;
        Messages words = frame.words();
        Trace trace = Pipeline.trace(loaded.vector().logits(), t, precision, mode);
        Break first = trace.firstBreak().orElse(null);
        boolean stable = mode == Mode.STABLE;
        String sentence = stable
                ? words.format("results.steps-caption.stable", "precision", precision.displayName(),
                        "max", Numbers.compact(trace.max()), "sum", Numbers.compact(trace.sum()),
                        "logSum", Numbers.compact(trace.logSum()))
                : words.format("results.steps-caption.naive", "precision", precision.displayName(),
                        "sum", Numbers.compact(trace.sum()));
        String where = first == null ? words.text("workbench.steps.no-break")
                : first.index() < 0 ? words.format("workbench.steps.first-scalar", "step", stepName(first.step(), words))
                : words.format("workbench.steps.first", "step", stepName(first.step(), words),
                        "name", WorkbenchPanel.visible(loaded.name(first.index())),
                        "rank", Numbers.grouped(loaded.rank(first.index())));
        Dom.text(caption, words.format("workbench.steps.caption", "steps", sentence, "where", where));

        Dom.clear(head);
        HTMLElement headRow = Dom.create("tr");
        String[] headers = stable
                ? new String[] {words.text("workbench.steps.rank"), words.text("table.class"), "z", "z / T",
                    "z / T \u2212 max", "e^(z / T \u2212 max)", "p", "log p"}
                : new String[] {words.text("workbench.steps.rank"), words.text("table.class"), "z", "z / T",
                    "e^(z / T)", "p", "log p"};
        for (String header : headers) {
            HTMLElement th = Dom.create("th", null, header);
            th.setAttribute("scope", "col");
            headRow.appendChild(th);
        }
        head.appendChild(headRow);

        Dom.clear(body);
        double[] z = trace.logits();
        double[] x = trace.scaled();
        double[] s = trace.shifted();
        double[] e = trace.exps();
        double[] p = trace.probabilities();
        double[] logp = trace.logProbabilities();
        String mark = words.text("workbench.steps.first-mark");
        for (int i : rows(loaded, first)) {
            HTMLElement tr = Dom.create("tr", i == loaded.target() ? "target" : null, null);
            tr.appendChild(Dom.create("td", null, Numbers.grouped(loaded.rank(i))));
            HTMLElement th = Dom.create("th", null, WorkbenchPanel.visible(loaded.name(i)));
            th.setAttribute("scope", "row");
            tr.appendChild(th);
            tr.appendChild(cell(z[i], first, Step.LOGIT, i, mark));
            tr.appendChild(cell(x[i], first, Step.SCALED, i, mark));
            if (stable) {
                tr.appendChild(cell(s[i], first, Step.SHIFTED, i, mark));
            }
            tr.appendChild(cell(e[i], first, Step.EXP, i, mark));
            tr.appendChild(cell(p[i], first, Step.PROBABILITY, i, mark));
            tr.appendChild(cell(logp[i], first, Step.LOG_PROBABILITY, i, mark));
            body.appendChild(tr);
        }
    }

    /** The top classes by rank, then the class of the first break and the true class if not among them. */
    static List<Integer> rows(Loaded loaded, Break first) {
        List<Integer> rows = new ArrayList<>();
        for (int r = 0; r < Math.min(TOP, loaded.top()); r++) {
            rows.add(loaded.ranked(r));
        }
        if (first != null && first.index() >= 0 && !rows.contains(first.index())) {
            rows.add(first.index());
        }
        if (!rows.contains(loaded.target())) {
            rows.add(loaded.target());
        }
        return rows;
    }

    private static HTMLElement cell(double value, Break first, Step step, int index, String mark) {
        boolean isFirst = first != null && first.step() == step && first.index() == index;
        boolean broken = Double.isNaN(value) || Double.isInfinite(value);
        return Dom.create("td", broken || isFirst ? (broken ? "broken" : "") + (isFirst ? " first-break" : "") : null,
                Numbers.compact(value) + (isFirst ? " " + mark : ""));
    }

    private static String stepName(Step step, Messages words) {
        return switch (step) {
            case LOGIT -> "z";
            case TEMPERATURE -> "T";
            case SCALED -> "z / T";
            case MAX -> "max";
            case SHIFTED -> "z / T \u2212 max";
            case EXP -> "e^x";
            case SUM -> words.text("table.sum");
            case PROBABILITY -> "p";
            case LOG_SUM -> "log sum";
            case LOG_PROBABILITY -> "log p";
        };
    }
}
