package dev.softmaxexplorer.web.panel;

import dev.softmaxexplorer.core.Pipeline.Mode;
import dev.softmaxexplorer.web.browser.Dom;
import dev.softmaxexplorer.web.page.Editor;
import dev.softmaxexplorer.web.page.Frame;
import dev.softmaxexplorer.web.state.Fields;
import org.teavm.jso.dom.html.HTMLInputElement;
import org.teavm.jso.dom.html.HTMLSelectElement;

/** How the machine computes: the naive switch and the precision, wherever the page shows them. */
final class MachineControl {
    private final HTMLInputElement naive;
    private final HTMLSelectElement precision;

    MachineControl(String naiveId, String precisionId, Editor editor) {
        naive = Dom.byId(naiveId, HTMLInputElement.class);
        precision = Dom.byId(precisionId, HTMLSelectElement.class);
        naive.addEventListener("change",
                e -> editor.edit(naive, s -> s.with(Fields.MODE, Dom.isChecked(naive) ? Mode.NAIVE : Mode.STABLE)));
        precision.addEventListener("change", e -> editor.set(precision, Fields.PRECISION, precision.getValue()));
    }

    void render(Frame frame) {
        Dom.checked(naive, frame.state().get(Fields.MODE) == Mode.NAIVE);
        precision.setValue(frame.state().get(Fields.PRECISION).displayName());
    }
}
