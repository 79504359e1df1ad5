package dev.softmaxexplorer.web.panel;

import dev.softmaxexplorer.web.browser.Dom;
import dev.softmaxexplorer.web.browser.Visibility;
import dev.softmaxexplorer.web.page.Editor;
import dev.softmaxexplorer.web.page.Frame;
import dev.softmaxexplorer.web.page.Panel;
import dev.softmaxexplorer.web.state.Fields;
import dev.softmaxexplorer.web.state.State;
import java.util.ArrayList;
import java.util.List;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLInputElement;
import org.teavm.jso.dom.html.HTMLOptionElement;
import org.teavm.jso.dom.html.HTMLSelectElement;

/**
 * T, one class's logit, the naive switch and the precision in a strip at the top of the window,
 * shown once the inputs' T field has been scrolled past: whichever view a person reads, the knobs
 * that drive it stay in reach. Page chrome like the toolbar: drawn in every frame, not part of an
 * embedding.
 */
public final class ControlStrip implements Panel {
    private final TemperatureControl temperature;
    private final MachineControl machine;
    private final HTMLSelectElement classMenu = Dom.byId("strip-class", HTMLSelectElement.class);
    private final LogitControl logit;
    /** The class whose logit the strip shows once a person chose one; until then, the true class. */
    private int chosenClass = -1;
    private List<String> listedNames = List.of();

    public ControlStrip(Editor editor) {
        temperature = new TemperatureControl("strip-t-slider", "strip-temperature", editor);
        machine = new MachineControl("strip-naive", "strip-precision", editor);
        logit = new LogitControl(Dom.byId("strip-z-slider", HTMLInputElement.class),
                Dom.byId("strip-z", HTMLInputElement.class), () -> shownClass(editor.state()), editor);
        classMenu.addEventListener("change", e -> {
            chosenClass = classMenu.getSelectedIndex();
            render(editor.frame());
        });
        HTMLElement strip = Dom.byId("control-strip");
        // The inputs' own T field decides (a tall inputs column can be on screen without it), and
        // only once it has been scrolled past: below the window it is the next thing to read.
        Visibility.observeScrolledPast(Dom.byId("temperature"), past -> Dom.hidden(strip, !past));
    }

    private int shownClass(State state) {
        return chosenClass >= 0 && chosenClass < state.classCount() ? chosenClass : state.get(Fields.TARGET);
    }

    @Override
    public void render(Frame frame) {
        State state = frame.state();
        temperature.render(frame);
        machine.render(frame);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < state.classCount(); i++) {
            names.add(state.name(i));
        }
        if (!names.equals(listedNames)) {
            listedNames = names;
            Dom.clear(classMenu);
            for (String name : names) {
                HTMLOptionElement option = Dom.create("option");
                option.setText(name);
                classMenu.appendChild(option);
            }
        }
        int shown = shownClass(state);
        classMenu.setSelectedIndex(shown);
        logit.render(state, frame.trace().probabilities()[shown], frame.words());
    }
}
