package dev.softmaxexplorer.web.panel;

import dev.softmaxexplorer.core.Format;
import dev.softmaxexplorer.core.SamplerChain;
import dev.softmaxexplorer.core.SamplerChain.Step;
import dev.softmaxexplorer.web.browser.Dom;
import dev.softmaxexplorer.web.chain.ChainReport;
import dev.softmaxexplorer.web.chain.ChainRequest;
import dev.softmaxexplorer.web.chain.ChainRun;
import dev.softmaxexplorer.web.chain.ChainThread;
import dev.softmaxexplorer.web.chain.StageNumbers;
import dev.softmaxexplorer.web.chart.ChainChart;
import dev.softmaxexplorer.web.chart.ChartQueue;
import dev.softmaxexplorer.web.chart.ChartSurface;
import dev.softmaxexplorer.web.chart.SamplingChart;
import dev.softmaxexplorer.web.chart.Theme;
import dev.softmaxexplorer.web.page.Editor;
import dev.softmaxexplorer.web.page.Frame;
import dev.softmaxexplorer.web.page.Panel;
import dev.softmaxexplorer.web.state.Fields;
import dev.softmaxexplorer.web.state.HashCodec;
import dev.softmaxexplorer.web.state.ParseResult;
import dev.softmaxexplorer.web.state.SamplerOrder;
import dev.softmaxexplorer.web.state.ScalarField;
import dev.softmaxexplorer.web.state.State;
import dev.softmaxexplorer.web.text.Messages;
import dev.softmaxexplorer.web.text.Numbers;
import dev.softmaxexplorer.web.workbench.Loaded;
import java.util.Arrays;
import org.teavm.jso.JSBody;
import org.teavm.jso.dom.html.HTMLCanvasElement;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLInputElement;

/**
 * The sampler chain of a language model: temperature, top-k, top-p, min-p and typical in an order
 * the person chooses (a step's grip drags it, its buttons move it up or down; two presets give
 * Hugging Face's and llama.cpp's orders), every stage drawn and tabulated, a sentence on what
 * moving the temperature would change, and N seeded draws from the final distribution next to as
 * many Gumbel-max draws. On a large vector the runs happen in a worker ({@link ChainThread}) and
 * the view draws each answer as it arrives, named by the request it answers.
 */
public final class ChainPanel implements Panel {
    /** The per-class table lists at most this many classes. */
    static final int TABLE_CLASSES = 64;

    private final HTMLElement view = Dom.byId("chain-view");
    private final HTMLElement list = Dom.byId("chain-steps");
    private final HTMLElement[] rows = new HTMLElement[Step.values().length];
    private final HTMLInputElement[] switches = new HTMLInputElement[rows.length];
    private final HTMLInputElement[] parameters = new HTMLInputElement[rows.length];
    private final HTMLInputElement count = Dom.byId("chain-n", HTMLInputElement.class);
    private final HTMLInputElement seed = Dom.byId("chain-seed", HTMLInputElement.class);
    private final HTMLElement message = Dom.byId("chain-message");
    private final HTMLElement orderText = Dom.byId("chain-order");
    private final HTMLElement verdict = Dom.byId("chain-verdict");
    private final HTMLCanvasElement chart = Dom.byId("chain-chart", HTMLCanvasElement.class);
    private final NumberTable stageTable = new NumberTable(Dom.byId("chain-stage-table"));
    private final NumberTable classTable = new NumberTable(Dom.byId("chain-class-table"));
    private final HTMLElement classCaption = Dom.byId("chain-class-caption");
    private final HTMLCanvasElement drawsChart = Dom.byId("chain-draws-chart", HTMLCanvasElement.class);
    private final HTMLCanvasElement gumbelChart = Dom.byId("chain-gumbel-chart", HTMLCanvasElement.class);
    private final HTMLElement drawsText = Dom.byId("chain-draws-text");
    private final HTMLElement gumbelText = Dom.byId("chain-gumbel-text");
    private final HTMLElement link = Dom.byId("chain-link");
    private final NumberTable drawsTable = new NumberTable(Dom.byId("chain-draws-table"));
    private final HTMLElement source = Dom.byId("chain-source");
    private final ChainInput inputs = new ChainInput();
    private final StageTexts texts = new StageTexts();
    private final ChainThread thread = new ChainThread();
    private final Editor editor;
    private SamplerOrder shownOrder;
    /** The answer the view shows. */
    private ChainThread.Answer shownAnswer;

    public ChainPanel(Editor editor) {
        this.editor = editor;
        for (Step step : Step.values()) {
            int s = step.ordinal();
            String key = SamplerOrder.key(step);
            rows[s] = Dom.byId("chain-row-" + key);
            switches[s] = Dom.byId("chain-on-" + key, HTMLInputElement.class);
            parameters[s] = Dom.byId("chain-" + key, HTMLInputElement.class);
            HTMLInputElement box = switches[s];
            box.addEventListener("change", e -> {
                SamplerOrder order = editor.state().get(Fields.CHAIN);
                SamplerOrder next = order.switched(position(order, step), Dom.isChecked(box));
                check(editor, box, Fields.CHAIN, next.linkText());
                // A refused change leaves the state, and so the frame, as it was: nothing redraws
                // the box, so it shows the kept chain here.
                Dom.checked(box, editor.state().get(Fields.CHAIN).on(position(order, step)));
            });
            HTMLInputElement input = parameters[s];
            ScalarField<?> field = field(step);
            input.onInput(e -> check(editor, input, field, input.getValue()));
            HTMLElement up = Dom.byId("chain-up-" + key);
            HTMLElement down = Dom.byId("chain-down-" + key);
            up.addEventListener("click", e -> move(editor, up, step, -1));
            down.addEventListener("click", e -> move(editor, down, step, 1));
            HTMLElement grip = Dom.byId("chain-grip-" + key);
            StepDrag.attach(grip, rows[s], list, to -> {
                SamplerOrder order = editor.state().get(Fields.CHAIN);
                check(editor, grip, Fields.CHAIN, order.movedTo(position(order, step), to).linkText());
            });
        }
        HTMLElement hf = Dom.byId("chain-preset-hf");
        HTMLElement llama = Dom.byId("chain-preset-llama");
        hf.addEventListener("click", e -> check(editor, hf, Fields.CHAIN, SamplerOrder.HUGGING_FACE.linkText()));
        llama.addEventListener("click", e -> check(editor, llama, Fields.CHAIN, SamplerOrder.LLAMA_CPP.linkText()));
        count.onInput(e -> check(editor, count, Fields.SAMPLE_COUNT, count.getValue()));
        seed.onInput(e -> check(editor, seed, Fields.SAMPLING_SEED, seed.getValue()));
    }

    private static ScalarField<?> field(Step step) {
        return switch (step) {
            case TEMPERATURE -> Fields.TEMPERATURE;
            case TOP_K -> Fields.TOP_K;
            case TOP_P -> Fields.TOP_P;
            case MIN_P -> Fields.MIN_P;
            case TYPICAL -> Fields.TYPICAL_MASS;
        };
    }

    private static int position(SamplerOrder order, Step step) {
        for (int i = 0; i < order.size(); i++) {
            if (order.step(i) == step) {
                return i;
            }
        }
        throw new IllegalStateException(step.name());
    }

    private void move(Editor editor, HTMLElement button, Step step, int delta) {
        SamplerOrder order = editor.state().get(Fields.CHAIN);
        int from = position(order, step);
        check(editor, button, Fields.CHAIN, order.movedTo(from, from + delta).linkText());
    }

    /**
     * Sets the field through the editor (which marks a refused control and keeps the state) and
     * says the reason here too, next to the chain, where the person is looking.
     */
    private <T> void check(Editor editor, HTMLElement source, ScalarField<T> field, String text) {
        ParseResult<T> parsed = field.parse(text, editor.state());
        Dom.text(message, parsed.isOk() ? "" : editor.frame().words().sentence(parsed.reason()));
        editor.set(source, field, text);
    }

    @Override
    public void render(Frame frame) {
        State state = frame.state();
        SamplerOrder order = state.get(Fields.CHAIN);
        showControls(state, order, frame.words());
        ChainInput.Shown shown = inputs.of(frame);
        ChainRequest request = ChainRequest.of(order.running(), state.get(Fields.TEMPERATURE), state.get(Fields.TOP_K),
                state.get(Fields.TOP_P), state.get(Fields.MIN_P), state.get(Fields.TYPICAL_MASS), shown.classes(),
                state.get(Fields.SAMPLE_COUNT), state.get(Fields.SAMPLING_SEED), shown.loaded() != null);
        ChainThread.Answer answer = thread.answer(shown.vector(), () -> shown.vector().logits(), () -> inputs.input(shown), shown.size(),
                request, ChartSurface.printing(), () -> editor.redraw(this));
        if (answer == shownAnswer && !answer.request().equals(request)) {
            // The view shows the worker's latest answer already; this request's comes next.
            return;
        }
        shownAnswer = answer;
        show(frame, answer.request(), answer.report(), shown);
        Dom.attribute(view, "data-ran-in", answer.worker() ? "worker" : "page");
    }

    /** Draws a run's report, named by its own request: while T moves, a worker's answer trails by a frame. */
    private void show(Frame frame, ChainRequest request, ChainReport report, ChainInput.Shown shown) {
        Messages words = frame.words();
        SamplerChain chain = request.chain();
        StageNumbers[] stages = report.stages();
        Step[] steps = request.order();
        int k = shown.size();
        int[] classes = shown.classes();
        StageTexts.Texts[] numbers = texts.of(stages, Math.min(classes.length, TABLE_CLASSES));
        Loaded loaded = shown.loaded();
        Dom.text(source, sourceText(request, words, loaded, k, classes.length));

        String[] names = new String[stages.length];
        String[][] titles = new String[stages.length][];
        double[][] probabilities = new double[stages.length][];
        boolean[][] kept = new boolean[stages.length][];
        for (int s = 0; s < stages.length; s++) {
            names[s] = stageName(s == 0 ? null : steps[s - 1], request, words);
            probabilities[s] = new double[classes.length];
            kept[s] = new boolean[classes.length];
            for (int j = 0; j < classes.length; j++) {
                probabilities[s][j] = stages[s].probability(j);
                kept[s][j] = stages[s].kept(j);
            }
            titles[s] = new String[] {names[s], words.format("chain.chart.kept",
                "kept", Numbers.grouped(stages[s].survivors()),
                "removed", Numbers.grouped(k - stages[s].survivors()))};
        }
        ChartQueue.later(() -> ChainChart.draw(ChartSurface.of(chart), Theme.of(chart), titles, probabilities, kept,
                probabilities[0], shown.position(shown.target())));
        fillStageTable(stages, names, numbers, words, k);
        fillClassTable(names, numbers, words, shown);
        Dom.text(verdict, orderSentence(chain, request, report, numbers[stages.length - 1], words, k));
        draw(frame, request, report, numbers[stages.length - 1], shown);
    }

    /**
     * What the chain runs on, and a top-k the link keeps for a larger vector that keeps every
     * class of this input.
     */
    private static String sourceText(ChainRequest request, Messages words, Loaded loaded, int k, int shown) {
        String vector = loaded == null ? "" : words.format("chain.source.loaded", "k", Numbers.grouped(k),
                "shown", Integer.toString(shown));
        int topK = request.topK();
        if (topK <= k || !Arrays.asList(request.order()).contains(Step.TOP_K)) {
            return vector;
        }
        String above = words.format("chain.topk-above", "topk", Numbers.grouped(topK), "k", Numbers.grouped(k));
        return vector.isEmpty() ? above : vector + " " + above;
    }

    /** The step's name with its parameter, as the chart, the table and the sentences say it. */
    private static String stageName(Step step, ChainRequest request, Messages words) {
        if (step == null) {
            return words.text("chain.stage.input");
        }
        String value = switch (step) {
            case TEMPERATURE -> Format.shortest(request.temperature());
            case TOP_K -> Integer.toString(request.topK());
            case TOP_P -> Format.shortest(request.topP());
            case MIN_P -> Format.shortest(request.minP());
            case TYPICAL -> Format.shortest(request.typicalMass());
        };
        return words.format("chain.stage." + SamplerOrder.key(step), "value", value);
    }

    private void fillStageTable(StageNumbers[] stages, String[] names, StageTexts.Texts[] numbers, Messages words,
            int k) {
        stageTable.shape(new String[] {words.text("chain.table.stage"), words.text("chain.table.survivors"),
            words.text("chain.table.removed"), words.text("chain.table.mass"), words.text("chain.table.entropy"),
            words.text("chain.table.effective")}, stages.length, 0);
        for (int s = 0; s < stages.length; s++) {
            stageTable.rowHeader(s, names[s], false);
            stageTable.cell(s, 1, Numbers.grouped(stages[s].survivors()));
            stageTable.cell(s, 2, Numbers.grouped(k - stages[s].survivors()));
            stageTable.cell(s, 3, numbers[s].mass());
            stageTable.cell(s, 4, numbers[s].entropy());
            stageTable.cell(s, 5, numbers[s].effective());
        }
    }

    private void fillClassTable(String[] names, StageTexts.Texts[] numbers, Messages words, ChainInput.Shown classes) {
        int k = classes.size();
        int shown = Math.min(classes.classes().length, TABLE_CLASSES);
        String[] headers = new String[names.length + 1];
        headers[0] = words.text("table.class");
        System.arraycopy(names, 0, headers, 1, names.length);
        classTable.shape(headers, shown, 0);
        String gone = words.text("chain.table.gone");
        for (int s = 0; s < names.length; s++) {
            String[] p = numbers[s].probabilities();
            for (int j = 0; j < shown; j++) {
                classTable.cell(j, s + 1, p[j] != null ? p[j] : gone);
            }
        }
        for (int j = 0; j < shown; j++) {
            classTable.rowHeader(j, classes.names()[j], classes.classes()[j] == classes.target());
        }
        String caption = classes.loaded() != null ? "chain.class-table.top" : "chain.class-table.first";
        Dom.text(classCaption, shown < k ? words.format(caption, "shown", Integer.toString(shown),
                "k", Numbers.grouped(k)) : "");
    }

    /** What moving the temperature to the other end would change, computed, not asserted. */
    private static String orderSentence(SamplerChain chain, ChainRequest request, ChainReport report,
            StageTexts.Texts lastNumbers, Messages words, int k) {
        double t = request.temperature();
        StageNumbers last = report.last();
        if (chain.withTemperatureMoved() == chain || t == 1) {
            return words.format("chain.verdict.no-temperature", "kept", Integer.toString(last.survivors()),
                    "k", Numbers.grouped(k));
        }
        double otherH = report.movedEntropy();
        return words.format(chain.temperatureFirst() ? "chain.verdict.first" : "chain.verdict.later",
                "t", Format.shortest(t), "kept", Numbers.grouped(last.survivors()), "k", Numbers.grouped(k),
                "h", lastNumbers.entropy(), "otherKept", Numbers.grouped(report.movedSurvivors()),
                "otherH", Double.compare(otherH, last.entropy()) == 0 ? lastNumbers.entropy() : Numbers.compact(otherH));
    }

    private void draw(Frame frame, ChainRequest request, ChainReport report, StageTexts.Texts lastNumbers,
            ChainInput.Shown shown) {
        Messages words = frame.words();
        StageNumbers last = report.last();
        StageNumbers first = report.stages()[0];
        int n = request.count();
        int[] classes = shown.classes();
        double[] input = new double[classes.length];
        double[] p = new double[classes.length];
        double[] directShares = new double[classes.length];
        for (int j = 0; j < classes.length; j++) {
            input[j] = first.probability(j);
            p[j] = last.probability(j);
            directShares[j] = (double) report.direct(j) / n;
        }
        int target = shown.position(shown.target());
        String[] labels = shown.names();
        ChartQueue.later(() -> SamplingChart.draw(ChartSurface.of(drawsChart), Theme.of(drawsChart), labels, input, p,
                directShares, target, words));
        String draws = Integer.toString(n);
        String seedText = Integer.toString(request.seed());
        int most = report.mostDrawn();
        String mostName = shown.loaded() != null ? shown.loaded().name(most) : labels[most];
        Dom.text(drawsText, words.format("chain.draws", "n", draws, "seed", seedText, "most", mostName,
                "share", Format.percent((double) report.mostDrawnCount() / n, 1),
                "p", Format.percent(report.mostDrawnProbability(), 1)));
        Dom.hidden(gumbelChart, !report.hasGumbel());
        if (!report.hasGumbel() && shown.loaded() != null) {
            Dom.text(gumbelText, words.format("chain.gumbel.skipped-vector", "n", draws,
                    "k", Numbers.grouped(shown.size()), "budget", Format.shortest(ChainRun.GUMBEL_BUDGET)));
        } else if (!report.hasGumbel()) {
            Dom.text(gumbelText, words.format("chain.gumbel.skipped", "n", draws,
                    "kept", Integer.toString(last.survivors()), "budget", Format.shortest(ChainRun.GUMBEL_BUDGET)));
        } else {
            double[] gumbelShares = new double[classes.length];
            for (int j = 0; j < classes.length; j++) {
                gumbelShares[j] = (double) report.gumbel(j) / n;
            }
            ChartQueue.later(() -> SamplingChart.draw(ChartSurface.of(gumbelChart), Theme.of(gumbelChart), labels,
                    input, p, gumbelShares, target, words));
            double gap = 0;
            double spread = 0;
            for (int i = 0; i < p.length; i++) {
                gap = Math.max(gap, Math.abs(directShares[i] - gumbelShares[i]));
                spread = Math.max(spread, p[i] * (1 - p[i]));
            }
            // Two independent estimates of one share differ by sqrt(2 p (1 - p) / N) typically.
            double allowed = 3 * Math.sqrt(2 * spread / n);
            Dom.text(gumbelText, words.format("chain.gumbel.agree", "gap", Format.fixed(100 * gap, 1),
                    "allowed", Format.fixed(100 * allowed, 1), "n", draws));
        }
        fillDrawsTable(words, shown, report, lastNumbers, n);
        Dom.attribute(link, "href", "#" + HashCodec.encode(frame.state()));
        Dom.text(link, words.format("chain.link", "n", draws, "seed", seedText));
    }

    private void fillDrawsTable(Messages words, ChainInput.Shown classes, ChainReport report,
            StageTexts.Texts lastNumbers, int n) {
        int shown = Math.min(classes.classes().length, TABLE_CLASSES);
        drawsTable.shape(new String[] {words.text("table.class"), words.text("chain.draws-table.p"),
            words.text("chain.draws-table.direct"), words.text("chain.draws-table.gumbel")}, shown, 1);
        for (int j = 0; j < shown; j++) {
            drawsTable.rowHeader(j, classes.names()[j], classes.classes()[j] == classes.target());
            // A class the chain removed has p = 0 in the final distribution.
            String p = lastNumbers.probabilities()[j];
            drawsTable.cell(j, 1, p != null ? p : Numbers.compact(0.0));
            drawsTable.cell(j, 2, Integer.toString(report.direct(j)));
            drawsTable.cell(j, 3, report.hasGumbel() ? Integer.toString(report.gumbel(j)) : "\u2014");
        }
        drawsTable.footerHeader(0, words.text("sampling.table.all"));
        drawsTable.footerCell(0, 2, Integer.toString(n));
        drawsTable.footerCell(0, 3, report.hasGumbel() ? Integer.toString(n) : "\u2014");
    }

    private void showControls(State state, SamplerOrder order, Messages words) {
        if (!order.equals(shownOrder)) {
            HTMLElement focused = activeElement();
            for (int i = 0; i < order.size(); i++) {
                list.appendChild(rows[order.step(i).ordinal()]);
            }
            if (focused != null && Dom.contains(list, focused)) {
                focused.focus();
            }
            shownOrder = order;
        }
        StringBuilder running = new StringBuilder();
        for (int i = 0; i < order.size(); i++) {
            Step step = order.step(i);
            Dom.checked(switches[step.ordinal()], order.on(i));
            rows[step.ordinal()].setAttribute("class", order.on(i) ? "chain-step" : "chain-step off");
            if (order.on(i)) {
                running.append(running.length() == 0 ? "" : " \u2192 ").append(words.text("chain.step."
                        + SamplerOrder.key(step)));
            }
        }
        String preset = order.sameOrderAs(SamplerOrder.HUGGING_FACE) ? "chain.order.hf"
                : order.sameOrderAs(SamplerOrder.LLAMA_CPP) ? "chain.order.llama" : "chain.order.own";
        Dom.text(orderText, words.format(preset, "steps", running.toString()));
        Dom.value(parameters[Step.TEMPERATURE.ordinal()], Format.shortest(state.get(Fields.TEMPERATURE)));
        Dom.value(parameters[Step.TOP_K.ordinal()], Integer.toString(state.get(Fields.TOP_K)));
        Dom.value(parameters[Step.TOP_P.ordinal()], Format.shortest(state.get(Fields.TOP_P)));
        Dom.value(parameters[Step.MIN_P.ordinal()], Format.shortest(state.get(Fields.MIN_P)));
        Dom.value(parameters[Step.TYPICAL.ordinal()], Format.shortest(state.get(Fields.TYPICAL_MASS)));
        Dom.value(count, Integer.toString(state.get(Fields.SAMPLE_COUNT)));
        Dom.value(seed, Integer.toString(state.get(Fields.SAMPLING_SEED)));
    }

    @JSBody(script = "return document.activeElement;")
    private static native HTMLElement activeElement();
}
