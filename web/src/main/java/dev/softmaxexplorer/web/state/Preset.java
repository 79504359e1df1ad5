package dev.softmaxexplorer.web.state;

import java.util.List;

/**
 * The logits of worked examples that textbooks and blog posts use, one button each on the page.
 * Applying a preset ({@link #appliedTo}) replaces the classes and logits and keeps
 * every other choice (T, mode, precision, ...), so that a reader can, say, switch to the naive
 * form first and then load the overflow example.
 */
public enum Preset {
    /** The most common textbook example: p = 0.665, 0.245, 0.090; loss 0.408. */
    TEXTBOOK("2, 1, 0", new double[] {2, 1, 0}, null, null),
    /** Widely printed with wrong probabilities; correct: 0.659, 0.242, 0.099. */
    SMALL_LAST("2, 1, 0.1", new double[] {2, 1, 0.1}, null, null),
    /** An image classifier's scores: 97.3 % cat. */
    CAT_DOG_BIRD("cat, dog, bird", new double[] {4.5, -1.2, 0.8}, new String[] {"cat", "dog", "bird"},
            "header.cat-dog-bird.names"),
    /** Close logits: the winner gets 0.576, not the 0.84 often printed. */
    CLOSE_CALL("10, 9, 9", new double[] {10, 9, 9}, null, null),
    /** e^1000 overflows float64: the naive form gives NaN, the stable one the same p as [2, 1, 0]. */
    OVERFLOW("1000, 999, 998", new double[] {1000, 999, 998}, null, null),
    /** Two classes: softmax equals the sigmoid of the difference of the logits. */
    TWO_CLASSES("two classes", new double[] {1, 0}, null, null);

    private final String label;
    private final double[] logits;
    private final String[] names;
    private final String namesKey;

    Preset(String label, double[] logits, String[] names, String namesKey) {
        this.label = label;
        this.logits = logits;
        this.names = names;
        this.namesKey = namesKey;
    }

    /** The short text of the preset's button. */
    public String label() {
        return label;
    }

    /** The preset's logits (a copy); their number is the number of classes. */
    public double[] logits() {
        return logits.clone();
    }

    /**
     * The class names of the preset (a copy), or the default names "Class 1".."Class K" when the
     * example has no names of its own.
     */
    public String[] names() {
        if (names != null) {
            return names.clone();
        }
        String[] defaults = new String[logits.length];
        for (int i = 0; i < defaults.length; i++) {
            defaults[i] = State.defaultName(i);
        }
        return defaults;
    }

    /**
     * The string-table key of the example's own names in the page's language, as a comma-separated
     * list ("猫,犬,鳥"); null when it has none. The state keeps {@link #names()}, in English, unless
     * the page words them.
     */
    public String namesKey() {
        return namesKey;
    }

    /** The default state with this preset applied. */
    public State state() {
        return appliedTo(State.defaults());
    }

    /**
     * {@code state} with this preset's classes and logits: the true class is clamped to its K,
     * teacher logits kept where the class still exists, everything else kept.
     */
    public State appliedTo(State state) {
        return state.with(Fields.CLASS_COUNT, logits.length).with(Fields.LOGITS, logits())
                .with(Fields.NAMES, List.of(names()));
    }
}
