package dev.softmaxexplorer.web.panel;

import dev.softmaxexplorer.core.Format;
import dev.softmaxexplorer.core.MachineVerdict;
import dev.softmaxexplorer.core.Pipeline.Mode;
import dev.softmaxexplorer.core.Precision;
import dev.softmaxexplorer.core.SoftmaxSummary;
import dev.softmaxexplorer.web.browser.Dom;
import dev.softmaxexplorer.web.browser.FileInput;
import dev.softmaxexplorer.web.page.Editor;
import dev.softmaxexplorer.web.page.Frame;
import dev.softmaxexplorer.web.page.Panel;
import dev.softmaxexplorer.web.state.Fields;
import dev.softmaxexplorer.web.state.Message;
import dev.softmaxexplorer.web.state.ParseResult;
import dev.softmaxexplorer.web.text.Messages;
import dev.softmaxexplorer.web.text.Numbers;
import dev.softmaxexplorer.web.workbench.Loaded;
import dev.softmaxexplorer.web.workbench.LogitText;
import dev.softmaxexplorer.web.workbench.LogitVector;
import dev.softmaxexplorer.web.workbench.NpyFile;
import dev.softmaxexplorer.web.workbench.StoredFormat;
import dev.softmaxexplorer.web.workbench.Vocabulary;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLInputElement;
import org.teavm.jso.dom.html.HTMLSelectElement;
import org.teavm.jso.dom.html.HTMLTextAreaElement;

/**
 * The workbench: a person's own logits (pasted, or an {@code .npy}/text file chosen or dropped),
 * up to 131,072 classes, with the page's T and label smoothing. It lists the top N classes by
 * probability with the rest summed in one row, the true class's rank and loss, entropy,
 * perplexity and exp(H), a histogram of the logits, and what each format's naive and stable
 * pipelines do. The vector is kept by the page beside the link's state ({@link Editor#load}); a
 * refused input is explained here and the last good vector stays.
 */
public final class WorkbenchPanel implements Panel {
    private final Editor editor;
    private final HTMLTextAreaElement text = Dom.byId("workbench-text", HTMLTextAreaElement.class);
    private final HTMLElement read = Dom.byId("workbench-read");
    private final HTMLElement clear = Dom.byId("workbench-clear");
    private final HTMLElement message = Dom.byId("workbench-message");
    private final HTMLElement shown = Dom.byId("workbench-loaded");
    private final HTMLElement source = Dom.byId("workbench-source");
    private final PrecisionOffer usePrecision;
    private final HTMLElement rowControl = Dom.byId("workbench-row-control");
    private final HTMLInputElement row = Dom.byId("workbench-row", HTMLInputElement.class);
    private final HTMLSelectElement top = Dom.byId("workbench-top", HTMLSelectElement.class);
    private final HTMLInputElement target = Dom.byId("workbench-target", HTMLInputElement.class);
    private final HTMLInputElement find = Dom.byId("workbench-find", HTMLInputElement.class);
    private final HTMLElement found = Dom.byId("workbench-found");
    private final HTMLElement metrics = Dom.byId("workbench-metrics");
    private final HTMLElement topBody = Dom.byId("workbench-top-body");
    private final HTMLElement verdicts = Dom.byId("workbench-verdicts");
    private final HTMLElement histogram = Dom.byId("workbench-histogram");
    private final HTMLElement histogramSummary = Dom.byId("workbench-histogram-summary");
    private final TemperatureControl temperature;
    private final WorkbenchSteps steps;
    /** The last file read with rows to choose from: an input, not page state. */
    private NpyFile file;
    private String fileName;
    /** What the histogram shows (it does not depend on T): the vector and the words it was drawn with. */
    private Loaded histogramOf;
    private Messages histogramWords;
    /** What the rows of the top classes were built for, and their cells that change with T. */
    private Loaded rowsOf;
    private Messages rowsWords;
    private HTMLElement[] bars;
    private HTMLElement[] barValues;
    private HTMLElement[] logProbabilities;

    public WorkbenchPanel(Editor editor) {
        this.editor = editor;
        temperature = new TemperatureControl("workbench-t-slider", "workbench-t", editor);
        new WorkbenchSave(editor);
        steps = new WorkbenchSteps(editor);
        read.addEventListener("click", e -> loadText(text.getValue(), null));
        clear.addEventListener("click", e -> {
            file = null;
            say(null);
            editor.load(null);
        });
        FileInput.listen(Dom.byId("workbench-file"), Dom.byId("workbench-drop"), this::accepts, (name, bytes) -> {
            ParseResult<NpyFile> npy = NpyFile.read(bytes);
            if (npy.isOk()) {
                loadRow(npy.value(), name, 0);
            } else {
                say(npy.reason());
            }
        }, (name, content) -> loadText(content, name));
        FileInput.listen(Dom.byId("workbench-vocab"), null, this::accepts, null, (name, content) -> {
            ParseResult<String[]> names = Vocabulary.read(content);
            Loaded loaded = editor.frame().loaded();
            if (!names.isOk()) {
                say(names.reason());
            } else if (loaded == null) {
                say(new Message("workbench.problem.no-vector"));
            } else {
                say(null);
                editor.load(loaded.withNames(names.value()));
            }
        });
        row.onInput(e -> {
            int r = whole(row.getValue());
            if (file != null && r >= 1 && r <= file.rows()) {
                loadRow(file, fileName, r - 1);
            } else if (file != null) {
                say(new Message("workbench.problem.row", "max", Integer.toString(file.rows())));
            }
        });
        top.addEventListener("change", e -> {
            Loaded loaded = editor.frame().loaded();
            if (loaded != null) {
                editor.load(loaded.withTop(Integer.parseInt(top.getValue())));
            }
        });
        target.onInput(e -> {
            Loaded loaded = editor.frame().loaded();
            int c = loaded == null ? -1 : classOf(loaded, target.getValue());
            if (c >= 0) {
                say(null);
                editor.load(loaded.withTarget(c));
            } else if (loaded != null) {
                say(new Message("workbench.no-class", "text", target.getValue().trim()));
            }
        });
        find.onInput(e -> showFound(editor.frame()));
        usePrecision = new PrecisionOffer(editor, Dom.byId("workbench-use-precision"));
    }

    /** Whether to read a file of this size: a file too large is refused before it is read. */
    private boolean accepts(String name, double size) {
        Message refusal = NpyFile.sizeRefusal(size);
        say(refusal);
        return refusal == null;
    }

    private void loadText(String content, String name) {
        ParseResult<LogitVector> vector = LogitText.read(content);
        if (!vector.isOk()) {
            say(vector.reason());
            return;
        }
        file = null;
        say(null);
        editor.load(Loaded.of(vector.value(), name));
    }

    private void loadRow(NpyFile npy, String name, int r) {
        ParseResult<LogitVector> vector = npy.row(r);
        if (!vector.isOk()) {
            say(vector.reason());
            return;
        }
        file = npy;
        fileName = name;
        say(null);
        Loaded before = editor.frame().loaded();
        Loaded next = Loaded.of(vector.value(), name);
        // Another row of the same file keeps the names, the true class and the list's length.
        editor.load(before != null && name.equals(before.source()) && before.size() == next.size()
                ? next.withChoicesOf(before) : next);
    }

    /** Shows why an input was refused (the last good vector stays), or clears the message. */
    private void say(Message reason) {
        Messages words = editor.frame().words();
        Dom.text(message, reason == null ? "" : words.format("page.rejected", "reason", words.sentence(reason)));
    }

    private static int whole(String text) {
        String t = text.trim();
        if (t.isEmpty() || t.length() > 6) {
            return -1;
        }
        for (int i = 0; i < t.length(); i++) {
            if (t.charAt(i) < '0' || t.charAt(i) > '9') {
                return -1;
            }
        }
        return Integer.parseInt(t);
    }

    /** The class a person means: an index (0-based, "#" allowed) or a vocabulary name; -1 if none. */
    private static int classOf(Loaded loaded, String text) {
        String t = text.trim();
        int index = whole(t.startsWith("#") ? t.substring(1) : t);
        if (index >= 0 && index < loaded.size()) {
            return index;
        }
        return t.isEmpty() ? -1 : loaded.classNamed(text);
    }

    @Override
    public void render(Frame frame) {
        Loaded loaded = frame.loaded();
        Dom.hidden(shown, loaded == null);
        Dom.hidden(clear, loaded == null);
        if (loaded == null) {
            return;
        }
        Messages words = frame.words();
        SoftmaxSummary exact = frame.loadedSummary();
        double t = frame.state().get(Fields.TEMPERATURE);
        int k = loaded.size();
        Precision stored = loaded.vector().precision();
        String what = loaded.source() == null ? words.text("workbench.pasted") : loaded.source();
        Dom.text(source, words.format("workbench.source", "k", grouped(k), "source", what,
                "format", words.format(file != null ? StoredFormat.of(file) : StoredFormat.ofText(stored))));
        usePrecision.render(frame);
        Dom.hidden(rowControl, file == null || !file.isMatrix());
        if (file != null) {
            Dom.attribute(row, "max", Integer.toString(file.rows()));
        }
        temperature.render(frame);
        // A new vector lists the default number; a K below the choice lists K and leaves the choice shown.
        if (loaded.top() != Math.min(Integer.parseInt(top.getValue()), k)) {
            top.setValue(Integer.toString(loaded.top()));
        }
        Dom.value(target, "#" + loaded.target());

        int c = loaded.target();
        Dom.text(metrics, words.format("workbench.metrics", "name", loaded.name(c), "rank", grouped(loaded.targetRank()),
                "p", Numbers.compact(exact.probability(loaded.top())), "loss", Numbers.compact(exact.crossEntropy()),
                "entropy", Numbers.compact(exact.entropy()), "perplexity", Numbers.compact(exact.perplexity()),
                "effective", Numbers.compact(exact.effectiveClassCount())));
        showTop(loaded, exact, words);
        showFound(frame);
        showVerdicts(loaded, t, frame, words);
        steps.render(frame);
        if (loaded != histogramOf || words != histogramWords) {
            histogramOf = loaded;
            histogramWords = words;
            showHistogram(loaded, words);
        }
    }

    private void showTop(Loaded loaded, SoftmaxSummary exact, Messages words) {
        int n = loaded.top();
        boolean rest = n < loaded.size();
        if (loaded != rowsOf || words != rowsWords) {
            rowsOf = loaded;
            rowsWords = words;
            buildRows(loaded, words, n, rest);
        }
        for (int r = 0; r < n; r++) {
            showP(r, exact.probability(r), Numbers.compact(exact.logProbability(r)));
        }
        if (rest) {
            // Core sums the classes not listed, never as 1 minus the listed (which cancels); a true
            // class below the list was left out of that sum, so its p joins it here.
            showP(n, exact.restMass() + (loaded.targetRank() > n ? exact.probability(n) : 0), "");
        }
    }

    /**
     * The rows of the listed classes and of the rest, without their p and log p: what does not
     * depend on T is written once for a vector and its choices, and a T move rewrites only the
     * numbers ({@link #showP}).
     */
    private void buildRows(Loaded loaded, Messages words, int n, boolean rest) {
        Dom.clear(topBody);
        int rows = rest ? n + 1 : n;
        bars = new HTMLElement[rows];
        barValues = new HTMLElement[rows];
        logProbabilities = new HTMLElement[rows];
        for (int r = 0; r < n; r++) {
            int i = loaded.ranked(r);
            topBody.appendChild(row(r, Integer.toString(r + 1), loaded.name(i), "#" + i,
                    Numbers.compact(loaded.vector().logit(i)), i == loaded.target()));
        }
        if (rest) {
            topBody.appendChild(row(n, "", words.format("workbench.rest", "count", grouped(loaded.size() - n)), "", "",
                    false));
        }
    }

    private HTMLElement row(int r, String rank, String name, String index, String logit, boolean isTarget) {
        HTMLElement tr = Dom.create("tr");
        if (isTarget) {
            tr.setClassName("target");
        }
        tr.appendChild(Dom.create("td", null, rank));
        HTMLElement th = Dom.create("th", null, visible(name));
        th.setAttribute("scope", "row");
        tr.appendChild(th);
        if (index.isEmpty()) {
            // The row of all the classes not listed: its words take the name, index and z columns.
            th.setAttribute("colspan", "3");
            th.setClassName("rest");
        } else {
            tr.appendChild(Dom.create("td", null, index));
            tr.appendChild(Dom.create("td", null, logit));
        }
        HTMLElement cell = Dom.create("td", "bar-cell", null);
        bars[r] = Dom.create("span", "bar", null);
        cell.appendChild(bars[r]);
        barValues[r] = Dom.create("span", "bar-value", null);
        cell.appendChild(barValues[r]);
        tr.appendChild(cell);
        logProbabilities[r] = Dom.create("td", null, "");
        tr.appendChild(logProbabilities[r]);
        return tr;
    }

    /** Row r's p (its bar and number) and log p. */
    private void showP(int r, double p, String logp) {
        bars[r].getStyle().setProperty("width", Format.fixed(Math.min(1, p) * 6, 3) + "em");
        Dom.text(barValues[r], Numbers.compact(p));
        Dom.text(logProbabilities[r], logp);
    }

    /** A token as text a person can read: control characters (a token may be a new line) as escapes. */
    static String visible(String name) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char ch = name.charAt(i);
            if (ch == '\n') {
                out.append("\\n");
            } else if (ch == '\t') {
                out.append("\\t");
            } else if (ch == '\r') {
                out.append("\\r");
            } else if (ch < 0x20 || ch >= 0x7F && ch <= 0x9F) {
                out.append("\\u").append(Integer.toHexString(0x10000 | ch).substring(1));
            } else {
                out.append(ch);
            }
        }
        return out.toString();
    }

    private void showFound(Frame frame) {
        Loaded loaded = frame.loaded();
        if (loaded == null) {
            return;
        }
        Messages words = frame.words();
        String query = find.getValue();
        if (query.trim().isEmpty()) {
            Dom.text(found, "");
            return;
        }
        int c = classOf(loaded, query);
        Dom.text(found, c < 0 ? words.format("workbench.no-class", "text", query.trim())
                : words.format("workbench.found", "name", visible(loaded.name(c)), "index", "#" + c,
                        "rank", grouped(loaded.rank(c)), "z", Numbers.compact(loaded.vector().logit(c)),
                        "p", Numbers.compact(loaded.probability(frame.loadedSummary(), c,
                                frame.state().get(Fields.TEMPERATURE), frame.state().get(Fields.LABEL_SMOOTHING)))));
    }

    private void showVerdicts(Loaded loaded, double t, Frame frame, Messages words) {
        Dom.clear(verdicts);
        Precision chosen = frame.state().get(Fields.PRECISION);
        for (Precision p : Precision.values()) {
            MachineVerdict v = loaded.verdict(p);
            String naive;
            if (v.naiveOverflowsBelow() > 0) {
                naive = words.format(v.naiveOverflows(t) ? "workbench.verdict.overflows-now" : "workbench.verdict.overflows",
                        "below", Format.significant(v.naiveOverflowsBelow(), 3),
                        "limit", Format.significant(p.expOverflowThreshold(), 4));
            } else if (v.naiveUnderflowsAtOrBelow() > 0) {
                naive = words.format(v.naiveUnderflows(t) ? "workbench.verdict.underflows-now"
                        : "workbench.verdict.underflows", "below", Format.significant(v.naiveUnderflowsAtOrBelow(), 3));
            } else {
                naive = words.text("workbench.verdict.naive-fine");
            }
            int kept = loaded.survivors(p, t);
            String stable = kept == loaded.size() ? words.format("workbench.verdict.keeps-all", "k", grouped(kept))
                    : words.format("workbench.verdict.keeps", "kept", grouped(kept), "k", grouped(loaded.size()));
            double one = v.stableKeepsOneAtOrBelow();
            if (one > 0 && one < Double.POSITIVE_INFINITY) {
                stable = words.format("workbench.verdict.only-top", "stable", stable,
                        "below", Format.significant(one, 3));
            }
            HTMLElement item = Dom.create("li", p == chosen ? "chosen" : null, null);
            HTMLElement name = Dom.create("strong", null, p.displayName());
            item.appendChild(name);
            item.appendChild(Dom.DOCUMENT.createTextNode(words.format("workbench.verdict", "scaled",
                    Numbers.compact(v.largest() / t), "naive", naive, "stable", stable)));
            item.setAttribute("data-precision", p.displayName());
            verdicts.appendChild(item);
        }
    }

    private void showHistogram(Loaded loaded, Messages words) {
        int[] counts = loaded.histogram();
        int most = 1;
        for (int count : counts) {
            most = Math.max(most, count);
        }
        Dom.clear(histogram);
        for (int count : counts) {
            HTMLElement bar = Dom.create("span", "histogram-bar", null);
            // A bin with a few classes among 50,000 still shows: at least a hairline.
            double height = count == 0 ? 0 : Math.max(2, 100.0 * count / most);
            bar.getStyle().setProperty("height", Format.fixed(height, 1) + "%");
            histogram.appendChild(bar);
        }
        int first = loaded.ranked(0);
        String gap = loaded.size() > 1 && loaded.top() > 1
                ? Numbers.compact(loaded.vector().logit(first) - loaded.vector().logit(loaded.ranked(1))) : "—";
        Dom.attribute(histogram, "aria-label", words.format("workbench.histogram.label", "count", grouped(loaded.size()),
                "low", Numbers.compact(loaded.lowest()), "high", Numbers.compact(loaded.highest())));
        Dom.text(histogramSummary, words.format("workbench.histogram", "low", Numbers.compact(loaded.lowest()),
                "max", Numbers.compact(loaded.highest()), "mean", Numbers.compact(loaded.mean()), "gap", gap,
                "name", visible(loaded.name(first))));
    }

    /** A count with thousands separators: 50,257. */
    private static String grouped(int n) {
        return Numbers.grouped(n);
    }
}
