package dev.softmaxexplorer.web.state;

import dev.softmaxexplorer.core.SamplerChain;
import dev.softmaxexplorer.core.SamplerChain.Step;
import java.util.Arrays;

/**
 * The sampler chain a person built: all five steps in the order they chose, each on or off.
 * Immutable. In the link: the steps' keys in order, an off step with a leading "-"
 * ({@code chain=topk,-typical,topp,minp,temp}).
 */
public final class SamplerOrder {
    /** Hugging Face transformers' order, every step on (the page's default). */
    public static final SamplerOrder HUGGING_FACE = preset(SamplerChain.HUGGING_FACE_ORDER);
    /** llama.cpp's default order, every step on. */
    public static final SamplerOrder LLAMA_CPP = preset(SamplerChain.LLAMA_CPP_ORDER);

    private final Step[] steps;
    private final boolean[] on;

    SamplerOrder(Step[] steps, boolean[] on) {
        this.steps = steps.clone();
        this.on = on.clone();
    }

    private static SamplerOrder preset(Step[] order) {
        boolean[] on = new boolean[order.length];
        Arrays.fill(on, true);
        return new SamplerOrder(order, on);
    }

    /** The link key of a step. */
    public static String key(Step step) {
        return switch (step) {
            case TEMPERATURE -> "temp";
            case TOP_K -> "topk";
            case TOP_P -> "topp";
            case MIN_P -> "minp";
            case TYPICAL -> "typical";
        };
    }

    /** The step with this link key, or null. */
    static Step step(String key) {
        for (Step s : Step.values()) {
            if (key(s).equals(key)) {
                return s;
            }
        }
        return null;
    }

    /** How many steps (all five, on or off). */
    public int size() {
        return steps.length;
    }

    /** The step at position i. */
    public Step step(int i) {
        return steps[i];
    }

    /** Whether the step at position i is on. */
    public boolean on(int i) {
        return on[i];
    }

    /** The steps that are on, in order: the chain that runs. */
    public Step[] running() {
        int count = 0;
        for (boolean b : on) {
            count += b ? 1 : 0;
        }
        Step[] out = new Step[count];
        int next = 0;
        for (int i = 0; i < steps.length; i++) {
            if (on[i]) {
                out[next++] = steps[i];
            }
        }
        return out;
    }

    /** The same order with position i's step turned on or off. */
    public SamplerOrder switched(int i, boolean value) {
        boolean[] next = on.clone();
        next[i] = value;
        return new SamplerOrder(steps, next);
    }

    /**
     * The same chain with the step at position {@code from} taken out and put back at position
     * {@code to}, the steps between shifting by one, each keeping its on/off (a neighbour's
     * position gives a swap); itself when either position is outside the chain.
     */
    public SamplerOrder movedTo(int from, int to) {
        if (from < 0 || from >= steps.length || to < 0 || to >= steps.length) {
            return this;
        }
        Step[] s = steps.clone();
        boolean[] o = on.clone();
        int direction = to > from ? 1 : -1;
        for (int i = from; i != to; i += direction) {
            s[i] = steps[i + direction];
            o[i] = on[i + direction];
        }
        s[to] = steps[from];
        o[to] = on[from];
        return new SamplerOrder(s, o);
    }

    /** The same order of steps as {@code preset}, with every step on. */
    public boolean sameOrderAs(SamplerOrder preset) {
        return Arrays.equals(steps, preset.steps);
    }

    /** The link text. */
    public String linkText() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < steps.length; i++) {
            out.append(i == 0 ? "" : ",").append(on[i] ? "" : "-").append(key(steps[i]));
        }
        return out.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SamplerOrder other && Arrays.equals(steps, other.steps) && Arrays.equals(on, other.on);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(steps) + Arrays.hashCode(on);
    }

    @Override
    public String toString() {
        return linkText();
    }
}
