package dev.softmaxexplorer.web.workbench;

import dev.softmaxexplorer.core.MachineVerdict;
import dev.softmaxexplorer.core.Precision;
import dev.softmaxexplorer.core.Softmax;
import dev.softmaxexplorer.core.SoftmaxResult;
import dev.softmaxexplorer.core.SoftmaxSummary;

/**
 * A vector of logits brought to the page with what the workbench shows of it: class names (from
 * a vocabulary, else "#i"), where it came from, the true class and how many top classes to list.
 * Immutable; what does not depend on T (the ranking of the top classes, the histogram, each
 * format's verdict) is computed once, when the vector arrives, and shared by the copies that
 * change a choice. The page keeps it beside the link's state, never in it: 131,072 numbers do not
 * fit in a link.
 */
public final class Loaded {

    /** How many top classes the list can show at most. */
    public static final int MAX_TOP = 200;
    /** How many top classes a new vector lists. */
    public static final int DEFAULT_TOP = 20;
    /** How many bins the histogram of the logits has. */
    public static final int BINS = 40;

    private final LogitVector vector;
    private final String[] names;
    private final String source;
    private final int target;
    private final int top;
    private final int[] order;
    private final int[] histogram;
    private final double low;
    private final double high;
    private final double mean;
    private final MachineVerdict[] verdicts;
    /** The true class's rank, found on first use (a pass over the vector), then kept. */
    private int targetRank;

    private Loaded(LogitVector vector, String[] names, String source, int target, int top, int[] order,
            int[] histogram, double low, double high, double mean, MachineVerdict[] verdicts) {
        this.vector = vector;
        this.names = names;
        this.source = source;
        this.target = target;
        this.top = top;
        this.order = order;
        this.histogram = histogram;
        this.low = low;
        this.high = high;
        this.mean = mean;
        this.verdicts = verdicts;
    }

    /**
     * A vector as it arrives: no names, true class 0, the top {@link #DEFAULT_TOP}.
     *
     * @param source the file's name, or null for pasted text
     */
    public static Loaded of(LogitVector vector, String source) {
        double[] z = vector.logits();
        int k = z.length;
        int[] order = topClasses(z, Math.min(MAX_TOP, k));
        double lowest = Double.POSITIVE_INFINITY;
        for (double v : z) {
            if (v != Double.NEGATIVE_INFINITY && v < lowest) {
                lowest = v;
            }
        }
        double highest = z[order[0]];
        // The mean of the finite logits, for display to four digits.
        double sum = 0;
        int finite = 0;
        for (double v : z) {
            if (v != Double.NEGATIVE_INFINITY) {
                sum += v;
                finite++;
            }
        }
        int[] counts = new int[BINS];
        double width = (highest - lowest) / BINS;
        for (double v : z) {
            if (v != Double.NEGATIVE_INFINITY) {
                int bin = width > 0 ? (int) Math.min(BINS - 1, Math.floor((v - lowest) / width)) : BINS - 1;
                counts[bin]++;
            }
        }
        MachineVerdict[] verdicts = new MachineVerdict[Precision.values().length];
        for (Precision p : Precision.values()) {
            verdicts[p.ordinal()] = MachineVerdict.of(z, p);
        }
        return new Loaded(vector, null, source, 0, Math.min(DEFAULT_TOP, k), order, counts, lowest, highest,
                sum / finite, verdicts);
    }

    /**
     * The classes of the {@code n} largest logits, largest first, ties to the lower index (the
     * order of the probabilities at any T): one pass that inserts into a short sorted list.
     */
    static int[] topClasses(double[] z, int n) {
        int[] best = new int[n];
        int size = 0;
        for (int i = 0; i < z.length; i++) {
            if (size == n && !(z[i] > z[best[n - 1]])) {
                continue;
            }
            int at = size < n ? size++ : n - 1;
            while (at > 0 && z[i] > z[best[at - 1]]) {
                best[at] = best[at - 1];
                at--;
            }
            best[at] = i;
        }
        return best;
    }

    /** This vector with names by index (null for none). */
    public Loaded withNames(String[] vocabulary) {
        return new Loaded(vector, vocabulary, source, target, top, order, histogram, low, high, mean, verdicts);
    }

    /** This vector with the names, true class and list length of another of the same size (another row of a file). */
    public Loaded withChoicesOf(Loaded other) {
        if (other.size() != size()) {
            throw new IllegalArgumentException("other must have " + size() + " classes: " + other.size());
        }
        return new Loaded(vector, other.names, source, other.target, other.top, order, histogram, low, high, mean,
                verdicts);
    }

    /** This vector with another true class. @throws IllegalArgumentException if c is not a class */
    public Loaded withTarget(int c) {
        if (c < 0 || c >= vector.size()) {
            throw new IllegalArgumentException("c must be in [0, " + (vector.size() - 1) + "]: " + c);
        }
        return new Loaded(vector, names, source, c, top, order, histogram, low, high, mean, verdicts);
    }

    /** This vector listing its n top classes. @throws IllegalArgumentException if n is out of [1, MAX_TOP] */
    public Loaded withTop(int n) {
        if (n < 1 || n > MAX_TOP) {
            throw new IllegalArgumentException("n must be in [1, " + MAX_TOP + "]: " + n);
        }
        return new Loaded(vector, names, source, target, Math.min(n, vector.size()), order, histogram, low, high,
                mean, verdicts);
    }

    /** Core's exact results for this vector at T, with label smoothing eps, for the true class. */
    public SoftmaxResult evaluate(double temperature, double labelSmoothing) {
        return vector.evaluate(temperature, target, labelSmoothing);
    }

    /**
     * What the workbench shows at T, bit for bit {@link #evaluate}'s: the loss, entropy and
     * perplexity, p and log p of the listed classes (chosen j = rank j - 1) and then of the true
     * class (chosen {@link #top()}), and the mass of the rest.
     */
    public SoftmaxSummary summarize(double temperature, double labelSmoothing) {
        int[] classes = new int[top + 1];
        System.arraycopy(order, 0, classes, 0, top);
        classes[top] = target;
        return vector.summarize(temperature, target, labelSmoothing, classes);
    }

    /**
     * p of class c at T: read from the frame's summary when c is listed or the true class, else
     * from a pass of its own (a person looking up one class).
     */
    public double probability(SoftmaxSummary shown, int c, double temperature, double labelSmoothing) {
        for (int j = 0; j < shown.chosen(); j++) {
            if (shown.chosenClass(j) == c) {
                return shown.probability(j);
            }
        }
        return vector.summarize(temperature, target, labelSmoothing, new int[] {c}).probability(0);
    }

    public LogitVector vector() {
        return vector;
    }

    public int size() {
        return vector.size();
    }

    /** The file's name, or null for pasted text. */
    public String source() {
        return source;
    }

    public int target() {
        return target;
    }

    /** How many top classes are listed (at most K). */
    public int top() {
        return top;
    }

    /** Whether a vocabulary named the classes. */
    public boolean hasNames() {
        return names != null;
    }

    /** The name of class i: the vocabulary's, else "#i" (0-based, as the link's c). */
    public String name(int i) {
        return names != null && i < names.length && names[i] != null ? names[i] : "#" + i;
    }

    /** The class whose vocabulary name is exactly this, or -1. */
    public int classNamed(String name) {
        if (names != null) {
            for (int i = 0; i < Math.min(names.length, vector.size()); i++) {
                if (name.equals(names[i])) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** The class of rank r (0-based, r below {@link #top()}). */
    public int ranked(int r) {
        return order[r];
    }

    /** The rank of the true class, as {@link #rank}, found once for this vector and class. */
    public int targetRank() {
        if (targetRank == 0) {
            targetRank = rank(target);
        }
        return targetRank;
    }

    /** The rank of class c from 1: 1 + the classes with a larger logit, or an equal one and a lower index. */
    public int rank(int c) {
        double zc = vector.logit(c);
        int above = 0;
        for (int i = 0; i < vector.size(); i++) {
            double zi = vector.logit(i);
            if (zi > zc || zi == zc && i < c) {
                above++;
            }
        }
        return above + 1;
    }

    /** The counts of the finite logits in {@link #BINS} equal bins from the smallest to the largest. */
    public int[] histogram() {
        return histogram.clone();
    }

    /** The smallest finite logit. */
    public double lowest() {
        return low;
    }

    /** The mean of the finite logits. */
    public double mean() {
        return mean;
    }

    /** The largest logit. */
    public double highest() {
        return high;
    }

    /** What a machine in this format does to the vector (see {@link MachineVerdict}). */
    public MachineVerdict verdict(Precision p) {
        return verdicts[p.ordinal()];
    }

    /** How many classes the stable pipeline keeps above 0 in this format at T. */
    public int survivors(Precision p, double temperature) {
        return vector.stableSurvivors(verdicts[p.ordinal()], temperature);
    }
}
