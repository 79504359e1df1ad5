package dev.softmaxexplorer.web.workbench;

import dev.softmaxexplorer.core.Format;
import dev.softmaxexplorer.core.SoftmaxResult;

/**
 * The workbench's downloads: the logits as read and core's exact float64 results at the page's
 * T (p, log p and the gradient dL/dz), each as an {@code .npy} file NumPy loads bit for bit, and
 * all three as one CSV whose numbers are the shortest decimals that read back as the same doubles
 * (as the page's other exports). The names are fixed so that the NumPy and PyTorch programs of
 * the code view can load them by name.
 */
public final class ResultFiles {
    /** The logits as the page read them, as float64: the file the code view's programs load. */
    public static final String LOGITS = "logits.npy";
    public static final String PROBABILITIES = "p.npy";
    public static final String LOG_PROBABILITIES = "log_p.npy";
    public static final String GRADIENT = "gradient.npy";
    public static final String CSV = "softmax.csv";

    private ResultFiles() {
    }

    public static byte[] logits(Loaded loaded) {
        return NpyWriter.float64(loaded.vector().logits());
    }

    public static byte[] probabilities(SoftmaxResult exact) {
        return NpyWriter.float64(exact.probabilities());
    }

    public static byte[] logProbabilities(SoftmaxResult exact) {
        return NpyWriter.float64(exact.logProbabilities());
    }

    public static byte[] gradient(SoftmaxResult exact) {
        return NpyWriter.float64(exact.gradient());
    }

    /** One line a class: index (from 0, as NumPy counts), p, log p, gradient, under a header. */
    public static String csv(SoftmaxResult exact) {
        StringBuilder out = new StringBuilder("index,p,log_p,gradient\n");
        for (int i = 0; i < exact.size(); i++) {
            out.append(i).append(',')
                    .append(Format.shortest(exact.probability(i))).append(',')
                    .append(Format.shortest(exact.logProbability(i))).append(',')
                    .append(Format.shortest(exact.gradient(i))).append('\n');
        }
        return out.toString();
    }
}
