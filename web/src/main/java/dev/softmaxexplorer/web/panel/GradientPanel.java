package dev.softmaxexplorer.web.panel;

import dev.softmaxexplorer.core.Format;
import dev.softmaxexplorer.core.GradientStep;
import dev.softmaxexplorer.core.LabelSmoothing;
import dev.softmaxexplorer.core.Softmax;
import dev.softmaxexplorer.core.SoftmaxResult;
import dev.softmaxexplorer.web.browser.Dom;
import dev.softmaxexplorer.web.chart.ChartQueue;
import dev.softmaxexplorer.web.chart.ChartSurface;
import dev.softmaxexplorer.web.chart.GradientChart;
import dev.softmaxexplorer.web.chart.Motion;
import dev.softmaxexplorer.web.chart.Theme;
import dev.softmaxexplorer.web.page.Editor;
import dev.softmaxexplorer.web.page.Frame;
import dev.softmaxexplorer.web.page.Panel;
import dev.softmaxexplorer.web.state.Fields;
import dev.softmaxexplorer.web.state.State;
import dev.softmaxexplorer.web.text.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.teavm.jso.browser.Window;
import org.teavm.jso.dom.html.HTMLButtonElement;
import org.teavm.jso.dom.html.HTMLCanvasElement;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLInputElement;

/**
 * Gradient bars dL/dz = (p - y) / T (core's exact values), their table (which also gives the y and
 * p of the label-smoothing chart), and gradient descent on the logits: one step, or
 * {@link #REPEATED_STEPS} steps animated one per frame (all at once under reduced motion).
 *
 * <p>A running animation remembers only the identity of the state its last step produced: when the
 * page's state is any other object (a control moved, reset, a new hash), the animation stops.
 */
public final class GradientPanel implements Panel {
    static final int REPEATED_STEPS = 20;

    private final Editor editor;
    private final HTMLCanvasElement chart = Dom.byId("gradient-chart", HTMLCanvasElement.class);
    private final HTMLElement body = Dom.byId("gradient-body");
    private final HTMLInputElement learningRate = Dom.byId("learning-rate", HTMLInputElement.class);
    private final HTMLButtonElement oneStep = Dom.byId("gradient-step", HTMLButtonElement.class);
    private final HTMLButtonElement manySteps = Dom.byId("gradient-steps", HTMLButtonElement.class);
    private final HTMLElement result = Dom.byId("gradient-step-result");
    private final List<Row> rows = new ArrayList<>();

    /** The last steps taken here, shown while the page still shows the state they produced. */
    private Outcome outcome;
    /** The running animation, or null. */
    private Animation animation;
    private final Motion bars = Motion.ofRow(this::drawBars);
    /** The frame the chart's moving bars belong to. */
    private Frame drawn;
    /** Why the last step was refused (core's message), shown while the state is unchanged. */
    private Refusal refusal;

    private record Outcome(State after, double lossBefore, int steps) {
    }

    private record Refusal(State at, String message) {
    }

    private static final class Animation {
        State current;
        final double lossBefore;
        int taken;

        Animation(State current, double lossBefore) {
            this.current = current;
            this.lossBefore = lossBefore;
        }
    }

    public GradientPanel(Editor editor) {
        this.editor = editor;
        learningRate.onInput(e -> editor.set(learningRate, Fields.LEARNING_RATE, learningRate.getValue()));
        oneStep.addEventListener("click", e -> {
            stopAnimation();
            State before = editor.state();
            if (step(1, true)) {
                outcome = new Outcome(editor.state(), loss(before), 1);
            }
        });
        manySteps.addEventListener("click", e -> {
            if (animation != null) {
                stopAnimation();
                return;
            }
            State before = editor.state();
            if (Motion.reducedMotion()) {
                if (step(REPEATED_STEPS, true)) {
                    outcome = new Outcome(editor.state(), loss(before), REPEATED_STEPS);
                }
            } else {
                animation = new Animation(before, loss(before));
                nextFrame();
            }
        });
    }

    @Override
    public void render(Frame frame) {
        State state = frame.state();
        SoftmaxResult exact = frame.exact();
        int k = state.classCount();
        double[] y = LabelSmoothing.target(k, state.get(Fields.TARGET), state.get(Fields.LABEL_SMOOTHING));
        double[] gradient = exact.gradient();
        String[] names = state.get(Fields.NAMES).toArray(new String[0]);
        syncRows(k);
        for (int i = 0; i < k; i++) {
            rows.get(i).show(names[i], i == state.get(Fields.TARGET), y[i], exact.probability(i), gradient[i]);
        }
        drawn = frame;
        bars.show(gradient, frame.moves());

        Dom.value(learningRate, Format.shortest(state.get(Fields.LEARNING_RATE)));
        Dom.text(manySteps, animation != null ? frame.words().text("loss.gradient-steps.stop")
                : stepsLabel(frame.words()));
        Dom.text(result, resultText(frame.edited(), exact, frame.words()));
    }

    private void drawBars(double[] heights) {
        State state = drawn.state();
        int k = state.classCount();
        ChartQueue.later(() -> GradientChart.draw(ChartSurface.of(chart), Theme.of(chart),
                state.get(Fields.NAMES).toArray(new String[0]), drawn.exact().gradient(),
                LabelSmoothing.target(k, state.get(Fields.TARGET), state.get(Fields.LABEL_SMOOTHING)), heights,
                state.get(Fields.TARGET)));
    }

    private static String stepsLabel(Messages words) {
        return words.format("loss.gradient-steps.take", "n", Integer.toString(REPEATED_STEPS));
    }

    /** {@code edited}: the page's state, which the step remembers having made. */
    private String resultText(State edited, SoftmaxResult exact, Messages words) {
        if (refusal != null && refusal.at == edited) {
            return refusal.message;
        }
        if (outcome != null && outcome.after == edited) {
            return words.format(outcome.steps == 1 ? "loss.step-result.one" : "loss.step-result.other",
                    "before", Format.significant(outcome.lossBefore, 3),
                    "after", Format.significant(exact.crossEntropy(), 3), "n", Integer.toString(outcome.steps),
                    "rate", Format.shortest(edited.get(Fields.LEARNING_RATE)));
        }
        return words.format("loss.step-result.now", "loss", Format.significant(exact.crossEntropy(), 3));
    }

    /**
     * Replaces the logits with core's result of {@code count} steps, through the editor so that a
     * refused step (an overflow) is explained by the learning-rate field and changes nothing.
     *
     * @param moves whether the charts move to the result (a click); the animated 20 steps are
     *     already a motion, one step a frame
     * @return whether the steps were taken
     */
    private boolean step(int count, boolean moves) {
        boolean[] taken = {false};
        String[] reason = {null};
        refusal = null;
        UnaryOperator<State> change = s -> {
            State next = s;
            try {
                for (int n = 0; n < count; n++) {
                    next = next.with(Fields.LOGITS, GradientStep.step(next.get(Fields.LOGITS), next.get(Fields.TEMPERATURE), next.get(Fields.TARGET),
                            next.get(Fields.LABEL_SMOOTHING), next.get(Fields.LEARNING_RATE)));
                }
            } catch (IllegalArgumentException e) {
                // Core's only refusal here is a logit leaving the doubles; its message is for developers.
                reason[0] = editor.frame().words().format("loss.step-refused",
                        "rate", Format.shortest(s.get(Fields.LEARNING_RATE)));
                throw new IllegalArgumentException(reason[0], e);
            }
            taken[0] = true;
            return next;
        };
        if (moves) {
            editor.step(learningRate, change);
        } else {
            editor.edit(learningRate, change);
        }
        if (!taken[0]) {
            refusal = new Refusal(editor.state(), reason[0]);
            outcome = null;
            // A refused edit does not re-render: show the reason next to the button now.
            Dom.text(result, reason[0]);
        }
        return taken[0];
    }

    private void nextFrame() {
        Window.requestAnimationFrame(timestamp -> {
            Animation running = animation;
            if (running == null) {
                return;
            }
            if (editor.state() != running.current) {
                stopAnimation();
                return;
            }
            if (!step(1, false) || editor.state() == running.current) {
                // Refused, or the step changed nothing (p already equals y to the last bit).
                stopAnimation();
                return;
            }
            running.current = editor.state();
            running.taken++;
            outcome = new Outcome(running.current, running.lossBefore, running.taken);
            if (running.taken < REPEATED_STEPS) {
                nextFrame();
            } else {
                animation = null;
            }
        });
    }

    private void stopAnimation() {
        animation = null;
        Dom.text(manySteps, stepsLabel(editor.frame().words()));
    }

    private static double loss(State s) {
        return Softmax.crossEntropy(s.get(Fields.LOGITS), s.get(Fields.TEMPERATURE), s.get(Fields.TARGET), s.get(Fields.LABEL_SMOOTHING));
    }

    private void syncRows(int k) {
        while (rows.size() < k) {
            Row row = new Row();
            rows.add(row);
            body.appendChild(row.element);
        }
        while (rows.size() > k) {
            body.removeChild(rows.remove(rows.size() - 1).element);
        }
    }

    /** One table row: class, target y, p, dL/dz. */
    private static final class Row {
        final HTMLElement element = Dom.create("tr", null, null);
        final HTMLElement name = Dom.create("th", null, null);
        final HTMLElement target = Dom.create("td", null, null);
        final HTMLElement probability = Dom.create("td", null, null);
        final HTMLElement gradient = Dom.create("td", null, null);

        Row() {
            name.setAttribute("scope", "row");
            element.appendChild(name);
            element.appendChild(target);
            element.appendChild(probability);
            element.appendChild(gradient);
        }

        void show(String className, boolean isTrue, double y, double p, double g) {
            Dom.attribute(element, "class", isTrue ? "true-class" : "");
            Dom.text(name, className);
            Dom.text(target, Format.significant(y, 6));
            Dom.text(probability, Format.significant(p, 6));
            Dom.text(gradient, Format.significant(g, 6));
        }
    }
}
