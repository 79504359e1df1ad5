package dev.softmaxexplorer.web.panel;

import dev.softmaxexplorer.core.Format;
import dev.softmaxexplorer.core.Sparsemax;
import dev.softmaxexplorer.web.browser.Dom;
import dev.softmaxexplorer.web.chart.ChartQueue;
import dev.softmaxexplorer.web.chart.ChartSurface;
import dev.softmaxexplorer.web.chart.SparseBarsChart;
import dev.softmaxexplorer.web.chart.Theme;
import dev.softmaxexplorer.web.page.Editor;
import dev.softmaxexplorer.web.page.Frame;
import dev.softmaxexplorer.web.page.Panel;
import dev.softmaxexplorer.web.state.Fields;
import dev.softmaxexplorer.web.state.State;
import dev.softmaxexplorer.web.text.Messages;
import dev.softmaxexplorer.web.text.Numbers;
import java.util.List;
import org.teavm.jso.dom.html.HTMLCanvasElement;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * Softmax, entmax-1.5 and sparsemax of the current logits at the current T, side by side: the
 * bars, how many classes each sets exactly to 0, each one's threshold tau and the temperature
 * below which each becomes one-hot (softmax never does). Its own T control writes the page's T.
 */
public final class SparsePanel implements Panel {
    private final TemperatureControl temperature;
    private final HTMLElement summary = Dom.byId("sparse-summary");
    private final HTMLCanvasElement chart = Dom.byId("sparse-chart", HTMLCanvasElement.class);
    private final NumberTable table = new NumberTable(Dom.byId("sparse-table"));
    // The one-hot temperatures depend on the logits only, not on T: kept for the logits they are of.
    private double[] oneHotLogits;
    private double sparseT;
    private double entT;
    private String sparseTText;
    private String entTText;

    public SparsePanel(Editor editor) {
        temperature = new TemperatureControl("sparse-t-slider", "sparse-temperature", editor);
    }

    @Override
    public void render(Frame frame) {
        State state = frame.state();
        Messages words = frame.words();
        temperature.render(frame);
        double[] z = state.get(Fields.LOGITS);
        double t = state.get(Fields.TEMPERATURE);
        double[] softmax = frame.exact().probabilities();
        double[] entmax = Sparsemax.entmax15(z, t);
        double[] sparsemax = Sparsemax.sparsemax(z, t);
        int k = z.length;
        int entZeros = k - Sparsemax.entmax15Support(z, t);
        int sparseZeros = k - Sparsemax.sparsemaxSupport(z, t);
        if (oneHotLogits != z) {
            oneHotLogits = z;
            sparseT = Sparsemax.sparsemaxOneHotTemperature(z);
            entT = Sparsemax.entmax15OneHotTemperature(z);
            sparseTText = Format.shortest(sparseT);
            entTText = Format.shortest(entT);
        }
        boolean tied = sparseT == 0.0;
        Dom.text(summary, words.format(tied ? "sparse.summary.tied" : "sparse.summary", "t", Format.shortest(t),
                "k", Integer.toString(k), "entZeros", Integer.toString(entZeros),
                "sparseZeros", Integer.toString(sparseZeros), "sparseT", sparseTText,
                "entT", entTText));

        List<String> names = state.get(Fields.NAMES);
        int target = state.get(Fields.TARGET);
        ChartQueue.later(() -> SparseBarsChart.draw(ChartSurface.of(chart), Theme.of(chart),
                names.toArray(new String[0]), new double[][] {softmax, entmax, sparsemax}, new String[] {"s", "e", "m"},
                target, words));

        table.shape(new String[] {words.text("table.class"), words.text("sparse.table.softmax"),
            words.text("sparse.table.entmax"), words.text("sparse.table.sparsemax")}, k, 3);
        for (int i = 0; i < k; i++) {
            table.rowHeader(i, names.get(i), i == target);
            table.cell(i, 1, Numbers.compact(softmax[i]));
            table.cell(i, 2, Numbers.compact(entmax[i]));
            table.cell(i, 3, Numbers.compact(sparsemax[i]));
        }
        String never = words.text("sparse.never");
        table.footerHeader(0, words.text("sparse.table.tau"));
        table.footerCell(0, 1, words.text("sparse.none"));
        table.footerCell(0, 2, Numbers.compact(Sparsemax.entmax15Threshold(z, t)));
        table.footerCell(0, 3, Numbers.compact(Sparsemax.sparsemaxThreshold(z, t)));
        table.footerHeader(1, words.text("sparse.table.zeros"));
        table.footerCell(1, 1, "0");
        table.footerCell(1, 2, Integer.toString(entZeros));
        table.footerCell(1, 3, Integer.toString(sparseZeros));
        table.footerHeader(2, words.text("sparse.table.one-hot"));
        table.footerCell(2, 1, never);
        table.footerCell(2, 2, tied ? never : entTText);
        table.footerCell(2, 3, tied ? never : sparseTText);
    }
}
