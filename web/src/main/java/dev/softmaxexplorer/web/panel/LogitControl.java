package dev.softmaxexplorer.web.panel;

import dev.softmaxexplorer.core.Format;
import dev.softmaxexplorer.web.browser.Dom;
import dev.softmaxexplorer.web.page.Editor;
import dev.softmaxexplorer.web.state.Fields;
import dev.softmaxexplorer.web.state.State;
import dev.softmaxexplorer.web.text.Messages;
import java.util.function.IntSupplier;
import org.teavm.jso.dom.html.HTMLInputElement;

/**
 * One class's logit as a slider from -10 to 10 and an exact field, wherever the page shows it (a
 * class row of the inputs, the control strip). The class may change between renders (the strip's
 * class menu), so it is asked for at each edit.
 */
final class LogitControl {
    static final String SLIDER_MIN = "-10";
    static final String SLIDER_MAX = "10";
    static final String SLIDER_STEP = "0.01";

    private final HTMLInputElement slider;
    private final HTMLInputElement field;
    private final IntSupplier index;

    LogitControl(HTMLInputElement slider, HTMLInputElement field, IntSupplier index, Editor editor) {
        this.slider = slider;
        this.field = field;
        this.index = index;
        slider.setAttribute("min", SLIDER_MIN);
        slider.setAttribute("max", SLIDER_MAX);
        slider.setAttribute("step", SLIDER_STEP);
        field.onInput(e -> editor.setItem(field, Fields.LOGITS, index.getAsInt(), field.getValue()));
        slider.onInput(e -> {
            double z = Format.parse(slider.getValue());
            int i = index.getAsInt();
            editor.edit(slider, s -> s.with(Fields.LOGITS, i, z));
        });
    }

    /** Shows the class's logit, and names the class and its probability to a screen reader. */
    void render(State state, double probability, Messages words) {
        int i = index.getAsInt();
        String className = state.name(i);
        String logit = Format.shortest(state.logit(i));
        Dom.attribute(field, "aria-label", fieldLabel(words, i, className));
        Dom.attribute(slider, "aria-label", sliderLabel(words, i, className));
        Dom.attribute(slider, "aria-valuetext", sliderValueText(words, state, i, probability));
        Dom.value(field, logit);
        Dom.value(slider, logit);
    }

    static String fieldLabel(Messages words, int i, String className) {
        return words.format("inputs.class.logit", "n", Integer.toString(i + 1), "className", className);
    }

    static String sliderLabel(Messages words, int i, String className) {
        return words.format("inputs.class.slider", "n", Integer.toString(i + 1), "className", className);
    }

    static String sliderValueText(Messages words, State state, int i, double probability) {
        return words.format("inputs.class.slider.value", "n", Integer.toString(i + 1),
                "logit", Format.fixed(state.logit(i), 2),
                // Screen readers skip or mangle "%"; the table says the word.
                "percent", Format.percent(probability, 1).replace("%", ""));
    }
}
