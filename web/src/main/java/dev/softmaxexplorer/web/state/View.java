package dev.softmaxexplorer.web.state;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The blocks of the page an embedding can keep ({@code views=bars,sweep} in the link); the full
 * page always shows them all. Each is one element of the page, found by its id; they are listed
 * in the page's order.
 */
public enum View {
    /** The guided path: one task at a time, checked from the state. */
    LESSONS("lessons", "lessons-view", 230),
    /** The logits, names, true class, T and the other inputs. */
    INPUTS("inputs", "inputs", 380),
    /** The probability bars with the loss and the prediction above them. */
    BARS("bars", "bars-part", 420),
    /** The same logits at T = 0.5, 1, 2 and 5. */
    MULTIPLES("multiples", "multiples-part", 190),
    /** The step-by-step table of the chosen machine. */
    STEPS("steps", "steps-part", 300),
    /** Your own logits, pasted or from a file, up to 131,072 classes (kept beside the link, not in it). */
    WORKBENCH("workbench", "workbench-view", 900),
    /** The -log p curve. */
    LOSS("loss", "loss-part", 420),
    /** Label smoothing: target beside probability. */
    SMOOTHING("smoothing", "smoothing-part", 380),
    /** The gradient bars, table and steps. */
    GRADIENT("gradient", "gradient-part", 620),
    /** Two classes: softmax against the sigmoid. */
    TWO_CLASS("twoclass", "two-class-part", 200),
    /** The temperature sweep. */
    SWEEP("sweep", "sweep-view", 760),
    /** Sampling from p. */
    SAMPLING("sampling", "sampling-view", 760),
    /** The sampler chain: its order, every stage, and Gumbel-max draws. */
    CHAIN("chain", "chain-view", 1400),
    /** Distillation with a teacher. */
    DISTILLATION("distillation", "distillation-view", 760),
    /** Softmax, entmax-1.5 and sparsemax side by side. */
    SPARSE("sparse", "sparse-view", 700),
    /** Attention weights and the square root of d_k as a temperature. */
    ATTENTION("attention", "attention-view", 1500),
    /** Calibration by temperature scaling: the reliability diagram of a validation set. */
    CALIBRATION("calibration", "calibration-view", 1000),
    /** The NumPy and PyTorch programs. */
    CODE("code", "code-view", 560),
    /** The predict-then-reveal quiz. */
    QUIZ("quiz", "quiz-view", 520);

    /** The views an embedding keeps unless its link chooses others: the explorer itself. */
    public static final Set<View> KEPT_BY_DEFAULT = Collections.unmodifiableSet(EnumSet.of(INPUTS, BARS, MULTIPLES,
            STEPS));

    private final String key;
    private final String elementId;
    private final int typicalHeight;

    View(String key, String elementId, int typicalHeight) {
        this.key = key;
        this.elementId = elementId;
        this.typicalHeight = typicalHeight;
    }

    /** The key as written in links: lower-case ASCII. */
    public String key() {
        return key;
    }

    /** The id of the page element that holds this view. */
    public String elementId() {
        return elementId;
    }

    /**
     * About how many CSS pixels tall this view is in the embedded layout at a course page's usual
     * width, so that the embed code can suggest an iframe height that fits what it shows.
     */
    public int typicalHeight() {
        return typicalHeight;
    }

}
