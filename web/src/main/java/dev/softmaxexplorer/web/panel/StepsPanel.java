package dev.softmaxexplorer.web.panel;

import dev.softmaxexplorer.web.Dom;
import dev.softmaxexplorer.web.Frame;
import dev.softmaxexplorer.web.Panel;
import dev.softmaxexplorer.web.Translation;
import dev.softmaxexplorer.web.view.StepTable;

/** The chosen machine's computation, step by step, with its first break outlined. */
public final class StepsPanel implements Panel {
    private final StepTable table = new StepTable(Dom.byId("steps-head"), Dom.byId("steps-body"),
            Dom.byId("steps-foot"), Dom.byId("steps-caption"));

    @Override
    public void render(Frame frame) {
        table.show(frame.trace(), frame.state().names(), frame.state().target(), Translation.words(), false);
    }

    @Override
    public boolean renderNear(Frame frame) {
        return table.show(frame.trace(), frame.state().names(), frame.state().target(), Translation.words(), true);
    }
}
