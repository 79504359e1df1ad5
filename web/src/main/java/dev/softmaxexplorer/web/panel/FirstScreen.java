package dev.softmaxexplorer.web.panel;

import dev.softmaxexplorer.core.Format;
import dev.softmaxexplorer.web.page.Frame;
import dev.softmaxexplorer.web.state.Fields;
import dev.softmaxexplorer.web.text.Html;
import java.util.ArrayList;
import java.util.List;

/**
 * What the panels on the first screen write into the page for a frame, as edits of index.html by
 * element id: the site build applies them for the default state, so that the browser paints the
 * complete inputs and results words before (and without) the script, and the script's first frame
 * then finds nothing to change there. Each value comes from the code the panel redraws with.
 */
public final class FirstScreen {
    /**
     * The element with this id gets this attribute, or with a null attribute this content; the
     * value is HTML (text in it escaped).
     */
    public record Edit(String id, String attribute, String value) {
    }

    private FirstScreen() {
    }

    public static List<Edit> edits(Frame frame) {
        List<Edit> edits = new ArrayList<>();
        edits.add(new Edit("classes", null, ClassRowMarkup.rows(frame)));
        double t = frame.state().get(Fields.TEMPERATURE);
        edits.add(new Edit("temperature", "value", Html.escape(Format.shortest(t))));
        edits.add(new Edit("t-slider", "value", Html.escape(TemperatureControl.sliderPosition(t))));
        edits.add(new Edit("t-slider", "aria-valuetext", Html.escape(TemperatureControl.sliderValueText(frame.words(), t))));
        double eps = frame.state().get(Fields.LABEL_SMOOTHING);
        edits.add(new Edit("eps", "value", Html.escape(Format.shortest(eps))));
        edits.add(new Edit("eps-slider", "value", Html.escape(Format.shortest(eps))));
        edits.add(new Edit("eps-slider", "aria-valuetext", Html.escape(InputsPanel.smoothingValueText(frame.words(), eps))));
        Headline headline = Headline.of(frame);
        edits.add(new Edit("loss", null, Html.escape(headline.loss())));
        edits.add(new Edit("predicted", null, Html.escape(headline.predicted())));
        edits.add(new Edit("summary", null, Html.escape(headline.summary())));
        return edits;
    }
}
