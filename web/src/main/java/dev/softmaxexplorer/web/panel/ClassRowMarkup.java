package dev.softmaxexplorer.web.panel;

import dev.softmaxexplorer.core.Format;
import dev.softmaxexplorer.web.page.Frame;
import dev.softmaxexplorer.web.state.Fields;
import dev.softmaxexplorer.web.state.State;
import dev.softmaxexplorer.web.text.Html;
import dev.softmaxexplorer.web.text.Messages;

/**
 * The HTML of the class rows, showing a frame: the page inserts it for each row it adds, and the
 * site build writes the default state's rows into index.html, so that the first screen is complete
 * before the script has run. The words and numbers are those the rows show when they redraw
 * ({@link ClassRows}, {@link LogitControl}), so the script's first frame changes nothing there.
 */
public final class ClassRowMarkup {
    private ClassRowMarkup() {
    }

    /** Every row of the frame's state. */
    public static String rows(Frame frame) {
        StringBuilder html = new StringBuilder();
        for (int i = 0; i < frame.state().classCount(); i++) {
            html.append(row(frame, i));
        }
        return html.toString();
    }

    /** Class {@code index}'s row: true-class radio, name, slider, exact field, in the order they are seen. */
    static String row(Frame frame, int index) {
        State state = frame.state();
        Messages words = frame.words();
        String n = Integer.toString(index + 1);
        String className = state.name(index);
        String logit = Format.shortest(state.logit(index));
        double probability = frame.trace().probabilities()[index];
        // No white space between the controls: the rows the page built element by element had none.
        return "<div class=\"class-row\"><label class=\"target\"><input type=\"radio\" name=\"target\" id=\"target" + n
                + "\" aria-label=\"" + Html.escape(trueLabel(words, className)) + "\""
                + (state.get(Fields.TARGET) == index ? " checked" : "") + "></label>"
                + "<input type=\"text\" id=\"name" + n + "\" class=\"name\" autocomplete=\"off\" maxlength=\""
                + State.MAX_NAME_LENGTH + "\" aria-label=\"" + Html.escape(nameLabel(words, index)) + "\" value=\""
                + Html.escape(className) + "\">"
                + "<input type=\"range\" id=\"z" + n + "-slider\" class=\"slider\" min=\"" + LogitControl.SLIDER_MIN
                + "\" max=\"" + LogitControl.SLIDER_MAX + "\" step=\"" + LogitControl.SLIDER_STEP + "\" aria-label=\""
                + Html.escape(LogitControl.sliderLabel(words, index, className)) + "\" aria-valuetext=\""
                + Html.escape(LogitControl.sliderValueText(words, state, index, probability)) + "\" value=\"" + logit
                + "\">"
                + "<input type=\"text\" id=\"z" + n + "\" class=\"value\" inputmode=\"decimal\" autocomplete=\"off\""
                + " spellcheck=\"false\" aria-label=\"" + Html.escape(LogitControl.fieldLabel(words, index, className))
                + "\" value=\"" + logit + "\"></div>";
    }

    static String trueLabel(Messages words, String className) {
        return words.format("inputs.class.true", "className", className);
    }

    static String nameLabel(Messages words, int index) {
        return words.format("inputs.class.name", "n", Integer.toString(index + 1));
    }
}
