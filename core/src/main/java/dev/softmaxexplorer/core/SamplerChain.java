package dev.softmaxexplorer.core;

import java.util.concurrent.atomic.AtomicReference;

/**
 * A language model's sampler chain: temperature, top-k, top-p, min-p and typical filtering applied
 * to the logits in a chosen order, with every intermediate distribution.
 *
 * <p>The chain's state is a set of surviving classes and a temperature already applied (1 until
 * the temperature step runs). Each stage's distribution is the softmax of {@code z / T_applied}
 * over the survivors ({@link Softmax#softmax} with -Infinity for the removed classes), so it is
 * exact to the last digit whatever the order. A filter step removes classes by its rule
 * ({@link TokenFilter}) applied to that distribution; the temperature step removes nothing, it
 * sharpens or flattens what the later filters see. That is why order matters: min-p 0.05 after a
 * temperature of 2 sees a flatter distribution and keeps more classes than min-p before it.
 *
 * <p>The two default orders (the steps this class knows, in the order each project applies them):
 * <ul>
 * <li>Hugging Face transformers: temperature, top-k, top-p, min-p, typical, the order in which
 *     {@code GenerationMixin._get_logits_processor} appends its warpers in
 *     {@code src/transformers/generation/utils.py} (read at commit 000034a4, after v4.49: the
 *     warpers follow the other processors, temperature first);</li>
 * <li>llama.cpp: top-k, typical, top-p, min-p, temperature, the default {@code samplers} list of
 *     {@code common_params_sampling} in {@code common/common.h} (read at commit 001d906a:
 *     penalties, DRY, top-n-sigma, top-k, typical-p, top-p, min-p, XTC, temperature; the steps
 *     this chain does not have are left out).</li>
 * </ul>
 * The filter rules are this package's ({@link TokenFilter}); where the projects differ in a tie or
 * a rounding at the boundary the class comments of {@link TokenFilter} say how.
 */
public final class SamplerChain {

    /** One step of the chain. */
    public enum Step {
        TEMPERATURE, TOP_K, TOP_P, MIN_P, TYPICAL
    }

    /** Hugging Face transformers' order (see the class comment). */
    public static final Step[] HUGGING_FACE_ORDER = {
        Step.TEMPERATURE, Step.TOP_K, Step.TOP_P, Step.MIN_P, Step.TYPICAL,
    };

    /** llama.cpp's default order (see the class comment). */
    public static final Step[] LLAMA_CPP_ORDER = {
        Step.TOP_K, Step.TYPICAL, Step.TOP_P, Step.MIN_P, Step.TEMPERATURE,
    };

    private final Step[] order;
    private final double temperature;
    private final int topK;
    private final double topP;
    private final double minP;
    private final double typicalMass;

    /**
     * A chain of the given steps, each at most once, run left to right; a step whose parameter
     * says "off" (k = 0, top-p 1, min-p 0, typical mass 1, T = 1) passes its input through.
     *
     * @throws IllegalArgumentException for an empty or repeating order, or a parameter out of the
     *     range its filter accepts ({@link TokenFilter}), or T not finite and > 0
     */
    public SamplerChain(Step[] order, double temperature, int topK, double topP, double minP,
            double typicalMass) {
        if (order == null || order.length == 0) {
            String was = order == null ? "null" : "empty";
            throw new IllegalArgumentException("order: must hold at least one step, was " + was);
        }
        boolean[] seen = new boolean[Step.values().length];
        for (Step step : order) {
            if (step == null || seen[step.ordinal()]) {
                throw new IllegalArgumentException("order: each step at most once, was "
                        + java.util.Arrays.toString(order));
            }
            seen[step.ordinal()] = true;
        }
        if (!(temperature > 0.0 && temperature < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("temperature: must be finite and > 0, was "
                    + Format.shortest(temperature));
        }
        if (topK < 0) {
            throw new IllegalArgumentException("k: must be >= 0 (0 = off), was " + topK);
        }
        if (!(topP >= 0.0 && topP <= 1.0)) {
            throw new IllegalArgumentException("topP: must be in [0, 1] (1 = off), was "
                    + Format.shortest(topP));
        }
        TokenFilter.checkMinP(minP);
        TokenFilter.checkTypicalMass(typicalMass);
        this.order = order.clone();
        this.temperature = temperature;
        this.topK = topK;
        this.topP = topP;
        this.minP = minP;
        this.typicalMass = typicalMass;
    }

    /** The steps, in the order they run. */
    public Step[] order() {
        return order.clone();
    }

    /**
     * Whether a filter step of the chain can remove a class: one whose parameter is not at its
     * "off" value (top-k 0, top-p 1, min-p 0, typical mass 1). Without one, every order of the
     * chain ends with the softmax of z / T over every class.
     */
    public boolean filters() {
        for (Step step : order) {
            boolean on = switch (step) {
                case TEMPERATURE -> false;
                case TOP_K -> topK != 0;
                case TOP_P -> topP != 1.0;
                case MIN_P -> minP != 0.0;
                case TYPICAL -> typicalMass != 1.0;
            };
            if (on) {
                return true;
            }
        }
        return false;
    }

    /** Whether the temperature step runs before every filter step that is in the chain. */
    public boolean temperatureFirst() {
        return order[0] == Step.TEMPERATURE;
    }

    /**
     * The same chain with the temperature step moved: to the front if it is not there, else to
     * the end; the filters keep their relative order. The chain itself if it has no temperature
     * step or no other step.
     */
    public SamplerChain withTemperatureMoved() {
        int at = java.util.Arrays.asList(order).indexOf(Step.TEMPERATURE);
        if (at < 0 || order.length == 1) {
            return this;
        }
        Step[] moved = new Step[order.length];
        int next = at == 0 ? 0 : 1;
        for (Step step : order) {
            if (step != Step.TEMPERATURE) {
                moved[next++] = step;
            }
        }
        moved[at == 0 ? order.length - 1 : 0] = Step.TEMPERATURE;
        return new SamplerChain(moved, temperature, topK, topP, minP, typicalMass);
    }

    /**
     * Runs the chain on the logits.
     *
     * @param logits raw scores z, as {@link Softmax#softmax} accepts them (-Infinity masks a class)
     * @return the input stage (the softmax of z at T = 1, step {@code null}) followed by one stage
     *     per step, in order; a step that changed nothing shares its predecessor's arrays (the
     *     accessors hand out copies)
     * @throws IllegalArgumentException for logits {@link Softmax#softmax} rejects
     */
    public Stage[] stages(double[] logits) {
        return stages(input(logits));
    }

    /**
     * The input stage of every chain on these logits (the softmax of z at T = 1, step
     * {@code null}): it depends on the logits alone, so a page that runs many chains on one
     * large vector computes it once and hands it to {@link #stages(Stage)}.
     *
     * @throws IllegalArgumentException for logits {@link Softmax#softmax} rejects
     */
    public static Stage input(double[] logits) {
        Softmax.validateLogits(logits);
        double[] z = logits.clone();
        double[] original = new double[z.length];
        Softmax.Exponentials pass = Softmax.Exponentials.kept(z, 1.0, null);
        double entropy = Softmax.probabilitiesAndEntropy(pass, null, original);
        int[] alive = alive(z);
        Stage input = new Stage(null, null, Double.NaN, z, alive, alive.length, 1.0, original,
                massOf(alive, alive.length, original), entropy, effective(entropy));
        input.reused = new Reused();
        input.reused.pass.set(pass);
        return input;
    }

    /**
     * Runs the chain from an input stage made by {@link #input}: the same stages, bit for bit,
     * as {@link #stages(double[])} on those logits.
     *
     * <p>It costs O(K) a step, once the input stage holds its classes sorted by logit (sorted on
     * the first chain that needs an order, then kept): the filters' orders come from that one
     * ({@link ProbabilityOrder}), and each softmax runs over the surviving classes only, which
     * gives the same numbers as over all K with the others at -Infinity (a masked class adds no
     * term, and each result is correctly rounded).
     *
     * @throws IllegalArgumentException if the stage is not an input stage
     */
    public Stage[] stages(Stage input) {
        return stages(input, null);
    }

    /**
     * {@link #stages(Stage)}, taking over the stages of an earlier run whose inputs did not
     * change, so that a page re-running the chain as one parameter moves computes only what that
     * parameter reaches. A stage is a function of the stage before it, its step and the step's
     * parameter; so stage s + 1 of {@code previous} is taken over when stage s is (the same
     * object) and the step is the same with the same parameter, or, for a filter, with another
     * parameter that keeps the same classes. In llama.cpp's order, where the temperature comes
     * last, a move of T thus recomputes the temperature stage only; and a filter whose new
     * parameter keeps the same classes gives the very stage object of the earlier run, so that
     * what was drawn from it stays valid. The stages are the same, bit for bit, as without
     * {@code previous}.
     *
     * <p>The earlier run is handed over: its stages that this run does not return are retired,
     * and a new stage may hold its numbers in the array of one of them (at K = 50,257 a new
     * 400 KB array per stage and move cost the browser more than the stage's arithmetic). A
     * retired stage throws on reading its distribution or which classes it kept;
     * {@link Stage#sameDistributionAs} and {@link Stage#survivors} still answer, the first false
     * for every stage of a later run.
     *
     * @param previous the stages of an earlier run of any chain from the same input (one from
     *     another input is ignored and left as it was), or null
     * @throws IllegalArgumentException if the stage is not an input stage
     */
    public Stage[] stages(Stage input, Stage[] previous) {
        if (input == null || input.step != null) {
            String was = input == null ? "null" : "the stage of " + input.step;
            throw new IllegalArgumentException("input: must be the input stage of SamplerChain.input, was "
                    + was);
        }
        boolean reusable = previous != null && previous.length > 0 && previous[0] == input;
        Stage[] stages = new Stage[order.length + 1];
        stages[0] = input;
        StageArrays arrays = new StageArrays(reusable ? previous : new Stage[0], stages, input.probabilities.length);
        WorkArrays work = input.reused.work.getAndSet(null);
        if (work == null) {
            work = new WorkArrays(input.probabilities.length);
        }
        try {
            for (int s = 0; s < order.length; s++) {
                Stage candidate = reusable && s + 1 < previous.length && previous[s] == stages[s] ? previous[s + 1] : null;
                Stage earlier = candidate != null && !candidate.gone() && candidate.step == order[s] ? candidate : null;
                arrays.from = s + 1;
                stages[s + 1] = next(order[s], stages[s], input, earlier, arrays, work);
            }
        } finally {
            input.reused.work.set(work);
        }
        arrays.retireTheRest();
        return stages;
    }

    /**
     * The arrays of a run's new stages: K long, each taken from a stage of the earlier run that
     * the new run will not return, else new. When stage {@code from} is computed afresh, no stage
     * of the earlier run from that position on can be taken over any more (a stage is taken over
     * only after its predecessor was), so their arrays are free unless a stage of the new run
     * shares one (a step that removed nothing shares its predecessor's). An array is taken once:
     * a stage retired by one run and handed to another gives only what the first left.
     */
    private static final class StageArrays {
        private final Stage[] previous;
        private final Stage[] stages;
        private final int k;
        int from;

        StageArrays(Stage[] previous, Stage[] stages, int k) {
            this.previous = previous;
            this.stages = stages;
            this.k = k;
        }

        /** A distribution's array for the stage at position {@code from}, all 0 if {@code zeroed}. */
        double[] fresh(boolean zeroed) {
            for (int j = Math.max(from, 1); j < previous.length; j++) {
                Stage old = previous[j];
                if (old != null && old.origin == old && !old.probabilitiesTaken && old.probabilities.length == k
                        && !inUse(old.probabilities)) {
                    old.probabilitiesTaken = true;
                    old.retired = true;
                    if (zeroed) {
                        java.util.Arrays.fill(old.probabilities, 0.0);
                    }
                    return old.probabilities;
                }
            }
            return new double[k];
        }

        /** A survivors' array (room for K classes) for the filter stage at position {@code from}. */
        int[] freshClasses() {
            for (int j = Math.max(from, 1); j < previous.length; j++) {
                Stage old = previous[j];
                if (old != null && old.ownsClasses() && !old.classesTaken && old.alive.length == k
                        && !inUse(old.alive)) {
                    old.classesTaken = true;
                    old.retired = true;
                    return old.alive;
                }
            }
            return new int[k];
        }

        private boolean inUse(double[] array) {
            for (int s = 0; s < from; s++) {
                if (stages[s].probabilities == array) {
                    return true;
                }
            }
            return false;
        }

        private boolean inUse(int[] array) {
            for (int s = 0; s < from; s++) {
                if (stages[s].alive == array) {
                    return true;
                }
            }
            return false;
        }

        /** Retires every stage of the earlier run that the new run does not return. */
        void retireTheRest() {
            for (int j = 1; j < previous.length; j++) {
                if (previous[j] != null && !java.util.Arrays.asList(stages).contains(previous[j])) {
                    previous[j].retired = true;
                }
            }
        }
    }

    /**
     * The stage after {@code before}: {@code earlier} (the stage the same step made from the same
     * {@code before} in an earlier run, or null) where it is sure to be the same.
     */
    private Stage next(Step step, Stage before, Stage input, Stage earlier, StageArrays arrays, WorkArrays work) {
        double setting = setting(step);
        if (earlier != null && earlier.setting == setting) {
            return earlier;
        }
        if (step == Step.TEMPERATURE) {
            if (temperature == before.temperature) {
                return passedThrough(step, setting, before, earlier);
            }
            // Only the temperature changes: the same classes, their mass shared.
            double[] p = arrays.fresh(before.survivors < input.probabilities.length);
            double entropy = softmaxOver(before.alive, before.survivors, input, temperature, p);
            return new Stage(step, null, setting, input.logits, before.alive, before.survivors, temperature, p,
                    before.originalMass, entropy, effective(entropy));
        }
        int survivors = kept(step, before, input, work);
        if (survivors == before.survivors) {
            return passedThrough(step, setting, before, earlier);
        }
        if (earlier != null && sameClasses(work.classes, survivors, earlier)) {
            // The same classes of the same stage: the same softmax, at the same temperature.
            return earlier;
        }
        int[] kept = arrays.freshClasses();
        System.arraycopy(work.classes, 0, kept, 0, survivors);
        double[] p = arrays.fresh(true);
        double entropy = softmaxOver(kept, survivors, input, before.temperature, p);
        return new Stage(step, null, setting, input.logits, kept, survivors, before.temperature, p,
                massOf(kept, survivors, input.probabilities), entropy, effective(entropy));
    }

    /** Whether the first {@code count} of {@code classes} are the stage's survivors. */
    private static boolean sameClasses(int[] classes, int count, Stage stage) {
        if (count != stage.survivors) {
            return false;
        }
        for (int j = 0; j < count; j++) {
            if (classes[j] != stage.alive[j]) {
                return false;
            }
        }
        return true;
    }

    /** The step's parameter as this chain sets it (k as a double). */
    private double setting(Step step) {
        return switch (step) {
            case TEMPERATURE -> temperature;
            case TOP_K -> topK;
            case TOP_P -> topP;
            case MIN_P -> minP;
            case TYPICAL -> typicalMass;
        };
    }

    /** A stage that changed nothing: {@code before}'s distribution, under another step. */
    private static Stage passedThrough(Step step, double setting, Stage before, Stage earlier) {
        if (earlier != null && earlier.origin == before.origin) {
            return earlier;
        }
        return new Stage(step, before.origin, setting, before.logits, before.alive, before.survivors, before.temperature,
                before.probabilities, before.originalMass, before.entropy, before.effectiveClasses);
    }

    /**
     * How many classes of {@code before} the filter keeps: all of them if it is off, else it
     * writes them, ascending, into {@code work.classes}.
     */
    private int kept(Step step, Stage before, Stage input, WorkArrays work) {
        double[] current = before.probabilities;
        int all = before.survivors;
        return switch (step) {
            case TOP_K -> topK == 0 || topK >= current.length ? all
                    : survivors(before, TokenFilter.keptByTopK(current, topK, byProbability(current, input, work), work.kept),
                            work.classes);
            case TOP_P -> topP == 1.0 ? all
                    : survivors(before, TokenFilter.keptByTopP(current, topP, byProbability(current, input, work), work.kept),
                            work.classes);
            case MIN_P -> minP == 0.0 ? all : TokenFilter.keptByMinP(current, before.alive, all, minP, work.classes);
            case TYPICAL -> typicalMass == 1.0 ? all
                    : survivors(before, TokenFilter.keptByTypical(current, typicalMass, byProbability(current, input, work)),
                            work.classes);
            case TEMPERATURE -> throw new IllegalStateException(step.name());
        };
    }

    /** The classes whose logit is not -Infinity, ascending. */
    private static int[] alive(double[] logits) {
        int n = 0;
        for (double z : logits) {
            if (z != Double.NEGATIVE_INFINITY) {
                n++;
            }
        }
        int[] out = new int[n];
        n = 0;
        for (int i = 0; i < logits.length; i++) {
            if (logits[i] != Double.NEGATIVE_INFINITY) {
                out[n++] = i;
            }
        }
        return out;
    }

    /** The classes by descending weight in {@code current}, from the input's order of the logits. */
    private static int[] byProbability(double[] current, Stage input, WorkArrays work) {
        return ProbabilityOrder.descending(current, input.logitOrder(), work.order);
    }

    /** The survivors of {@code before} that {@code kept} keeps, ascending, into {@code into}; how many. */
    private static int survivors(Stage before, boolean[] kept, int[] into) {
        int[] alive = before.alive;
        int n = 0;
        for (int j = 0; j < before.survivors; j++) {
            int i = alive[j];
            if (kept[i]) {
                into[n++] = i;
            }
        }
        return n;
    }

    /**
     * {@link Softmax#softmaxAndEntropy} at T into p of the input's logits with every class
     * outside the first {@code count} of {@code alive} (ascending) at -Infinity, computed over
     * those classes only (the others get p = 0). The input keeps the last pass over all its classes (at T = 1
     * from {@link #input}, then at the latest T a chain ran over all of them), and a subset at
     * its T takes its exponentials from there: in Hugging Face's order each filter after the
     * temperature, and in the order sentence's chain the temperature after the filters, then
     * costs no exponential (the filters keep the top class; typical-p may not, and then the
     * subset has its own pass). The kept pass is taken out of the input while in use, as
     * {@code Softmax}'s spare arrays are, so a chain on another thread never sees it change; a
     * new T's pass reuses its arrays.
     */
    private static double softmaxOver(int[] alive, int count, Stage input, double t, double[] p) {
        double[] logits = input.logits;
        Softmax.Exponentials pass = input.reused.pass.getAndSet(null);
        try {
            if (count == logits.length) {
                Softmax.validateTemperature(t);
                if (pass == null || pass.temperature != t) {
                    pass = Softmax.Exponentials.kept(logits, t, pass);
                }
                return Softmax.probabilitiesAndEntropy(pass, null, p);
            }
            if (pass != null && pass.temperature == t) {
                try (Softmax.Exponentials subset = pass.over(alive, count)) {
                    if (subset != null) {
                        return Softmax.probabilitiesAndEntropy(subset, alive, p);
                    }
                }
            }
        } finally {
            if (pass != null) {
                input.reused.pass.set(pass);
            }
        }
        double[] z = new double[count];
        for (int j = 0; j < count; j++) {
            z[j] = logits[alive[j]];
        }
        double[] q = new double[count];
        double entropy = Softmax.softmaxAndEntropy(z, t, q);
        for (int j = 0; j < count; j++) {
            p[alive[j]] = q[j];
        }
        return entropy;
    }

    /** The total mass of the first {@code count} of {@code alive} under {@code original}, summed in double-double in class order. */
    private static double massOf(int[] alive, int count, double[] original) {
        MutableDoubleDouble mass = new MutableDoubleDouble();
        for (int j = 0; j < count; j++) {
            mass.add(original[alive[j]]);
        }
        return mass.hi;
    }

    /** exp(H), from a double-double exponential. */
    private static double effective(double entropy) {
        return DoubleDouble.exp(DoubleDouble.of(entropy)).value();
    }

    /**
     * What an input stage keeps for the chains run on it, each taken out while a chain uses it
     * (as {@code Softmax}'s spare arrays are), so chains on two threads never share one.
     */
    private static final class Reused {
        /** The last pass over all the classes, at T = 1 or the latest T a chain applied to all of them. */
        final AtomicReference<Softmax.Exponentials> pass = new AtomicReference<>();
        final AtomicReference<WorkArrays> work = new AtomicReference<>();
    }

    /**
     * The filters' work arrays, K long, used by one step at a time: in the browser a new K-long
     * array a move cost more than the filter that wrote it.
     */
    private static final class WorkArrays {
        /** A filter's classes by descending probability. */
        final int[] order;
        /** Which classes a filter keeps. */
        final boolean[] kept;
        /** The classes a filter keeps, ascending, before they become a stage's. */
        final int[] classes;

        WorkArrays(int k) {
            order = new int[k];
            kept = new boolean[k];
            classes = new int[k];
        }
    }

    /** One stage of the chain: the distribution after a step, and what it kept. */
    public static final class Stage {
        private static final String GONE = "a stage handed to a later run as its previous stages and not returned by it:"
                + " its distribution and survivors are gone";
        private final Step step;
        /** The step's parameter that made the stage (NaN for the input). */
        private final double setting;
        /** The input's logits, shared by every stage of a run; the removed classes are not in alive. */
        private final double[] logits;
        /**
         * The classes still in the chain, ascending, in the first {@link #survivors} elements
         * (shared with the stage before where it removed none; a filter's array has room for K).
         */
        private final int[] alive;
        private final int survivors;
        private final double temperature;
        private final double[] probabilities;
        private final double originalMass;
        private final double entropy;
        private final double effectiveClasses;
        /** The stage that computed the distribution: this one, or the one a step that removed nothing passed on. */
        private final Stage origin;
        /** Handed to a later run that did not return it: its arrays may hold another stage's numbers. */
        private boolean retired;
        /** Its distribution's array was taken by a later run's stage. */
        private boolean probabilitiesTaken;
        /** Its survivors' array was taken by a later run's stage. */
        private boolean classesTaken;
        /** Of an input stage, made on first use: every class by descending logit, ties by index. */
        private int[] logitOrder;
        /** Of an input stage: what the chains run on it keep between runs. */
        private Reused reused;

        Stage(Step step, Stage origin, double setting, double[] logits, int[] alive, int survivors, double temperature,
                double[] probabilities, double originalMass, double entropy, double effectiveClasses) {
            this.step = step;
            this.origin = origin == null ? this : origin;
            this.setting = setting;
            this.logits = logits;
            this.alive = alive;
            this.survivors = survivors;
            this.temperature = temperature;
            this.probabilities = probabilities;
            this.originalMass = originalMass;
            this.entropy = entropy;
            this.effectiveClasses = effectiveClasses;
        }

        /**
         * The classes by descending logit, ties by ascending index (the -Infinity ones last):
         * sorted once, on the first call, and kept with the stage, as an input stage is kept
         * for many chains. A stage is not shared between threads while this runs first.
         */
        int[] logitOrder() {
            if (logitOrder == null) {
                logitOrder = TokenFilter.descendingOrder(logits);
            }
            return logitOrder;
        }

        /** The step that made this stage; {@code null} for the input. */
        public Step step() {
            return step;
        }

        /** The logits with -Infinity for every removed class. */
        public double[] logits() {
            double[] masked = new double[logits.length];
            java.util.Arrays.fill(masked, Double.NEGATIVE_INFINITY);
            for (int j = 0; j < survivors(); j++) {
                masked[alive[j]] = logits[alive[j]];
            }
            return masked;
        }

        /** The temperature applied so far: 1 before the temperature step, T from it on. */
        public double temperature() {
            return temperature;
        }

        /**
         * The stage's distribution, the softmax of {@code logits() / temperature()}.
         *
         * @throws IllegalStateException for a retired stage (see {@link SamplerChain#stages(Stage, Stage[])})
         */
        public double[] probabilities() {
            return distribution().clone();
        }

        /**
         * The stage's probability of class i, without copying the distribution.
         *
         * @throws IllegalStateException for a retired stage (see {@link SamplerChain#stages(Stage, Stage[])})
         */
        public double probability(int i) {
            return distribution()[i];
        }

        /**
         * Whether class i is still in the chain.
         *
         * @throws IllegalStateException for a retired stage (see {@link SamplerChain#stages(Stage, Stage[])})
         */
        public boolean kept(int i) {
            if (gone()) {
                throw new IllegalStateException(GONE);
            }
            return java.util.Arrays.binarySearch(alive, 0, survivors, i) >= 0;
        }

        /** How many classes are still in the chain. */
        public int survivors() {
            return survivors;
        }

        /** Whether its survivors' array is its own: a filter's stage that computed them. */
        private boolean ownsClasses() {
            return origin == this && step != null && step != Step.TEMPERATURE;
        }

        /**
         * Whether this stage's distribution is known to be {@code other}'s without comparing
         * them: a stage that changed nothing shares its predecessor's, and a stage that
         * {@link SamplerChain#stages(Stage, Stage[])} took over from an earlier run is that
         * run's. A page redraws what depends on the final distribution only when it is not.
         */
        public boolean sameDistributionAs(Stage other) {
            return other != null && origin == other.origin;
        }

        /** Retired, or passing on the distribution of a stage that is: its array may be another's. */
        private boolean gone() {
            return retired || origin.retired;
        }

        private double[] distribution() {
            if (gone()) {
                throw new IllegalStateException(GONE);
            }
            return probabilities;
        }

        /**
         * {@link Sampling#counts}{@code (probabilities(), n, seed)}, without copying the
         * distribution and with the running sums over the surviving classes only.
         *
         * @throws IllegalArgumentException for n outside [0, {@link Sampling#MAX_DRAWS}]
         * @throws IllegalStateException for a retired stage (see {@link SamplerChain#stages(Stage, Stage[])})
         */
        public int[] counts(int n, int seed) {
            return counts(n, seed, null);
        }

        /**
         * {@link #counts(int, int)} into {@code reuse} if it holds K ints (what it held is
         * overwritten), else into a new array: a page that draws again on every move of T hands
         * back its last counts, for at K = 50,257 a new array a move cost more than the draws.
         *
         * @throws IllegalArgumentException for n outside [0, {@link Sampling#MAX_DRAWS}]
         * @throws IllegalStateException for a retired stage (see {@link SamplerChain#stages(Stage, Stage[])})
         */
        public int[] counts(int n, int seed, int[] reuse) {
            double[] distribution = distribution();
            return Sampling.counts(distribution, survivors == distribution.length ? null : alive, survivors, n, seed, reuse);
        }

        /**
         * The survivors' total mass under the input distribution (the softmax of z at T = 1),
         * summed in double-double and rounded once.
         */
        public double originalMass() {
            return originalMass;
        }

        /** The entropy of the stage's distribution in nats, bit for bit {@link Softmax#entropy}'s. */
        public double entropy() {
            return entropy;
        }

        /** exp(H), the effective number of classes, from a double-double exponential. */
        public double effectiveClasses() {
            return effectiveClasses;
        }
    }
}
