package dev.softmaxexplorer.web.panel;

import dev.softmaxexplorer.core.Format;
import dev.softmaxexplorer.web.browser.Dom;
import dev.softmaxexplorer.web.page.Editor;
import dev.softmaxexplorer.web.page.Frame;
import dev.softmaxexplorer.web.state.Fields;
import dev.softmaxexplorer.web.state.TemperatureScale;
import dev.softmaxexplorer.web.text.Messages;
import org.teavm.jso.dom.html.HTMLInputElement;

/** T as a logarithmic slider and an exact field, wherever the page shows it (the inputs, the control strip). */
final class TemperatureControl {
    private final HTMLInputElement slider;
    private final HTMLInputElement field;

    TemperatureControl(String sliderId, String fieldId, Editor editor) {
        slider = Dom.byId(sliderId, HTMLInputElement.class);
        field = Dom.byId(fieldId, HTMLInputElement.class);
        slider.onInput(e -> {
            double t = TemperatureScale.temperature(Integer.parseInt(slider.getValue()));
            editor.edit(slider, s -> s.with(Fields.TEMPERATURE, t));
        });
        field.onInput(e -> editor.set(field, Fields.TEMPERATURE, field.getValue()));
    }

    void render(Frame frame) {
        double t = frame.state().get(Fields.TEMPERATURE);
        Dom.value(field, Format.shortest(t));
        Dom.value(slider, sliderPosition(t));
        Dom.attribute(slider, "aria-valuetext", sliderValueText(frame.words(), t));
    }

    static String sliderPosition(double t) {
        return Integer.toString(TemperatureScale.position(t));
    }

    static String sliderValueText(Messages words, double t) {
        return words.format("inputs.t-slider.value", "t", Format.significant(t, 3));
    }
}
