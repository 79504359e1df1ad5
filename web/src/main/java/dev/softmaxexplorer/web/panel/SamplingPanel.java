package dev.softmaxexplorer.web.panel;

import dev.softmaxexplorer.core.Format;
import dev.softmaxexplorer.core.Sampling;
import dev.softmaxexplorer.core.SeededGenerator;
import dev.softmaxexplorer.core.TokenFilter;
import dev.softmaxexplorer.web.browser.Dom;
import dev.softmaxexplorer.web.chart.ChartQueue;
import dev.softmaxexplorer.web.chart.ChartSurface;
import dev.softmaxexplorer.web.chart.SamplingChart;
import dev.softmaxexplorer.web.chart.Theme;
import dev.softmaxexplorer.web.page.Editor;
import dev.softmaxexplorer.web.page.Frame;
import dev.softmaxexplorer.web.page.Panel;
import dev.softmaxexplorer.web.state.Fields;
import dev.softmaxexplorer.web.state.HashCodec;
import dev.softmaxexplorer.web.state.State;
import dev.softmaxexplorer.web.text.Messages;
import dev.softmaxexplorer.web.text.Numbers;
import java.util.Arrays;
import java.util.List;
import org.teavm.jso.dom.html.HTMLCanvasElement;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLInputElement;
import org.teavm.jso.dom.html.HTMLOptionElement;
import org.teavm.jso.dom.html.HTMLSelectElement;

/**
 * Sampling as a language model does it: top-k, then top-p, applied to the exact p at the current
 * T, then N seeded draws. The histogram of the draws stands next to the distribution they came
 * from and the unfiltered p, and greedy decoding is contrasted in one sentence. The seed is in the
 * link, so the link reproduces the draws.
 */
public final class SamplingPanel implements Panel {
    private final HTMLSelectElement count = Dom.byId("sample-count", HTMLSelectElement.class);
    private final HTMLInputElement seed = Dom.byId("sample-seed", HTMLInputElement.class);
    private final HTMLElement newSeed = Dom.byId("new-seed");
    private final HTMLInputElement topK = Dom.byId("top-k", HTMLInputElement.class);
    private final HTMLInputElement topPSlider = Dom.byId("top-p-slider", HTMLInputElement.class);
    private final HTMLInputElement topP = Dom.byId("top-p", HTMLInputElement.class);
    private final HTMLElement source = Dom.byId("sampling-source");
    private final HTMLElement verdict = Dom.byId("sampling-verdict");
    private final HTMLElement link = Dom.byId("sampling-link");
    private final HTMLCanvasElement chart = Dom.byId("sampling-chart", HTMLCanvasElement.class);
    private final NumberTable table = new NumberTable(Dom.byId("sampling-table"));
    /** The option for an N that only a link can ask for (not one of 1, 10, ..., 10000). */
    private HTMLOptionElement linkedCount;

    // A cache of the last draws, keyed by what they depend on; not a copy of the state.
    private double[] drawnFrom;
    private int drawnCount = -1;
    private int drawnSeed;
    private int[] counts;

    public SamplingPanel(Editor editor) {
        count.addEventListener("change", e -> editor.set(count, Fields.SAMPLE_COUNT, count.getValue()));
        seed.onInput(e -> editor.set(seed, Fields.SAMPLING_SEED, seed.getValue()));
        // The next seed comes from the generator seeded with the current one: a fresh set of
        // draws that is itself reproducible, with no hidden randomness in the page.
        newSeed.addEventListener("click", e -> editor.edit(newSeed,
                s -> s.with(Fields.SAMPLING_SEED, new SeededGenerator(s.get(Fields.SAMPLING_SEED)).nextInt() & Integer.MAX_VALUE)));
        topK.onInput(e -> editor.set(topK, Fields.TOP_K, topK.getValue()));
        topPSlider.onInput(e -> editor.set(topPSlider, Fields.TOP_P, topPSlider.getValue()));
        topP.onInput(e -> editor.set(topP, Fields.TOP_P, topP.getValue()));
    }

    @Override
    public void render(Frame frame) {
        State state = frame.state();
        double[] p = frame.exact().probabilities();
        double[] filtered = TokenFilter.topKTopP(p, state.get(Fields.TOP_K), state.get(Fields.TOP_P));
        int n = state.get(Fields.SAMPLE_COUNT);
        if (n != drawnCount || state.get(Fields.SAMPLING_SEED) != drawnSeed || !Arrays.equals(filtered, drawnFrom)) {
            counts = Sampling.counts(filtered, n, state.get(Fields.SAMPLING_SEED));
            drawnFrom = filtered;
            drawnCount = n;
            drawnSeed = state.get(Fields.SAMPLING_SEED);
        }
        double[] shares = Sampling.frequencies(counts);
        List<String> names = state.get(Fields.NAMES);
        int k = names.size();
        int target = state.get(Fields.TARGET);

        showControls(state, frame.words());
        int kept = 0;
        for (double w : filtered) {
            kept += w > 0 ? 1 : 0;
        }
        Messages words = frame.words();
        String off = words.text("sampling.off");
        Dom.text(source, words.format("sampling.source", "t", Format.shortest(state.get(Fields.TEMPERATURE)),
                "topK", state.get(Fields.TOP_K) == 0 ? off : Integer.toString(state.get(Fields.TOP_K)),
                "topP", state.get(Fields.TOP_P) == 1 ? off : Format.shortest(state.get(Fields.TOP_P)),
                "kept", Integer.toString(kept), "k", Integer.toString(k)));
        int greedy = Sampling.greedy(p);
        int most = Sampling.greedy(shares);
        String draws = Integer.toString(n);
        String seedText = Integer.toString(state.get(Fields.SAMPLING_SEED));
        Dom.text(verdict, words.format(most == greedy ? "sampling.verdict" : "sampling.verdict.other",
                "greedy", names.get(greedy), "share", Format.percent(shares[greedy], 1),
                "count", Integer.toString(counts[greedy]), "n", draws, "most", names.get(most),
                "mostCount", Integer.toString(counts[most])));
        String hash = HashCodec.encode(state);
        Dom.attribute(link, "href", "#" + (hash.isEmpty() ? "seed=" + seedText : hash));
        // English says "1 draw" and "2 draws"; a language without plurals has the same words in both keys.
        boolean one = n == 1;
        Dom.text(link, words.format(one ? "sampling.sampling-link.one" : "sampling.sampling-link.other",
                "n", draws, "seed", seedText));
        Dom.attribute(chart, "aria-label", words.format(one ? "sampling.sampling-chart.label.one"
                : "sampling.sampling-chart.label.other", "n", draws));

        ChartQueue.later(() -> SamplingChart.draw(ChartSurface.of(chart), Theme.of(chart), names.toArray(new String[0]),
                p, filtered, shares, target, words));
        table.shape(new String[] {words.text("table.class"), "p", words.text("sampling.table.filtered"),
            words.text("sampling.table.count"), words.text("sampling.table.share")}, k, 1);
        for (int i = 0; i < k; i++) {
            table.rowHeader(i, names.get(i), i == target);
            table.cell(i, 1, Numbers.compact(p[i]));
            table.cell(i, 2, Numbers.compact(filtered[i]));
            table.cell(i, 3, Integer.toString(counts[i]));
            table.cell(i, 4, Format.percent(shares[i], 1));
        }
        table.footerHeader(0, words.text("sampling.table.all"));
        table.footerCell(0, 3, Integer.toString(n));
    }

    private void showControls(State state, Messages words) {
        String n = Integer.toString(state.get(Fields.SAMPLE_COUNT));
        boolean listed = false;
        for (int i = 0; i < count.getOptions().getLength(); i++) {
            HTMLOptionElement option = count.getOptions().item(i);
            listed |= option != linkedCount && option.getValue().equals(n);
        }
        if (!listed && linkedCount == null) {
            linkedCount = Dom.create("option");
            count.appendChild(linkedCount);
        }
        if (linkedCount != null) {
            linkedCount.setValue(n);
            Dom.text(linkedCount, n);
            Dom.hidden(linkedCount, listed);
        }
        if (!count.getValue().equals(n)) {
            count.setValue(n);
        }
        Dom.value(seed, Integer.toString(state.get(Fields.SAMPLING_SEED)));
        Dom.value(topK, Integer.toString(state.get(Fields.TOP_K)));
        Dom.value(topP, Format.shortest(state.get(Fields.TOP_P)));
        Dom.value(topPSlider, Format.shortest(state.get(Fields.TOP_P)));
        Dom.attribute(topPSlider, "aria-valuetext", state.get(Fields.TOP_P) == 1 ? words.text("sampling.top-p.off")
                : "top-p = " + Format.shortest(state.get(Fields.TOP_P)));
        Dom.attribute(topK, "aria-describedby", "top-k-hint");
    }
}
