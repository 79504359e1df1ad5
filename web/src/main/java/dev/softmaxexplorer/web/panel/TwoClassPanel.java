package dev.softmaxexplorer.web.panel;

import dev.softmaxexplorer.core.Format;
import dev.softmaxexplorer.core.Softmax;
import dev.softmaxexplorer.web.browser.Dom;
import dev.softmaxexplorer.web.page.Editor;
import dev.softmaxexplorer.web.page.Frame;
import dev.softmaxexplorer.web.page.Panel;
import dev.softmaxexplorer.web.state.Fields;
import dev.softmaxexplorer.web.state.State;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * With two classes, softmax([z1, z2] / T)_1 beside sigmoid((z1 - z2) / T), both core's float64
 * results; with more, a hint and a button that sets K = 2. The two doubles are compared here only
 * to choose the words: that they are equal is core's result, not this panel's.
 */
public final class TwoClassPanel implements Panel {
    private final HTMLElement comparison = Dom.byId("two-class-comparison");
    private final HTMLElement hint = Dom.byId("two-class-hint");
    private final HTMLElement softmax = Dom.byId("two-class-softmax");
    private final HTMLElement sigmoid = Dom.byId("two-class-sigmoid");
    private final HTMLElement difference = Dom.byId("two-class-difference");
    private final HTMLElement verdict = Dom.byId("two-class-verdict");

    public TwoClassPanel(Editor editor) {
        HTMLElement button = Dom.byId("two-class-button");
        button.addEventListener("click", e -> editor.edit(button, s -> s.with(Fields.CLASS_COUNT, 2)));
    }

    @Override
    public void render(Frame frame) {
        State state = frame.state();
        boolean two = state.classCount() == 2;
        Dom.hidden(comparison, !two);
        Dom.hidden(hint, two);
        if (!two) {
            return;
        }
        double[] z = state.get(Fields.LOGITS);
        // (z1 - z2) / T rounded once by core: the margin of class 1 over its only rival.
        double x = Softmax.margin(z, state.get(Fields.TEMPERATURE), 0);
        double p = frame.exact().probability(0);
        double s = Softmax.sigmoid(x);
        Dom.text(difference, Format.shortest(x));
        Dom.text(softmax, Format.shortest(p));
        Dom.text(sigmoid, Format.shortest(s));
        boolean identical = Double.doubleToRawLongBits(p) == Double.doubleToRawLongBits(s);
        Dom.text(verdict, frame.words().text(identical ? "loss.two-class-verdict.identical"
                : "loss.two-class-verdict.close"));
    }
}
