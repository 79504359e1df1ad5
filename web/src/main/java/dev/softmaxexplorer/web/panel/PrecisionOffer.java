package dev.softmaxexplorer.web.panel;

import dev.softmaxexplorer.core.Pipeline.Mode;
import dev.softmaxexplorer.core.Precision;
import dev.softmaxexplorer.web.browser.Dom;
import dev.softmaxexplorer.web.page.Editor;
import dev.softmaxexplorer.web.page.Frame;
import dev.softmaxexplorer.web.state.Fields;
import dev.softmaxexplorer.web.text.Messages;
import dev.softmaxexplorer.web.workbench.LogitVector;
import dev.softmaxexplorer.web.workbench.StoredFormat;
import java.util.List;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * The workbench's buttons that make the page's pipeline the naive one in the format the logits
 * were stored in, or in a narrower one that holds every value exactly ({@link StoredFormat#offered}).
 * Which formats hold the vector is worked out once per vector, not once per frame.
 */
final class PrecisionOffer {
    private final Editor editor;
    private final HTMLElement box;
    private LogitVector shownFor;
    private Messages shownIn;
    private List<Precision> offered = List.of();
    private HTMLElement[] buttons = new HTMLElement[0];

    PrecisionOffer(Editor editor, HTMLElement box) {
        this.editor = editor;
        this.box = box;
    }

    void render(Frame frame) {
        LogitVector vector = frame.loaded().vector();
        Messages words = frame.words();
        if (vector != shownFor || words != shownIn) {
            shownFor = vector;
            shownIn = words;
            offered = StoredFormat.offered(vector);
            Dom.clear(box);
            buttons = new HTMLElement[offered.size()];
            for (int i = 0; i < buttons.length; i++) {
                Precision p = offered.get(i);
                HTMLElement button = Dom.create("button", null, p == vector.precision()
                        ? words.format("workbench.use-precision", "precision", p.displayName())
                        : words.format("workbench.use-exact", "precision", p.displayName()));
                button.setAttribute("type", "button");
                button.setAttribute("data-precision", p.displayName());
                button.addEventListener("click", e -> editor.edit(button,
                        s -> s.with(Fields.PRECISION, p).with(Fields.MODE, Mode.NAIVE)));
                box.appendChild(button);
                buttons[i] = button;
            }
        }
        boolean naive = frame.state().get(Fields.MODE) == Mode.NAIVE;
        boolean any = false;
        for (int i = 0; i < buttons.length; i++) {
            boolean current = naive && offered.get(i) == frame.state().get(Fields.PRECISION);
            Dom.hidden(buttons[i], current);
            any |= !current;
        }
        Dom.hidden(box, !any);
    }
}
