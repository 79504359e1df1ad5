package dev.softmaxexplorer.web.chain;

import dev.softmaxexplorer.core.SamplerChain;
import dev.softmaxexplorer.core.SamplerChain.Step;
import java.util.Arrays;

/**
 * What the chain view asks of one run of the sampler chain: the running steps in order with
 * their parameters, the classes the view lists, and the draws (N and the seed). It travels to a
 * worker as numbers ({@link #numbers}), so two requests are equal when their numbers are.
 */
public final class ChainRequest {
    // Layout: steps, ordinals..., T, k, top-p, min-p, typical, N, seed, whole vector (1/0), listed, classes...
    private final double[] numbers;

    private ChainRequest(double[] numbers) {
        this.numbers = numbers;
    }

    /**
     * @param order the running steps, at least one
     * @param listed the classes the view lists, by index
     * @param vector whether the chain runs on a workbench vector (Gumbel-max then costs every class
     *     of it per draw, else only the survivors)
     */
    public static ChainRequest of(Step[] order, double temperature, int topK, double topP, double minP,
            double typicalMass, int[] listed, int n, int seed, boolean vector) {
        double[] numbers = new double[order.length + 10 + listed.length];
        int at = 0;
        numbers[at++] = order.length;
        for (Step step : order) {
            numbers[at++] = step.ordinal();
        }
        numbers[at++] = temperature;
        numbers[at++] = topK;
        numbers[at++] = topP;
        numbers[at++] = minP;
        numbers[at++] = typicalMass;
        numbers[at++] = n;
        numbers[at++] = seed;
        numbers[at++] = vector ? 1 : 0;
        numbers[at++] = listed.length;
        for (int i : listed) {
            numbers[at++] = i;
        }
        return new ChainRequest(numbers);
    }

    /**
     * A request from its numbers, as another thread sent them.
     *
     * @throws IllegalArgumentException if they are not a request's
     */
    public static ChainRequest fromNumbers(double[] numbers) {
        int steps = numbers.length > 0 ? (int) numbers[0] : -1;
        if (steps < 1 || steps > Step.values().length || numbers.length < steps + 10
                || numbers.length != steps + 10 + (int) numbers[steps + 9]) {
            throw new IllegalArgumentException("not a chain request: " + numbers.length + " numbers");
        }
        return new ChainRequest(numbers.clone());
    }

    /** The request as numbers, for another thread. */
    public double[] numbers() {
        return numbers.clone();
    }

    private int steps() {
        return (int) numbers[0];
    }

    private double after(int offset) {
        return numbers[steps() + 1 + offset];
    }

    /** The running steps, in order. */
    public Step[] order() {
        Step[] order = new Step[steps()];
        for (int s = 0; s < order.length; s++) {
            order[s] = Step.values()[(int) numbers[1 + s]];
        }
        return order;
    }

    public double temperature() {
        return after(0);
    }

    public int topK() {
        return (int) after(1);
    }

    public double topP() {
        return after(2);
    }

    public double minP() {
        return after(3);
    }

    public double typicalMass() {
        return after(4);
    }

    /** How many draws. */
    public int count() {
        return (int) after(5);
    }

    public int seed() {
        return (int) after(6);
    }

    /** Whether the chain runs on a workbench vector. */
    public boolean vector() {
        return after(7) == 1;
    }

    /** The listed classes, by index. */
    public int[] listed() {
        int[] listed = new int[(int) after(8)];
        for (int j = 0; j < listed.length; j++) {
            listed[j] = (int) after(9 + j);
        }
        return listed;
    }

    /** The chain the request runs (which checks the parameters). */
    public SamplerChain chain() {
        return new SamplerChain(order(), temperature(), topK(), topP(), minP(), typicalMass());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ChainRequest r && Arrays.equals(numbers, r.numbers);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(numbers);
    }
}
