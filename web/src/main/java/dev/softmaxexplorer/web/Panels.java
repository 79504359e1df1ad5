package dev.softmaxexplorer.web;

import dev.softmaxexplorer.web.panel.BarsPanel;
import dev.softmaxexplorer.web.panel.DistillationPanel;
import dev.softmaxexplorer.web.panel.GradientPanel;
import dev.softmaxexplorer.web.panel.LabelSmoothingPanel;
import dev.softmaxexplorer.web.panel.LossCurvePanel;
import dev.softmaxexplorer.web.panel.MultiplesPanel;
import dev.softmaxexplorer.web.panel.SamplingPanel;
import dev.softmaxexplorer.web.panel.StepsPanel;
import dev.softmaxexplorer.web.panel.SweepPanel;
import dev.softmaxexplorer.web.panel.TwoClassPanel;
import dev.softmaxexplorer.web.state.View;
import java.util.List;

/** The page's panels in drawing order, each in its view; the one place a new view is registered. */
final class Panels {
    private Panels() {
    }

    static List<PanelSlot> all(Editor editor) {
        return List.of(new PanelSlot(View.BARS, new BarsPanel()),
                new PanelSlot(View.MULTIPLES, new MultiplesPanel()),
                new PanelSlot(View.STEPS, new StepsPanel()),
                new PanelSlot(View.LOSS, new LossCurvePanel()),
                new PanelSlot(View.SMOOTHING, new LabelSmoothingPanel()),
                new PanelSlot(View.GRADIENT, new GradientPanel(editor)),
                new PanelSlot(View.TWO_CLASS, new TwoClassPanel(editor)),
                new PanelSlot(View.SWEEP, new SweepPanel()),
                new PanelSlot(View.SAMPLING, new SamplingPanel(editor)),
                new PanelSlot(View.DISTILLATION, new DistillationPanel(editor)),
                new PanelSlot(View.CODE, new CodeView(editor)),
                new PanelSlot(View.QUIZ, new QuizView(editor)));
    }
}
