package dev.softmaxexplorer.web.panel;

import dev.softmaxexplorer.web.browser.Dom;
import dev.softmaxexplorer.web.page.Frame;
import dev.softmaxexplorer.web.page.Panel;
import dev.softmaxexplorer.web.state.Fields;





/** The chosen machine's computation, step by step, with its first break outlined. */
public final class StepsPanel implements Panel {
    private final StepTable table = new StepTable(Dom.byId("steps-head"), Dom.byId("steps-body"),
            Dom.byId("steps-foot"), Dom.byId("steps-caption"));

    @Override
    public void render(Frame frame) {
        table.show(frame.trace(), frame.state().get(Fields.NAMES), frame.state().get(Fields.TARGET), frame.words(), false);
    }

    @Override
    public boolean renderNear(Frame frame) {
        return table.show(frame.trace(), frame.state().get(Fields.NAMES), frame.state().get(Fields.TARGET), frame.words(), true);
    }
}
