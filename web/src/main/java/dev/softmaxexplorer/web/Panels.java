package dev.softmaxexplorer.web;

import dev.softmaxexplorer.web.panel.DistillationPanel;
import dev.softmaxexplorer.web.panel.GradientPanel;
import dev.softmaxexplorer.web.panel.LabelSmoothingPanel;
import dev.softmaxexplorer.web.panel.LossCurvePanel;
import dev.softmaxexplorer.web.panel.SamplingPanel;
import dev.softmaxexplorer.web.panel.SweepPanel;
import dev.softmaxexplorer.web.panel.TwoClassPanel;
import java.util.List;

/** The page's panels in drawing order; the one place a new view is registered. */
final class Panels {
    private Panels() {
    }

    static List<Panel> all(Editor editor) {
        return List.of(new Results(),
                new LossCurvePanel(), new LabelSmoothingPanel(), new GradientPanel(editor), new TwoClassPanel(editor),
                new SweepPanel(), new SamplingPanel(editor), new DistillationPanel(editor),
                new CodeView(editor), new QuizView(editor));
    }
}
