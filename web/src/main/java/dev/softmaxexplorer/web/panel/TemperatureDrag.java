package dev.softmaxexplorer.web.panel;

import dev.softmaxexplorer.web.browser.PointerDrag;
import dev.softmaxexplorer.web.chart.SweepChart;
import dev.softmaxexplorer.web.page.Editor;
import dev.softmaxexplorer.web.state.Fields;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * Dragging across the temperature sweep (or the entropy chart under it) sets T to the temperature
 * under the pointer, through the {@link Editor}; the link is written when the drag ends.
 */
final class TemperatureDrag implements PointerDrag.Gesture {
    private final HTMLElement chart;
    private final Editor editor;

    private TemperatureDrag(HTMLElement chart, Editor editor) {
        this.chart = chart;
        this.editor = editor;
    }

    static void attach(HTMLElement chart, Editor editor) {
        PointerDrag.attach(chart, new TemperatureDrag(chart, editor));
    }

    @Override
    public void at(double x, double y, double width, double height, boolean first) {
        double t = SweepChart.temperatureAt(x, width);
        editor.edit(chart, s -> s.with(Fields.TEMPERATURE, t));
    }

    @Override
    public void end() {
        editor.settle();
    }
}
