package dev.softmaxexplorer.web.state;

import dev.softmaxexplorer.core.Format;
import dev.softmaxexplorer.core.Pipeline.Mode;
import dev.softmaxexplorer.core.Precision;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Everything the page shows, in one immutable value: the single source of truth. Controls read
 * it to show themselves and write a new one through the page's one update path; the URL hash is
 * this value encoded ({@link HashCodec}). Nothing else keeps a copy of a logit or of T.
 *
 * <p>Every instance is valid: the constructor checks all invariants, and each {@code withX}
 * method returns a new state or throws {@link IllegalArgumentException} naming the argument and
 * its value. Typed text is checked with messages by {@link InputParser} before it gets here, so
 * an exception from this class is a bug in the caller, never a user's mistake.
 *
 * <p>Defaults, chosen so that a fresh page shows the most common textbook example and every
 * added class continues its pattern:
 * <ul>
 * <li>3 classes named "Class 1", "Class 2", "Class 3"; logit {@code z_i = 2 - i}
 *     (so [2, 1, 0], then -1, -2, ... for added classes); true class 0 ("Class 1");</li>
 * <li>T = 1, no label smoothing, the stable form, float64;</li>
 * <li>teacher logits {@code 4 - 2i} (twice the student's defaults: the same ranking, more
 *     confident, so that distillation at T = 4 visibly softens them);</li>
 * <li>sampling seed 42, N = 1000 draws, top-k and top-p off (0 and 1), learning rate 1;</li>
 * <li>not embedded, colours and language following the system, stress mode off; embedded, the
 *     inputs, bars, small multiples and step table are kept.</li>
 * </ul>
 *
 * <p>Logit arrays are compared bit by bit in {@link #equals(Object)}, so -0.0 differs from 0.0
 * and a state read back from its hash equals the original exactly.
 */
public final class State {

    /** The fewest classes softmax makes sense for. */
    public static final int MIN_CLASSES = 2;
    /** The most classes the page's controls offer. */
    public static final int MAX_CLASSES = 10;
    /** The most classes in stress mode, which only a link can turn on (for benchmarks). */
    public static final int MAX_STRESS_CLASSES = 1000;
    /** The number of classes of a fresh page. */
    public static final int DEFAULT_CLASSES = 3;
    /** The longest class name, in Unicode code points: long enough for "golden retriever puppy". */
    public static final int MAX_NAME_LENGTH = 40;
    /** The most samples one draw may take; enough for a smooth histogram, small enough for a frame. */
    public static final int MAX_SAMPLE_COUNT = 100_000;
    /** The default number of samples drawn. */
    public static final int DEFAULT_SAMPLE_COUNT = 1000;
    /** The default seed of the sampling generator. */
    public static final int DEFAULT_SAMPLING_SEED = 42;
    /** The views an embedding keeps unless its link chooses others: the explorer itself. */
    public static final Set<View> DEFAULT_VIEWS = Set.copyOf(EnumSet.of(View.INPUTS, View.BARS, View.MULTIPLES,
            View.STEPS));

    private static final State DEFAULTS = createDefaults();

    private final double[] logits;
    private final String[] names;
    private final double[] teacherLogits;
    private final double temperature;
    private final int target;
    private final double labelSmoothing;
    private final Mode mode;
    private final Precision precision;
    private final int samplingSeed;
    private final int sampleCount;
    private final int topK;
    private final double topP;
    private final double learningRate;
    private final boolean embed;
    private final int views;
    private final ColorScheme colorScheme;
    private final Language language;
    private final boolean stress;
    private final int fuzzSeed;
    private final boolean checks;

    private State(Draft d) {
        int k = d.logits.length;
        int maxK = d.stress ? MAX_STRESS_CLASSES : MAX_CLASSES;
        if (k < MIN_CLASSES || k > maxK) {
            throw new IllegalArgumentException("number of classes must be in [" + MIN_CLASSES + ", " + maxK
                    + "]: " + k);
        }
        if (d.names.length != k || d.teacherLogits.length != k) {
            throw new IllegalArgumentException("names (" + d.names.length + ") and teacher logits ("
                    + d.teacherLogits.length + ") must have one entry per class: " + k);
        }
        for (int i = 0; i < k; i++) {
            requireFinite("logits[" + i + "]", d.logits[i]);
            requireFinite("teacherLogits[" + i + "]", d.teacherLogits[i]);
            if (!isValidName(d.names[i])) {
                throw new IllegalArgumentException("names[" + i + "] must be 1 to " + MAX_NAME_LENGTH
                        + " characters, trimmed, without control characters: " + d.names[i]);
            }
        }
        if (!(isFinite(d.temperature) && d.temperature > 0)) {
            throw new IllegalArgumentException("temperature must be finite and > 0: "
                    + Format.shortest(d.temperature));
        }
        if (d.target < 0 || d.target >= k) {
            throw new IllegalArgumentException("target must be in [0, " + (k - 1) + "]: " + d.target);
        }
        if (!(d.labelSmoothing >= 0 && d.labelSmoothing <= 1)) {
            throw new IllegalArgumentException("labelSmoothing must be in [0, 1]: "
                    + Format.shortest(d.labelSmoothing));
        }
        if (d.mode == null || d.precision == null || d.colorScheme == null || d.language == null) {
            throw new IllegalArgumentException("mode, precision, colorScheme and language must not be null: "
                    + d.mode + ", " + d.precision + ", " + d.colorScheme + ", " + d.language);
        }
        if (d.samplingSeed < 0) {
            throw new IllegalArgumentException("samplingSeed must be >= 0: " + d.samplingSeed);
        }
        if (d.sampleCount < 1 || d.sampleCount > MAX_SAMPLE_COUNT) {
            throw new IllegalArgumentException("sampleCount must be in [1, " + MAX_SAMPLE_COUNT + "]: "
                    + d.sampleCount);
        }
        if (d.topK < 0 || d.topK > k) {
            throw new IllegalArgumentException("topK must be in [0, " + k + "] (0 = off): " + d.topK);
        }
        if (!(d.topP > 0 && d.topP <= 1)) {
            throw new IllegalArgumentException("topP must be in (0, 1]: " + Format.shortest(d.topP));
        }
        if (d.views == 0) {
            throw new IllegalArgumentException("views must name at least one view");
        }
        if (d.fuzzSeed < 0) {
            throw new IllegalArgumentException("fuzzSeed must be >= 0 (0 = off): " + d.fuzzSeed);
        }
        if (!(isFinite(d.learningRate) && d.learningRate > 0)) {
            throw new IllegalArgumentException("learningRate must be finite and > 0: "
                    + Format.shortest(d.learningRate));
        }
        this.logits = d.logits;
        this.names = d.names;
        this.teacherLogits = d.teacherLogits;
        this.temperature = d.temperature;
        this.target = d.target;
        this.labelSmoothing = d.labelSmoothing;
        this.mode = d.mode;
        this.precision = d.precision;
        this.samplingSeed = d.samplingSeed;
        this.sampleCount = d.sampleCount;
        this.topK = d.topK;
        this.topP = d.topP;
        this.learningRate = d.learningRate;
        this.embed = d.embed;
        this.views = d.views;
        this.colorScheme = d.colorScheme;
        this.language = d.language;
        this.stress = d.stress;
        this.fuzzSeed = d.fuzzSeed;
        this.checks = d.checks;
    }

    private static State createDefaults() {
        Draft d = new Draft();
        d.logits = new double[0];
        d.names = new String[0];
        d.teacherLogits = new double[0];
        d.resize(DEFAULT_CLASSES);
        d.temperature = 1;
        d.target = 0;
        d.labelSmoothing = 0;
        d.mode = Mode.STABLE;
        d.precision = Precision.FLOAT64;
        d.samplingSeed = DEFAULT_SAMPLING_SEED;
        d.sampleCount = DEFAULT_SAMPLE_COUNT;
        d.topK = 0;
        d.topP = 1;
        d.learningRate = 1;
        d.embed = false;
        d.views = bits(DEFAULT_VIEWS);
        d.colorScheme = ColorScheme.AUTO;
        d.language = Language.AUTO;
        d.stress = false;
        return new State(d);
    }

    /** The state of a fresh page (see the class comment for the values). */
    public static State defaults() {
        return DEFAULTS;
    }

    /** The default logit of class {@code i} (0-based): {@code 2 - i}, so [2, 1, 0] for K = 3. */
    public static double defaultLogit(int i) {
        return 2 - i;
    }

    /** The default teacher logit of class {@code i}: {@code 4 - 2i}, twice {@link #defaultLogit}. */
    public static double defaultTeacherLogit(int i) {
        return 4 - 2 * i;
    }

    /** The default name of class {@code i} (0-based): "Class 1" for i = 0. */
    public static String defaultName(int i) {
        return "Class " + (i + 1);
    }

    /**
     * Whether a character may appear in a class name. Refused: C0 and C1 control characters
     * (newlines, tabs, escape), the line and paragraph separators, the bidirectional-text
     * controls (they can make a name display as different text) and lone surrogates (they
     * cannot be written as UTF-8, so the name would not survive the URL hash).
     */
    public static boolean isAllowedNameCharacter(int codePoint) {
        return codePoint >= 0x20
                && !(codePoint >= 0x7F && codePoint <= 0x9F)
                && codePoint != 0x2028 && codePoint != 0x2029
                && codePoint != 0x200E && codePoint != 0x200F
                && !(codePoint >= 0x202A && codePoint <= 0x202E)
                && !(codePoint >= 0x2066 && codePoint <= 0x2069)
                && !(codePoint >= 0xD800 && codePoint <= 0xDFFF)
                && codePoint <= 0x10FFFF;
    }

    /**
     * Whether a text is a valid class name: not empty, without leading or trailing spaces (as
     * {@link String#trim()} removes them), at most {@link #MAX_NAME_LENGTH} code points, and made
     * of {@linkplain #isAllowedNameCharacter allowed characters} only.
     */
    public static boolean isValidName(String name) {
        if (name == null || name.isEmpty() || !name.trim().equals(name)
                || name.codePointCount(0, name.length()) > MAX_NAME_LENGTH) {
            return false;
        }
        for (int i = 0; i < name.length(); i = name.offsetByCodePoints(i, 1)) {
            if (!isAllowedNameCharacter(name.codePointAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** The number of classes K. */
    public int classCount() {
        return logits.length;
    }

    /** The largest K allowed: {@link #MAX_STRESS_CLASSES} in stress mode, else {@link #MAX_CLASSES}. */
    public int maxClassCount() {
        return stress ? MAX_STRESS_CLASSES : MAX_CLASSES;
    }

    /** The logits z (a copy), one finite value per class. */
    public double[] logits() {
        return logits.clone();
    }

    /** The logit of class {@code i} (0-based). */
    public double logit(int i) {
        return logits[i];
    }

    /** The class names (unmodifiable), one per class. */
    public List<String> names() {
        return List.of(names);
    }

    /** The name of class {@code i} (0-based). */
    public String name(int i) {
        return names[i];
    }

    /** The teacher's logits for the distillation view (a copy), one finite value per class. */
    public double[] teacherLogits() {
        return teacherLogits.clone();
    }

    /** The teacher's logit of class {@code i} (0-based). */
    public double teacherLogit(int i) {
        return teacherLogits[i];
    }

    /** The temperature T: finite and greater than 0. */
    public double temperature() {
        return temperature;
    }

    /** The true class c as a 0-based index (PyTorch's convention for targets). */
    public int target() {
        return target;
    }

    /** The label smoothing eps in [0, 1]. */
    public double labelSmoothing() {
        return labelSmoothing;
    }

    /** Naive or stable softmax. */
    public Mode mode() {
        return mode;
    }

    /** The format every intermediate is rounded to. */
    public Precision precision() {
        return precision;
    }

    /** The seed of the sampling generator, at least 0: the same seed draws the same tokens. */
    public int samplingSeed() {
        return samplingSeed;
    }

    /** How many tokens the sampling view draws, in [1, {@link #MAX_SAMPLE_COUNT}]. */
    public int sampleCount() {
        return sampleCount;
    }

    /** Top-k filtering before sampling: keep the k most probable classes; 0 means off. */
    public int topK() {
        return topK;
    }

    /** Top-p (nucleus) filtering before sampling, in (0, 1]; 1 means off. */
    public double topP() {
        return topP;
    }

    /** The learning rate of the "one gradient step" button: finite and greater than 0. */
    public double learningRate() {
        return learningRate;
    }

    /** Whether the page shows its compact layout for iframes. */
    public boolean embed() {
        return embed;
    }

    /** The views an embedding keeps; the full page shows every view whatever this says. */
    public Set<View> views() {
        EnumSet<View> chosen = EnumSet.noneOf(View.class);
        for (View v : View.values()) {
            if ((views & v.bit()) != 0) {
                chosen.add(v);
            }
        }
        return chosen;
    }

    /** Whether the page shows this view: always on the full page, when chosen when embedded. */
    public boolean shows(View view) {
        return !embed || (views & view.bit()) != 0;
    }

    /** The colour scheme. */
    public ColorScheme colorScheme() {
        return colorScheme;
    }

    /** The language of the page's words; {@link Language#AUTO} follows the browser. */
    public Language language() {
        return language;
    }

    /** The fuzz mode's seed; 0 when fuzzing is off. */
    public int fuzzSeed() {
        return fuzzSeed;
    }

    /** Whether the page checks its invariants after every update (a testing aid; off by default). */
    public boolean checks() {
        return checks;
    }

    /** Whether K may go up to {@link #MAX_STRESS_CLASSES} (benchmarks; only set by a link). */
    public boolean stress() {
        return stress;
    }

    /**
     * This state with K classes. Growing keeps the existing classes and adds default logits,
     * names and teacher logits; shrinking drops the last classes. The target class and top-k are
     * clamped to the new K.
     *
     * @throws IllegalArgumentException if k is outside [2, {@link #maxClassCount()}]
     */
    public State withClassCount(int k) {
        if (k < MIN_CLASSES || k > maxClassCount()) {
            throw new IllegalArgumentException("k must be in [" + MIN_CLASSES + ", " + maxClassCount()
                    + "]: " + k);
        }
        return with(d -> d.resize(k));
    }

    /**
     * This state with all logits replaced.
     *
     * @throws IllegalArgumentException if the length is not K or a value is not finite
     */
    public State withLogits(double[] z) {
        requireLength("logits", z.length);
        double[] copy = z.clone();
        return with(d -> d.logits = copy);
    }

    /**
     * This state with the logit of class {@code i} replaced.
     *
     * @throws IllegalArgumentException if i is not a class index or z is not finite
     */
    public State withLogit(int i, double z) {
        requireIndex("i", i);
        double[] copy = logits.clone();
        copy[i] = z;
        return with(d -> d.logits = copy);
    }

    /**
     * This state with all class names replaced.
     *
     * @throws IllegalArgumentException if the length is not K or a name is not
     *     {@linkplain #isValidName valid}
     */
    public State withNames(String[] newNames) {
        requireLength("names", newNames.length);
        String[] copy = newNames.clone();
        return with(d -> d.names = copy);
    }

    /**
     * This state with class {@code i} renamed.
     *
     * @throws IllegalArgumentException if i is not a class index or the name is not
     *     {@linkplain #isValidName valid}
     */
    public State withName(int i, String name) {
        requireIndex("i", i);
        String[] copy = names.clone();
        copy[i] = name;
        return with(d -> d.names = copy);
    }

    /**
     * This state with all teacher logits replaced.
     *
     * @throws IllegalArgumentException if the length is not K or a value is not finite
     */
    public State withTeacherLogits(double[] z) {
        requireLength("teacherLogits", z.length);
        double[] copy = z.clone();
        return with(d -> d.teacherLogits = copy);
    }

    /**
     * This state with the teacher's logit of class {@code i} replaced.
     *
     * @throws IllegalArgumentException if i is not a class index or z is not finite
     */
    public State withTeacherLogit(int i, double z) {
        requireIndex("i", i);
        double[] copy = teacherLogits.clone();
        copy[i] = z;
        return with(d -> d.teacherLogits = copy);
    }

    /**
     * This state with the classes and logits of a preset; the target and top-k are clamped to
     * the preset's K, teacher logits kept where the class still exists, everything else kept.
     */
    public State withPreset(Preset preset) {
        double[] z = preset.logits();
        String[] presetNames = preset.names();
        return with(d -> {
            d.resize(z.length);
            d.logits = z;
            d.names = presetNames;
        });
    }

    /**
     * This state with temperature T.
     *
     * @throws IllegalArgumentException if t is not finite or not greater than 0
     */
    public State withTemperature(double t) {
        return with(d -> d.temperature = t);
    }

    /**
     * This state with true class c (0-based).
     *
     * @throws IllegalArgumentException if c is not in [0, K - 1]
     */
    public State withTarget(int c) {
        return with(d -> d.target = c);
    }

    /**
     * This state with label smoothing eps.
     *
     * @throws IllegalArgumentException if eps is not in [0, 1]
     */
    public State withLabelSmoothing(double eps) {
        return with(d -> d.labelSmoothing = eps);
    }

    /** This state computed with the given form of softmax. */
    public State withMode(Mode newMode) {
        return with(d -> d.mode = newMode);
    }

    /** This state computed in the given precision. */
    public State withPrecision(Precision newPrecision) {
        return with(d -> d.precision = newPrecision);
    }

    /**
     * This state with another sampling seed.
     *
     * @throws IllegalArgumentException if the seed is negative
     */
    public State withSamplingSeed(int seed) {
        return with(d -> d.samplingSeed = seed);
    }

    /**
     * This state drawing n samples.
     *
     * @throws IllegalArgumentException if n is not in [1, {@link #MAX_SAMPLE_COUNT}]
     */
    public State withSampleCount(int n) {
        return with(d -> d.sampleCount = n);
    }

    /**
     * This state with top-k filtering (0 = off).
     *
     * @throws IllegalArgumentException if k is not in [0, K]
     */
    public State withTopK(int k) {
        return with(d -> d.topK = k);
    }

    /**
     * This state with top-p filtering (1 = off).
     *
     * @throws IllegalArgumentException if p is not in (0, 1]
     */
    public State withTopP(double p) {
        return with(d -> d.topP = p);
    }

    /**
     * This state with another learning rate.
     *
     * @throws IllegalArgumentException if the rate is not finite or not greater than 0
     */
    public State withLearningRate(double rate) {
        return with(d -> d.learningRate = rate);
    }

    /** This state with the compact embedded layout on or off. */
    public State withEmbed(boolean on) {
        return with(d -> d.embed = on);
    }

    /**
     * This state with the views an embedding keeps.
     *
     * @throws IllegalArgumentException if no view is chosen
     */
    public State withViews(Set<View> chosen) {
        return with(d -> d.views = bits(chosen));
    }

    private static int bits(Set<View> chosen) {
        int bits = 0;
        for (View v : chosen) {
            bits |= v.bit();
        }
        return bits;
    }

    /** This state with another colour scheme. */
    public State withColorScheme(ColorScheme scheme) {
        return with(d -> d.colorScheme = scheme);
    }

    /** This state in another language. */
    public State withLanguage(Language chosen) {
        return with(d -> d.language = chosen);
    }

    /**
     * This state with the fuzz mode's seed: random input fires at the controls every frame,
     * reproducibly for the seed; 0 turns it off.
     *
     * @throws IllegalArgumentException if the seed is negative
     */
    public State withFuzzSeed(int seed) {
        return with(d -> d.fuzzSeed = seed);
    }

    /** This state with the invariant checks after every update on or off. */
    public State withChecks(boolean on) {
        return with(d -> d.checks = on);
    }

    /**
     * This state with stress mode on or off. Turning it off with more than
     * {@link #MAX_CLASSES} classes drops the classes beyond that, as {@link #withClassCount} does.
     */
    public State withStress(boolean on) {
        return with(d -> {
            d.stress = on;
            if (!on && d.logits.length > MAX_CLASSES) {
                d.resize(MAX_CLASSES);
            }
        });
    }

    private State with(Consumer<Draft> change) {
        Draft d = new Draft(this);
        change.accept(d);
        return new State(d);
    }

    private void requireIndex(String argument, int i) {
        if (i < 0 || i >= logits.length) {
            throw new IllegalArgumentException(argument + " must be in [0, " + (logits.length - 1) + "]: " + i);
        }
    }

    private void requireLength(String argument, int length) {
        if (length != logits.length) {
            throw new IllegalArgumentException(argument + " must have one entry per class (" + logits.length
                    + "): " + length);
        }
    }

    private static void requireFinite(String argument, double value) {
        if (!isFinite(value)) {
            throw new IllegalArgumentException(argument + " must be finite: " + Format.shortest(value));
        }
    }

    private static boolean isFinite(double x) {
        return x - x == 0;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof State)) {
            return false;
        }
        State o = (State) other;
        return Arrays.equals(logits, o.logits)
                && Arrays.equals(names, o.names)
                && Arrays.equals(teacherLogits, o.teacherLogits)
                && sameBits(temperature, o.temperature)
                && target == o.target
                && sameBits(labelSmoothing, o.labelSmoothing)
                && mode == o.mode
                && precision == o.precision
                && samplingSeed == o.samplingSeed
                && sampleCount == o.sampleCount
                && topK == o.topK
                && sameBits(topP, o.topP)
                && sameBits(learningRate, o.learningRate)
                && embed == o.embed
                && views == o.views
                && colorScheme == o.colorScheme
                && language == o.language
                && stress == o.stress
                && fuzzSeed == o.fuzzSeed
                && checks == o.checks;
    }

    private static boolean sameBits(double a, double b) {
        return Double.doubleToLongBits(a) == Double.doubleToLongBits(b);
    }

    @Override
    public int hashCode() {
        int h = Arrays.hashCode(logits);
        h = 31 * h + Arrays.hashCode(names);
        h = 31 * h + Arrays.hashCode(teacherLogits);
        h = 31 * h + Double.hashCode(temperature);
        h = 31 * h + target;
        h = 31 * h + Double.hashCode(labelSmoothing);
        h = 31 * h + mode.ordinal();
        h = 31 * h + precision.ordinal();
        h = 31 * h + samplingSeed;
        h = 31 * h + sampleCount;
        h = 31 * h + topK;
        h = 31 * h + Double.hashCode(topP);
        h = 31 * h + Double.hashCode(learningRate);
        h = 31 * h + (embed ? 1 : 0);
        h = 31 * h + views;
        h = 31 * h + colorScheme.ordinal();
        h = 31 * h + language.ordinal();
        h = 31 * h + (stress ? 1 : 0);
        h = 31 * h + fuzzSeed;
        return 31 * h + (checks ? 1 : 0);
    }

    /** The state as its URL hash ({@link HashCodec#encode}): exact, short, readable in test reports. */
    @Override
    public String toString() {
        return "State#" + HashCodec.encode(this);
    }

    /**
     * A mutable copy of a state's fields, private to this class, so that each {@code withX}
     * changes one field in one line and the constructor checks all invariants in one place.
     */
    private static final class Draft {
        double[] logits;
        String[] names;
        double[] teacherLogits;
        double temperature;
        int target;
        double labelSmoothing;
        Mode mode;
        Precision precision;
        int samplingSeed;
        int sampleCount;
        int topK;
        double topP;
        double learningRate;
        boolean embed;
        int views;
        ColorScheme colorScheme;
        Language language;
        boolean stress;
        int fuzzSeed;
        boolean checks;

        Draft() {
        }

        Draft(State s) {
            logits = s.logits;
            names = s.names;
            teacherLogits = s.teacherLogits;
            temperature = s.temperature;
            target = s.target;
            labelSmoothing = s.labelSmoothing;
            mode = s.mode;
            precision = s.precision;
            samplingSeed = s.samplingSeed;
            sampleCount = s.sampleCount;
            topK = s.topK;
            topP = s.topP;
            learningRate = s.learningRate;
            embed = s.embed;
            views = s.views;
            colorScheme = s.colorScheme;
            language = s.language;
            stress = s.stress;
            fuzzSeed = s.fuzzSeed;
            checks = s.checks;
        }

        void resize(int k) {
            int old = logits.length;
            logits = Arrays.copyOf(logits, k);
            names = Arrays.copyOf(names, k);
            teacherLogits = Arrays.copyOf(teacherLogits, k);
            for (int i = old; i < k; i++) {
                logits[i] = defaultLogit(i);
                names[i] = defaultName(i);
                teacherLogits[i] = defaultTeacherLogit(i);
            }
            target = Math.min(target, k - 1);
            topK = Math.min(topK, k);
        }
    }
}
