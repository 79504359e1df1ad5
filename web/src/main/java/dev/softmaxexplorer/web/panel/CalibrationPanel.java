package dev.softmaxexplorer.web.panel;

import dev.softmaxexplorer.core.CalibrationResult;
import dev.softmaxexplorer.core.Format;
import dev.softmaxexplorer.core.ValidationSet;
import dev.softmaxexplorer.web.browser.Dom;
import dev.softmaxexplorer.web.chart.ChartQueue;
import dev.softmaxexplorer.web.chart.ChartSurface;
import dev.softmaxexplorer.web.chart.ReliabilityChart;
import dev.softmaxexplorer.web.chart.Theme;
import dev.softmaxexplorer.web.page.Editor;
import dev.softmaxexplorer.web.page.Frame;
import dev.softmaxexplorer.web.page.Panel;
import dev.softmaxexplorer.web.state.Fields;
import dev.softmaxexplorer.web.state.State;
import dev.softmaxexplorer.web.state.TemperatureScale;
import dev.softmaxexplorer.web.state.ValidationCsv;
import dev.softmaxexplorer.web.text.Messages;
import org.teavm.jso.dom.html.HTMLCanvasElement;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLInputElement;
import org.teavm.jso.dom.html.HTMLSelectElement;
import org.teavm.jso.dom.html.HTMLTextAreaElement;

/**
 * Calibration by temperature scaling on a validation set: the seeded set of an over-confident
 * model, or one pasted as CSV (kept by this panel, not in the state: a link opens the seeded set).
 * The fitted T and the results at T = 1 and at the fitted T are computed once per set and number
 * of bins; each frame evaluates only the T of the view's own slider, and only when it changed.
 */
public final class CalibrationPanel implements Panel {
    private final HTMLInputElement slider = Dom.byId("calibration-t-slider", HTMLInputElement.class);
    private final HTMLInputElement field = Dom.byId("calibration-temperature", HTMLInputElement.class);
    private final HTMLElement fittedButton = Dom.byId("calibration-fitted");
    private final HTMLElement oneButton = Dom.byId("calibration-one");
    private final HTMLSelectElement bins = Dom.byId("calibration-bins", HTMLSelectElement.class);
    private final HTMLElement source = Dom.byId("calibration-source");
    private final HTMLElement verdict = Dom.byId("calibration-verdict");
    private final HTMLCanvasElement chart = Dom.byId("calibration-chart", HTMLCanvasElement.class);
    private final NumberTable summary = new NumberTable(Dom.byId("calibration-summary"));
    private final NumberTable table = new NumberTable(Dom.byId("calibration-table"));
    private final HTMLTextAreaElement paste = Dom.byId("calibration-paste", HTMLTextAreaElement.class);
    private final HTMLElement pasteStatus = Dom.byId("calibration-paste-status");
    private final Editor editor;

    private ValidationSet seededSet;
    private double seededFitted;
    private ValidationSet set;
    private boolean pasted;
    /** The fitted T of {@link #set}; NaN when no T minimises its NLL. */
    private double fitted;
    // Caches keyed by what they depend on; not a copy of the state.
    private CalibrationResult atOne;
    private CalibrationResult atFitted;
    private CalibrationResult chosen;
    /** What the fixed text on the page was made for (see {@link #showFixedText}). */
    private ValidationSet textSet;
    private int textBins;
    private Messages textWords;
    private String oneEce;
    private String oneNll;

    public CalibrationPanel(Editor editor) {
        this.editor = editor;
        slider.onInput(e -> {
            double t = TemperatureScale.temperature(Integer.parseInt(slider.getValue()));
            editor.edit(slider, s -> s.with(Fields.CALIBRATION_TEMPERATURE, t));
        });
        field.onInput(e -> editor.set(field, Fields.CALIBRATION_TEMPERATURE, field.getValue()));
        bins.addEventListener("change", e -> editor.set(bins, Fields.CALIBRATION_BINS, bins.getValue()));
        fittedButton.addEventListener("click", e -> {
            if (fitted == fitted) {
                editor.edit(fittedButton, s -> s.with(Fields.CALIBRATION_TEMPERATURE, fitted));
            }
        });
        oneButton.addEventListener("click", e -> editor.edit(oneButton, s -> s.with(Fields.CALIBRATION_TEMPERATURE, 1.0)));
        Dom.byId("calibration-use-paste").addEventListener("click", e -> usePaste());
        Dom.byId("calibration-use-seeded").addEventListener("click", e -> {
            useSeeded();
            render(editor.frame());
            Dom.text(pasteStatus, editor.frame().words().text("calibration.paste.seeded"));
        });
    }

    /** The seeded set, made and fitted on first use only. */
    private void useSeeded() {
        if (seededSet == null) {
            seededSet = ValidationSet.overconfident(42, ValidationSet.SEEDED_SIZE, ValidationSet.SEEDED_CLASSES);
            seededFitted = seededSet.fitTemperature();
        }
        show(seededSet, false, seededFitted);
    }

    private void usePaste() {
        Messages words = editor.frame().words();
        ValidationCsv.Outcome outcome = ValidationCsv.read(paste.getValue());
        if (outcome.set() == null) {
            Dom.attribute(paste, "aria-invalid", "true");
            Dom.text(pasteStatus, words.format("calibration.paste.kept", "problem", words.format(outcome.problem())));
            return;
        }
        paste.removeAttribute("aria-invalid");
        double fittedT;
        try {
            fittedT = outcome.set().fitTemperature();
        } catch (IllegalArgumentException noMinimiser) {
            fittedT = Double.NaN;
        }
        show(outcome.set(), true, fittedT);
        render(editor.frame());
        Dom.text(pasteStatus, words.format("calibration.paste.used", "n", Integer.toString(set.size()),
                "k", Integer.toString(set.classes())));
    }

    /** Makes a set current with its fitted T (NaN for none). */
    private void show(ValidationSet next, boolean isPasted, double fittedT) {
        set = next;
        pasted = isPasted;
        fitted = fittedT;
        atOne = null;
        atFitted = null;
        chosen = null;
    }

    @Override
    public void render(Frame frame) {
        if (set == null) {
            useSeeded();
        }
        State state = frame.state();
        Messages words = frame.words();
        double t = state.get(Fields.CALIBRATION_TEMPERATURE);
        int m = state.get(Fields.CALIBRATION_BINS).bins();
        atOne = current(atOne, 1.0, m);
        atFitted = fitted == fitted ? current(atFitted, fitted, m) : null;
        chosen = current(chosen, t, m);
        if (textSet != set || textBins != m || textWords != words) {
            showFixedText(words, m);
            textSet = set;
            textBins = m;
            textWords = words;
        }
        String tText = Format.shortest(t);
        showControls(state, tText);
        String eceText = ece(chosen);
        String nllText = nll(chosen);
        String accuracyText = Format.percent(chosen.accuracy(), 1);
        // At T = 1 the two results are one: the sentence names T = 1 once.
        Dom.text(verdict, words.format(t == 1.0 ? "calibration.verdict.at-one" : "calibration.verdict",
                "accuracy", accuracyText, "t", tText, "ece", eceText, "nll", nllText, "ece1", oneEce,
                "nll1", oneNll));
        ChartQueue.later(() -> ReliabilityChart.draw(ChartSurface.of(chart), Theme.of(chart), chosen, words));
        summary.cell(0, 3, tText);
        summary.cell(1, 3, eceText);
        summary.cell(2, 3, nllText);
        summary.cell(3, 3, accuracyText);
        showBins(words);
    }

    /**
     * What depends on the set, the bins and the words but not on the chosen T: a slider move
     * redraws only the rest (exact decimals cost; a move must stay within a frame's budget).
     */
    private void showFixedText(Messages words, int m) {
        String fittedText = fitted == fitted
                ? words.format("calibration.source.fitted", "t", Format.significant(fitted, 4))
                : words.text("calibration.source.no-fit");
        Dom.text(source, words.format(pasted ? "calibration.source.pasted" : "calibration.source.seeded",
                "n", Integer.toString(set.size()), "k", Integer.toString(set.classes()), "fitted", fittedText));
        boolean canFit = fitted == fitted;
        Dom.text(fittedButton, canFit ? words.format("calibration.fitted", "t", Format.significant(fitted, 4))
                : words.text("calibration.fitted.none"));
        if (canFit) {
            fittedButton.removeAttribute("disabled");
        } else {
            fittedButton.setAttribute("disabled", "");
        }
        oneEce = ece(atOne);
        oneNll = nll(atOne);
        summary.shape(new String[] {words.text("calibration.table.quantity"), words.text("calibration.table.at-one"),
            words.text("calibration.table.at-fitted"), words.text("calibration.table.at-chosen")}, 4, 0);
        summary.rowHeader(0, words.text("calibration.row.t"), false);
        summary.rowHeader(1, words.text("calibration.row.ece"), false);
        summary.rowHeader(2, words.text("calibration.row.nll"), false);
        summary.rowHeader(3, words.text("calibration.row.accuracy"), false);
        summaryColumn(1, atOne, words);
        summaryColumn(2, atFitted, words);
        table.shape(new String[] {words.text("calibration.bin.range"), words.text("calibration.bin.count"),
            words.text("calibration.bin.confidence"), words.text("calibration.bin.accuracy"),
            words.text("calibration.bin.gap")}, m, 1);
        for (int b = 0; b < m; b++) {
            table.rowHeader(b, "(" + Format.fixed((double) b / m, 3) + ", " + Format.fixed((double) (b + 1) / m, 3)
                    + "]", false);
        }
        table.footerHeader(0, words.text("calibration.bin.all"));
        table.footerCell(0, 1, Integer.toString(set.size()));
    }

    /** The cached result if it is for this T and number of bins, else a new one. */
    private CalibrationResult current(CalibrationResult cached, double t, int m) {
        if (cached != null && cached.temperature() == t && cached.bins() == m) {
            return cached;
        }
        return set.evaluate(t, m);
    }

    private static String ece(CalibrationResult r) {
        return Format.significant(r.expectedCalibrationError(), 4);
    }

    private static String nll(CalibrationResult r) {
        return Format.significant(r.negativeLogLikelihood(), 6);
    }

    private void showControls(State state, String tText) {
        double t = state.get(Fields.CALIBRATION_TEMPERATURE);
        Dom.value(field, tText);
        Dom.value(slider, Integer.toString(TemperatureScale.position(t)));
        Dom.attribute(slider, "aria-valuetext", "T = " + Format.significant(t, 3));
        String key = state.get(Fields.CALIBRATION_BINS).key();
        if (!bins.getValue().equals(key)) {
            bins.setValue(key);
        }
    }

    /** A column of the summary table: the result at one T, or "none" (no fitted T). */
    private void summaryColumn(int column, CalibrationResult r, Messages words) {
        String none = words.text("calibration.none");
        summary.cell(0, column, r == null ? none : Format.shortest(r.temperature()));
        summary.cell(1, column, r == null ? none : ece(r));
        summary.cell(2, column, r == null ? none : nll(r));
        summary.cell(3, column, r == null ? none : Format.percent(r.accuracy(), 1));
    }

    private void showBins(Messages words) {
        String none = words.text("calibration.none");
        for (int b = 0; b < chosen.bins(); b++) {
            int count = chosen.count(b);
            table.cell(b, 1, Integer.toString(count));
            table.cell(b, 2, count == 0 ? none : Format.fixed(chosen.confidence(b), 3));
            table.cell(b, 3, count == 0 ? none : Format.fixed(chosen.accuracy(b), 3));
            table.cell(b, 4, count == 0 ? none : Format.fixed(chosen.accuracy(b) - chosen.confidence(b), 3));
        }
        table.footerCell(0, 3, Format.fixed(chosen.accuracy(), 3));
    }
}
