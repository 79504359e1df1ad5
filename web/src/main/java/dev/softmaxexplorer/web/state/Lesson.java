package dev.softmaxexplorer.web.state;

/**
 * The guided path through the ideas, in order: each step is one task the page checks from the
 * state ({@code lesson=4} in a link opens the fourth). The words are in the string tables under
 * {@code lessons.<key>.*}; each step points to the theory paragraph it illustrates.
 */
public enum Lesson {
    /** Move only z2 until class 2 is predicted. */
    PREDICTION("prediction", "theory-temperature"),
    /** Find a T where every class keeps more than 20%. */
    FLATTEN("flatten", "theory-temperature"),
    /** A small T sharpens p but keeps the predicted class. */
    ARGMAX("argmax", "theory-temperature"),
    /** Adding the same number to every logit changes nothing. */
    SHIFT("shift", "theory-max"),
    /** Naive softmax in float16 overflows. */
    OVERFLOW("overflow", "theory-max"),
    /** Subtracting the maximum fixes it. */
    STABLE("stable", "theory-max"),
    /** The loss is -log p of the true class. */
    LOW_LOSS("low-loss", "theory-cross-entropy"),
    /** Label smoothing puts a floor under the loss. */
    FLOOR("floor", "theory-smoothing"),
    /** Gradient steps slow down as p nears the target. */
    GRADIENT("gradient", "theory-gradient"),
    /** Many draws follow p. */
    SAMPLING("sampling", "theory-temperature"),
    /** Sparsemax reaches one-hot at a finite T, softmax never does. */
    SPARSE("sparse", "theory-sparse"),
    /** Unscaled attention collapses as d_k grows. */
    ATTENTION("attention", "theory-attention"),
    /** Temperature scaling near the fitted T calibrates an over-confident model. */
    CALIBRATION("calibration", "theory-calibration");

    /** The smallest share every class must keep in {@link #FLATTEN}. */
    public static final double FLAT_SHARE = 0.2;
    /** The temperature {@link #ARGMAX} asks for, or less. */
    public static final double SHARP_TEMPERATURE = 0.1;
    /** The loss {@link #LOW_LOSS} asks to get under. */
    public static final double LOW_LOSS_TARGET = 0.1;
    /** The smoothing {@link #FLOOR} and {@link #GRADIENT} ask for, or more. */
    public static final double SMOOTHING = 0.1;
    /** How close to its floor the loss must come in {@link #FLOOR}. */
    public static final double NEAR_FLOOR = 0.01;
    /** How close {@link #GRADIENT}'s steps must bring it: where a step barely changes the loss. */
    public static final double AT_FLOOR = 0.001;
    /** The temperature {@link #SPARSE} starts from, where sparsemax of [2, 1, 0] keeps two classes. */
    public static final double SPARSE_START = 2;
    /** The d_k {@link #ATTENTION} asks for unscaled, or more. */
    public static final int LARGE_DIMENSION = 512;
    /** The calibration T {@link #CALIBRATION} asks for: around the seeded set's fitted T (2.495). */
    public static final double CALIBRATED_LOW = 2;
    public static final double CALIBRATED_HIGH = 3;
    /** The draws {@link #SAMPLING} asks for, or more. */
    public static final int DRAWS = 10_000;

    private final String key;
    private final String theoryId;

    Lesson(String key, String theoryId) {
        this.key = key;
        this.theoryId = theoryId;
    }

    /** The step's key in the string tables. */
    public String key() {
        return key;
    }

    /** The id of the theory paragraph the step illustrates. */
    public String theoryId() {
        return theoryId;
    }

    /** The step's number in the link and on the page, from 1. */
    public int number() {
        return ordinal() + 1;
    }

    /** The step with this number, from 1. */
    public static Lesson numbered(int number) {
        return values()[number - 1];
    }
}
