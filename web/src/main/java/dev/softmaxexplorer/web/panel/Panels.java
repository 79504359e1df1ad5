package dev.softmaxexplorer.web.panel;

import dev.softmaxexplorer.web.browser.LearningSystem;
import dev.softmaxexplorer.web.page.Editor;
import dev.softmaxexplorer.web.page.Panel;
import dev.softmaxexplorer.web.page.PanelSlot;
import dev.softmaxexplorer.web.state.View;
import java.util.ArrayList;
import java.util.List;

/**
 * The one place a view is registered: each {@link View} gets its panel here (the compiler refuses
 * a view without one), and index.html must hold the element the view names (start-up stops with
 * its id otherwise).
 */
public final class Panels {
    private Panels() {
    }

    /**
     * Every view's slot, in the page's order, each making its panel when first needed; the
     * lessons and the quiz report to {@code learning}.
     */
    public static List<PanelSlot> all(Editor editor, LearningSystem learning) {
        List<PanelSlot> slots = new ArrayList<>();
        for (View view : View.values()) {
            slots.add(new PanelSlot(view, () -> panel(view, editor, learning)));
        }
        return slots;
    }

    private static Panel panel(View view, Editor editor, LearningSystem learning) {
        return switch (view) {
            case LESSONS -> new LessonsPanel(editor, learning);
            case INPUTS -> new InputsPanel(editor);
            case BARS -> new BarsPanel(editor);
            case MULTIPLES -> new MultiplesPanel();
            case STEPS -> new StepsPanel();
            case WORKBENCH -> new WorkbenchPanel(editor);
            case LOSS -> new LossCurvePanel();
            case SMOOTHING -> new LabelSmoothingPanel();
            case GRADIENT -> new GradientPanel(editor);
            case TWO_CLASS -> new TwoClassPanel(editor);
            case SWEEP -> new SweepPanel(editor);
            case SAMPLING -> new SamplingPanel(editor);
            case CHAIN -> new ChainPanel(editor);
            case DISTILLATION -> new DistillationPanel(editor);
            case SPARSE -> new SparsePanel(editor);
            case ATTENTION -> new AttentionPanel(editor);
            case CALIBRATION -> new CalibrationPanel(editor);
            case CODE -> new CodePanel(editor);
            case QUIZ -> new QuizPanel(editor, learning);
        };
    }
}
