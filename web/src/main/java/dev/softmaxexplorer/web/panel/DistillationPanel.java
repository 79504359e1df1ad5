package dev.softmaxexplorer.web.panel;

import dev.softmaxexplorer.core.Distillation;
import dev.softmaxexplorer.core.Format;
import dev.softmaxexplorer.core.Softmax;
import dev.softmaxexplorer.web.browser.Dom;
import dev.softmaxexplorer.web.chart.ChartQueue;
import dev.softmaxexplorer.web.chart.ChartSurface;
import dev.softmaxexplorer.web.chart.PairedBarsChart;
import dev.softmaxexplorer.web.chart.SmallMultiplesChart;
import dev.softmaxexplorer.web.chart.Theme;
import dev.softmaxexplorer.web.page.Editor;
import dev.softmaxexplorer.web.page.Frame;
import dev.softmaxexplorer.web.page.Panel;
import dev.softmaxexplorer.web.state.Fields;
import dev.softmaxexplorer.web.state.State;
import dev.softmaxexplorer.web.text.Messages;
import dev.softmaxexplorer.web.text.Numbers;
import java.util.ArrayList;
import java.util.List;
import org.teavm.jso.dom.html.HTMLCanvasElement;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLInputElement;

/**
 * Knowledge distillation: the teacher's logits (edited here) and the student's (the logits above),
 * both softened by the current T; the KL divergence, Hinton's T^2 factor and the loss; and the
 * teacher's soft targets at T = 1 against T = 4.
 */
public final class DistillationPanel implements Panel {
    /** The two temperatures of the soft-target comparison: the plain softmax and a typical distillation T. */
    static final double[] SOFT_TEMPERATURES = {1, 4};

    private final Editor editor;
    private final HTMLElement rowsContainer = Dom.byId("teacher-rows");
    private final List<TeacherRow> rows = new ArrayList<>();
    private final HTMLElement kl = Dom.byId("distill-kl");
    private final HTMLElement factor = Dom.byId("distill-factor");
    private final HTMLElement loss = Dom.byId("distill-loss");
    private final HTMLElement summary = Dom.byId("distill-summary");
    private final HTMLElement softSentence = Dom.byId("soft-targets-sentence");
    private final HTMLCanvasElement chart = Dom.byId("distillation-chart", HTMLCanvasElement.class);
    private final HTMLCanvasElement softChart = Dom.byId("soft-targets-chart", HTMLCanvasElement.class);
    private final NumberTable table = new NumberTable(Dom.byId("distillation-table"));
    private final HTMLElement tableTitle = Dom.byId("distillation-table-title");

    public DistillationPanel(Editor editor) {
        this.editor = editor;
    }

    @Override
    public void render(Frame frame) {
        State state = frame.state();
        double t = state.get(Fields.TEMPERATURE);
        double[] teacher = state.get(Fields.TEACHER_LOGITS);
        double[] student = state.get(Fields.LOGITS);
        List<String> names = state.get(Fields.NAMES);
        int k = names.size();
        int target = state.get(Fields.TARGET);
        syncRows(state, frame.words());

        double[] q = Softmax.softmax(teacher, t);
        double[] p = frame.exact().probabilities();
        double divergence = Distillation.klDivergence(teacher, student, t);
        double lossFactor = Distillation.lossFactor(t);
        double distillationLoss = Distillation.distillationLoss(teacher, student, t);
        String tText = Format.shortest(t);
        Messages words = frame.words();
        Dom.text(kl, Numbers.compact(divergence));
        Dom.text(factor, Numbers.compact(lossFactor));
        Dom.text(loss, Numbers.compact(distillationLoss));
        Dom.text(summary, words.format("distillation.summary", "t", tText, "kl", Format.significant(divergence, 3),
                "factor", Numbers.compact(lossFactor), "loss", Format.significant(distillationLoss, 3)));

        double[][] soft = new double[SOFT_TEMPERATURES.length][];
        int currentSoft = -1;
        for (int j = 0; j < SOFT_TEMPERATURES.length; j++) {
            soft[j] = Softmax.softmax(teacher, SOFT_TEMPERATURES[j]);
            if (SOFT_TEMPERATURES[j] == t) {
                currentSoft = j;
            }
        }
        Dom.text(softSentence, softTargetsSentence(names, soft, words));

        Theme theme = Theme.of(chart);
        String[] labels = names.toArray(new String[0]);
        Dom.attribute(chart, "aria-label", words.format("distillation.distillation-chart.label.current", "t", tText));
        int markedSoft = currentSoft;
        ChartQueue.later(() -> PairedBarsChart.draw(ChartSurface.of(chart), theme, labels, q, "q", p, "p", target,
                words));
        ChartQueue.later(() -> SmallMultiplesChart.draw(ChartSurface.of(softChart), theme, SOFT_TEMPERATURES, soft,
                target, markedSoft, words.text("chart.current-temperature")));

        table.shape(new String[] {words.text("table.class"), words.text("distillation.table.teacher-z"),
            words.text("distillation.table.student-z"), "q", "p", words.format("distillation.table.q-at", "t", "1"),
            words.format("distillation.table.q-at", "t", "4")}, k, 0);
        Dom.text(tableTitle, words.format("distillation.distillation-table-title.current", "t", tText));
        for (int i = 0; i < k; i++) {
            table.rowHeader(i, names.get(i), i == target);
            table.cell(i, 1, Numbers.compact(teacher[i]));
            table.cell(i, 2, Numbers.compact(student[i]));
            table.cell(i, 3, Numbers.compact(q[i]));
            table.cell(i, 4, Numbers.compact(p[i]));
            table.cell(i, 5, Numbers.compact(soft[0][i]));
            table.cell(i, 6, Numbers.compact(soft[1][i]));
        }
    }

    /**
     * What the softening shows: the teacher's favourite and its runner-up at T = 1 and at T = 4.
     * The runner-up is the "dark knowledge" a one-hot label cannot carry.
     */
    private static String softTargetsSentence(List<String> names, double[][] soft, Messages words) {
        double[] plain = soft[0];
        double[] softened = soft[1];
        int top = 0;
        for (int i = 1; i < plain.length; i++) {
            if (plain[i] > plain[top]) {
                top = i;
            }
        }
        int second = top == 0 ? 1 : 0;
        for (int i = 0; i < plain.length; i++) {
            if (i != top && plain[i] > plain[second]) {
                second = i;
            }
        }
        return words.format("distillation.soft-targets-sentence", "top", names.get(top),
                "topPercent", Format.percent(plain[top], 1), "second", names.get(second),
                "secondPercent", Format.percent(plain[second], 1), "topSoftPercent", Format.percent(softened[top], 1),
                "secondSoftPercent", Format.percent(softened[second], 1));
    }

    /** One labelled field a class; rows are added and removed at the end, so a field being typed in stays. */
    private void syncRows(State state, Messages words) {
        int k = state.classCount();
        while (rows.size() < k) {
            TeacherRow row = new TeacherRow(rows.size());
            rows.add(row);
            rowsContainer.appendChild(row.element);
        }
        while (rows.size() > k) {
            rowsContainer.removeChild(rows.remove(rows.size() - 1).element);
        }
        for (TeacherRow row : rows) {
            row.show(state, words);
        }
    }

    private final class TeacherRow {
        final int index;
        final HTMLElement element = Dom.create("div", "teacher-row", null);
        final HTMLElement label = Dom.create("label");
        final HTMLInputElement field = Dom.create("input");

        TeacherRow(int index) {
            this.index = index;
            String id = "tz" + (index + 1);
            label.setAttribute("for", id);
            field.setType("text");
            field.setAttribute("id", id);
            field.setAttribute("inputmode", "decimal");
            field.setAttribute("autocomplete", "off");
            field.setAttribute("spellcheck", "false");
            element.appendChild(label);
            element.appendChild(field);
            field.onInput(e -> editor.setItem(field, Fields.TEACHER_LOGITS, index, field.getValue()));
        }

        void show(State state, Messages words) {
            Dom.text(label, words.format("distillation.teacher-logit", "n", Integer.toString(index + 1),
                    "className", state.name(index)));
            Dom.value(field, Format.shortest(state.item(Fields.TEACHER_LOGITS, index)));
        }
    }
}
