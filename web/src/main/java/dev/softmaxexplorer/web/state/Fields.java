package dev.softmaxexplorer.web.state;

import dev.softmaxexplorer.core.Pipeline.Mode;
import dev.softmaxexplorer.core.Precision;
import java.util.ArrayList;
import java.util.List;

/**
 * Every field of the {@link State}, each described once, in the order a link is read (so
 * {@code stress} before {@code k} before {@code z} before {@code c}). A new parameter of the page
 * is one row here plus its control and its panel.
 *
 * <p>Defaults, chosen so that a fresh page shows the most common textbook example and every
 * added class continues its pattern: 3 classes "Class 1".."Class 3" with logits {@code 2 - i}
 * ([2, 1, 0], then -1, -2, ...); true class 0; T = 1; no smoothing; the stable form in float64;
 * teacher logits {@code 4 - 2i} (the same ranking, more confident, so that distillation at T = 4
 * visibly softens them); sampling seed 42, N = 1000 draws, top-k and top-p off; learning rate 1;
 * not embedded (embedded: inputs, bars, small multiples and steps), colours and language
 * following the system; every test hook off.
 */
public final class Fields {
    private static final String WHOLE = "input.requirement.whole";
    private static final List<Field<?>> registered = new ArrayList<>();

    /** Stress mode: K up to {@link State#MAX_STRESS_CLASSES} (benchmarks; only a link sets it). */
    public static final FlagField STRESS = new FlagField("stress", "stress", Group.TEST, "input.field.stress");
    /** The number of classes K: the length of every class field. */
    public static final WholeField CLASS_COUNT = new WholeField("k", "k", Group.MODEL, "input.field.class-count",
            State.DEFAULT_CLASSES, State.MIN_CLASSES,
            s -> s.get(STRESS) ? State.MAX_STRESS_CLASSES : State.MAX_CLASSES, WHOLE);
    /** The logits z, one finite number a class. */
    public static final NumbersField LOGITS = new NumbersField("z", "logits", Group.MODEL, "input.field.logit",
            i -> 2 - i, true);
    /** The class names. */
    public static final NamesField NAMES = new NamesField("names", "names", Group.MODEL);
    /** The true class c, 0-based (PyTorch's convention for targets). */
    public static final WholeField TARGET = new WholeField("c", "target", Group.MODEL, "input.field.target", 0, 0,
            s -> s.classCount() - 1, "input.requirement.whole.first");
    /** The temperature T. */
    public static final NumberField TEMPERATURE = new NumberField("t", "temperature", Group.MODEL,
            "input.field.temperature", 1, Range.POSITIVE);
    /** The label smoothing eps. */
    public static final NumberField LABEL_SMOOTHING = new NumberField("eps", "labelSmoothing", Group.MODEL,
            "input.field.label-smoothing", 0, Range.ZERO_TO_ONE);
    /** Naive or stable softmax. */
    public static final ChoiceField<Mode> MODE = new ChoiceField<>("mode", "mode", Group.MACHINE, Mode.STABLE,
            Mode.values(), Mode::displayName, "input.mode");
    /** The format every intermediate is rounded to. */
    public static final ChoiceField<Precision> PRECISION = new ChoiceField<>("prec", "precision", Group.MACHINE,
            Precision.FLOAT64, Precision.values(), Precision::displayName, "input.precision");
    /** The teacher's logits of the distillation view. */
    public static final NumbersField TEACHER_LOGITS = new NumbersField("tz", "teacherLogits", Group.TEACHING,
            "input.field.teacher-logit", i -> 4 - 2 * i, false);
    /** The seed of the sampling generator: the same seed draws the same tokens. */
    public static final WholeField SAMPLING_SEED = new WholeField("seed", "samplingSeed", Group.TEACHING,
            "input.field.sampling-seed", 42, 0, s -> Integer.MAX_VALUE, WHOLE);
    /** How many tokens the sampling view draws. */
    public static final WholeField SAMPLE_COUNT = new WholeField("n", "sampleCount", Group.TEACHING,
            "input.field.sample-count", 1000, 1, s -> State.MAX_SAMPLE_COUNT, WHOLE);
    /**
     * Top-k filtering before sampling: keep the k most probable classes; 0 is off. Up to the
     * largest workbench vector, not the page's K: the sampler chain may run on a loaded vector.
     */
    public static final WholeField TOP_K = new WholeField("topk", "topK", Group.TEACHING, "input.field.top-k", 0, 0,
            s -> State.MAX_TOP_K, "input.requirement.whole.off");
    /** Top-p (nucleus) filtering before sampling; 1 is off. */
    public static final NumberField TOP_P = new NumberField("topp", "topP", Group.TEACHING, "input.field.top-p", 1,
            Range.ABOVE_ZERO_TO_ONE);
    /** The sampler chain's order and which of its steps are on (top-k and top-p above are its parameters). */
    public static final ChainField CHAIN = new ChainField("chain", "chain", Group.TEACHING);
    /** Min-p filtering in the chain: keep classes with p >= min-p times the top p; 0 is off. */
    public static final NumberField MIN_P = new NumberField("minp", "minP", Group.TEACHING, "input.field.min-p", 0,
            Range.ZERO_TO_ONE);
    /** Locally typical filtering in the chain: the mass to keep; 1 is off. */
    public static final NumberField TYPICAL_MASS = new NumberField("typical", "typicalMass", Group.TEACHING,
            "input.field.typical", 1, Range.ABOVE_ZERO_TO_ONE);
    /** The learning rate of the "one gradient step" button. */
    public static final NumberField LEARNING_RATE = new NumberField("lr", "learningRate", Group.TEACHING,
            "input.field.learning-rate", 1, Range.POSITIVE);
    /** The attention view's number of tokens n: the first n words of its sentence. */
    public static final WholeField ATTENTION_TOKENS = new WholeField("tokens", "attentionTokens", Group.TEACHING,
            "input.field.attention-tokens", 6, 2, s -> 8, WHOLE);
    /** The attention view's key dimension d_k. */
    public static final WholeField KEY_DIMENSION = new WholeField("dk", "keyDimension", Group.TEACHING,
            "input.field.key-dimension", 64, 1, s -> 1024, WHOLE);
    /** Whether the attention scores are left unscaled instead of divided by sqrt(d_k). */
    public static final FlagField UNSCALED = new FlagField("unscaled", "unscaled", Group.TEACHING,
            "input.field.unscaled");
    /** Whether each query sees only the keys up to its own position. */
    public static final FlagField CAUSAL = new FlagField("causal", "causal", Group.TEACHING, "input.field.causal");
    /**
     * The seed of the attention view's query and key vectors: its own field, so that new sampling
     * draws never change the attention example and a link to either reproduces it alone.
     */
    public static final WholeField ATTENTION_SEED = new WholeField("aseed", "attentionSeed", Group.TEACHING,
            "input.field.attention-seed", 1, 0, s -> Integer.MAX_VALUE, WHOLE);
    /** The calibration view's T, tried on its validation set: not the page's {@link #TEMPERATURE}. */
    public static final NumberField CALIBRATION_TEMPERATURE = new NumberField("ct", "calibrationTemperature",
            Group.TEACHING, "input.field.calibration-temperature", 1, Range.POSITIVE);
    /** The calibration view's number of confidence bins. */
    public static final ChoiceField<BinCount> CALIBRATION_BINS = new ChoiceField<>("bins", "calibrationBins",
            Group.TEACHING, BinCount.TEN, BinCount.values(), BinCount::key, "input.calibration-bins");
    /** The compact layout for iframes. */
    public static final FlagField EMBED = new FlagField("embed", "embed", Group.PAGE, "input.field.embed");
    /** The views an embedding keeps; the full page shows every view whatever this says. */
    public static final ViewsField VIEWS = new ViewsField("views", "views", Group.PAGE, View.KEPT_BY_DEFAULT);
    /** The lesson step shown, from 1; 0 when the lessons are closed. */
    public static final WholeField LESSON = new WholeField("lesson", "lesson", Group.PAGE, "input.field.lesson", 0, 0,
            s -> Lesson.values().length, "input.requirement.whole.off");
    /** The colour scheme. */
    public static final ChoiceField<ColorScheme> COLOR_SCHEME = new ChoiceField<>("scheme", "colorScheme",
            Group.PAGE, ColorScheme.AUTO, ColorScheme.values(), ColorScheme::key, "input.scheme");
    /**
     * The language of the page's words; {@link Language#AUTO} follows the browser. Never refused:
     * a value the page does not know reads as English, as a link from a translated copy should.
     */
    public static final ChoiceField<Language> LANGUAGE = new ChoiceField<>("lang", "language", Group.PAGE,
            Language.AUTO, Language::key, Language::fromLink, null);
    /** The fuzz mode's seed: random input fires at the controls every frame; 0 is off. */
    public static final WholeField FUZZ_SEED = new WholeField("fuzz", "fuzzSeed", Group.TEST,
            "input.field.fuzz-seed", 0, 0, s -> Integer.MAX_VALUE, WHOLE);
    /** Whether the page checks its invariants after every update. */
    public static final FlagField CHECKS = new FlagField("check", "checks", Group.TEST, "input.field.checks");

    /** Every field, in the order above. */
    public static final List<Field<?>> ALL = List.copyOf(registered);

    private Fields() {
    }

    /** Adds a field to the table as it is made; returns its index. */
    static int register(Field<?> field) {
        registered.add(field);
        return registered.size() - 1;
    }

    /** The field with this link key, or null. */
    public static Field<?> byKey(String key) {
        for (Field<?> f : ALL) {
            if (f.key().equals(key)) {
                return f;
            }
        }
        return null;
    }
}
