package dev.softmaxexplorer.web.panel;

import dev.softmaxexplorer.core.Format;
import dev.softmaxexplorer.web.browser.Dom;
import dev.softmaxexplorer.web.page.Editor;
import dev.softmaxexplorer.web.page.Frame;
import dev.softmaxexplorer.web.page.Panel;
import dev.softmaxexplorer.web.state.Fields;
import dev.softmaxexplorer.web.state.Preset;
import dev.softmaxexplorer.web.state.State;
import dev.softmaxexplorer.web.text.ClassNames;
import dev.softmaxexplorer.web.text.Messages;
import org.teavm.jso.dom.html.HTMLInputElement;
import org.teavm.jso.dom.html.HTMLSelectElement;

/**
 * The inputs: K, the examples, one row a class ({@link ClassRows}), T and label smoothing (each a
 * slider and an exact field), the naive switch and the precision.
 */
public final class InputsPanel implements Panel {
    private final ClassRows rows;
    private final HTMLSelectElement classCount = Dom.byId("k", HTMLSelectElement.class);
    private final HTMLSelectElement preset = Dom.byId("preset", HTMLSelectElement.class);
    private final HTMLInputElement smoothingSlider = Dom.byId("eps-slider", HTMLInputElement.class);
    private final HTMLInputElement smoothing = Dom.byId("eps", HTMLInputElement.class);
    private final TemperatureControl temperature;
    private final MachineControl machine;

    public InputsPanel(Editor editor) {
        rows = new ClassRows(Dom.byId("classes"), editor);
        classCount.addEventListener("change", e -> editor.set(classCount, Fields.CLASS_COUNT, classCount.getValue()));
        preset.addEventListener("change", e -> {
            String chosen = preset.getValue();
            preset.setValue("");
            for (Preset p : Preset.values()) {
                if (p.name().equals(chosen)) {
                    editor.step(preset, s -> ClassNames.withPreset(s, p, editor.frame().words()));
                }
            }
        });
        temperature = new TemperatureControl("t-slider", "temperature", editor);
        smoothingSlider.onInput(e -> {
            double eps = Format.parse(smoothingSlider.getValue());
            editor.edit(smoothingSlider, s -> s.with(Fields.LABEL_SMOOTHING, eps));
        });
        smoothing.onInput(e -> editor.set(smoothing, Fields.LABEL_SMOOTHING, smoothing.getValue()));
        machine = new MachineControl("naive", "precision", editor);
    }

    @Override
    public void render(Frame frame) {
        renderControls(frame);
        rows.sync(frame, false);
    }

    /** The class rows near the screen only: with a thousand classes the others wait for idle time. */
    @Override
    public boolean renderNear(Frame frame) {
        renderControls(frame);
        return rows.sync(frame, true);
    }

    private void renderControls(Frame frame) {
        State state = frame.state();
        Messages words = frame.words();
        double eps = state.get(Fields.LABEL_SMOOTHING);
        classCount.setValue(Integer.toString(state.classCount()));
        temperature.render(frame);
        Dom.value(smoothing, Format.shortest(eps));
        Dom.value(smoothingSlider, Format.shortest(eps));
        Dom.attribute(smoothingSlider, "aria-valuetext", smoothingValueText(words, eps));
        machine.render(frame);
    }

    static String smoothingValueText(Messages words, double eps) {
        return words.format("inputs.eps-slider.value", "epsilon", Format.fixed(eps, 2));
    }
}
