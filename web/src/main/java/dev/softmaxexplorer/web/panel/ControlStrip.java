package dev.softmaxexplorer.web.panel;

import dev.softmaxexplorer.web.browser.Dom;
import dev.softmaxexplorer.web.browser.Visibility;
import dev.softmaxexplorer.web.page.Editor;
import dev.softmaxexplorer.web.page.Frame;
import dev.softmaxexplorer.web.page.Panel;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * T, the naive switch and the precision in a strip at the top of the window, shown once the
 * inputs' T field has been scrolled past: whichever view a person reads, the knobs that drive it stay in reach.
 * Page chrome like the toolbar: drawn in every frame, not part of an embedding.
 */
public final class ControlStrip implements Panel {
    private final TemperatureControl temperature;
    private final MachineControl machine;

    public ControlStrip(Editor editor) {
        temperature = new TemperatureControl("strip-t-slider", "strip-temperature", editor);
        machine = new MachineControl("strip-naive", "strip-precision", editor);
        HTMLElement strip = Dom.byId("control-strip");
        // The inputs' own T field decides (a tall inputs column can be on screen without it), and
        // only once it has been scrolled past: below the window it is the next thing to read.
        Visibility.observeScrolledPast(Dom.byId("temperature"), past -> Dom.hidden(strip, !past));
    }

    @Override
    public void render(Frame frame) {
        temperature.render(frame);
        machine.render(frame);
    }
}
