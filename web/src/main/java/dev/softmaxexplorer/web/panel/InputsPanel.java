package dev.softmaxexplorer.web.panel;

import dev.softmaxexplorer.core.Format;
import dev.softmaxexplorer.core.Pipeline.Mode;
import dev.softmaxexplorer.web.browser.Dom;
import dev.softmaxexplorer.web.page.Editor;
import dev.softmaxexplorer.web.page.Frame;
import dev.softmaxexplorer.web.page.Panel;
import dev.softmaxexplorer.web.state.Fields;
import dev.softmaxexplorer.web.state.Preset;
import dev.softmaxexplorer.web.state.State;
import dev.softmaxexplorer.web.state.TemperatureScale;
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
    private final HTMLInputElement temperatureSlider = Dom.byId("t-slider", HTMLInputElement.class);
    private final HTMLInputElement temperature = Dom.byId("temperature", HTMLInputElement.class);
    private final HTMLInputElement smoothingSlider = Dom.byId("eps-slider", HTMLInputElement.class);
    private final HTMLInputElement smoothing = Dom.byId("eps", HTMLInputElement.class);
    private final HTMLInputElement naive = Dom.byId("naive", HTMLInputElement.class);
    private final HTMLSelectElement precision = Dom.byId("precision", HTMLSelectElement.class);

    public InputsPanel(Editor editor) {
        rows = new ClassRows(Dom.byId("classes"), editor);
        classCount.addEventListener("change", e -> editor.set(classCount, Fields.CLASS_COUNT, classCount.getValue()));
        preset.addEventListener("change", e -> {
            String chosen = preset.getValue();
            preset.setValue("");
            for (Preset p : Preset.values()) {
                if (p.name().equals(chosen)) {
                    editor.edit(preset, s -> ClassNames.withPreset(s, p, editor.frame().words()));
                }
            }
        });
        temperatureSlider.onInput(e -> {
            double t = TemperatureScale.temperature(Integer.parseInt(temperatureSlider.getValue()));
            editor.edit(temperatureSlider, s -> s.with(Fields.TEMPERATURE, t));
        });
        temperature.onInput(e -> editor.set(temperature, Fields.TEMPERATURE, temperature.getValue()));
        smoothingSlider.onInput(e -> {
            double eps = Format.parse(smoothingSlider.getValue());
            editor.edit(smoothingSlider, s -> s.with(Fields.LABEL_SMOOTHING, eps));
        });
        smoothing.onInput(e -> editor.set(smoothing, Fields.LABEL_SMOOTHING, smoothing.getValue()));
        naive.addEventListener("change",
                e -> editor.edit(naive, s -> s.with(Fields.MODE, Dom.isChecked(naive) ? Mode.NAIVE : Mode.STABLE)));
        precision.addEventListener("change", e -> editor.set(precision, Fields.PRECISION, precision.getValue()));
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
        double t = state.get(Fields.TEMPERATURE);
        double eps = state.get(Fields.LABEL_SMOOTHING);
        classCount.setValue(Integer.toString(state.classCount()));
        Dom.value(temperature, Format.shortest(t));
        Dom.value(temperatureSlider, Integer.toString(TemperatureScale.position(t)));
        Dom.attribute(temperatureSlider, "aria-valuetext", words.format("inputs.t-slider.value",
                "t", Format.significant(t, 3)));
        Dom.value(smoothing, Format.shortest(eps));
        Dom.value(smoothingSlider, Format.shortest(eps));
        Dom.attribute(smoothingSlider, "aria-valuetext", words.format("inputs.eps-slider.value",
                "epsilon", Format.fixed(eps, 2)));
        Dom.checked(naive, state.get(Fields.MODE) == Mode.NAIVE);
        precision.setValue(state.get(Fields.PRECISION).displayName());
    }
}
