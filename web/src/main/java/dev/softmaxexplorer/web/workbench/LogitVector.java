package dev.softmaxexplorer.web.workbench;

import dev.softmaxexplorer.core.MachineVerdict;
import dev.softmaxexplorer.core.Precision;
import dev.softmaxexplorer.core.Softmax;
import dev.softmaxexplorer.core.SoftmaxResult;
import dev.softmaxexplorer.core.SoftmaxSummary;
import dev.softmaxexplorer.web.state.Message;
import dev.softmaxexplorer.web.state.ParseResult;

/**
 * A vector of logits brought to the page (pasted or read from a file), checked once: from
 * {@link #MIN_CLASSES} to {@link #MAX_CLASSES} values, none NaN, none +Infinity, at least one
 * finite (-Infinity masks a class, as everywhere on the page). Immutable: the values are never
 * handed out, only read one by one or copied.
 *
 * <p>{@code precision} is the format the numbers were stored in when the input says so (an
 * {@code .npy} dtype, a {@code dtype=} in a NumPy or PyTorch print), else null. The values are
 * the doubles the input denotes exactly: a float16 stays the double equal to it, a decimal
 * becomes the double nearest to it.
 */
public final class LogitVector {

    /** The fewest classes softmax makes sense for. */
    public static final int MIN_CLASSES = 2;
    /** The most classes read: above Llama 3's vocabulary of 128,256. */
    public static final int MAX_CLASSES = 131_072;

    private final double[] values;
    private final Precision precision;

    private LogitVector(double[] values, Precision precision) {
        this.values = values;
        this.precision = precision;
    }

    /**
     * The vector of the first {@code count} values of {@code values} (taken, not copied), or why
     * they cannot be logits, naming the first offending index (0-based, as NumPy counts).
     */
    static ParseResult<LogitVector> checked(double[] values, int count, Precision precision) {
        if (count == 0) {
            return ParseResult.rejected(new Message("workbench.problem.empty"));
        }
        if (count < MIN_CLASSES) {
            return ParseResult.rejected(new Message("workbench.problem.too-few", "count", Integer.toString(count)));
        }
        if (count > MAX_CLASSES) {
            return ParseResult.rejected(tooMany());
        }
        boolean finite = false;
        for (int i = 0; i < count; i++) {
            double v = values[i];
            if (v != v) {
                return ParseResult.rejected(new Message("workbench.problem.nan", "index", Integer.toString(i)));
            }
            if (v == Double.POSITIVE_INFINITY) {
                return ParseResult.rejected(new Message("workbench.problem.infinity", "index", Integer.toString(i)));
            }
            finite |= v != Double.NEGATIVE_INFINITY;
        }
        if (!finite) {
            return ParseResult.rejected(new Message("workbench.problem.all-masked"));
        }
        double[] kept = values.length == count ? values : java.util.Arrays.copyOf(values, count);
        return ParseResult.of(new LogitVector(kept, precision));
    }

    /** The refusal of an input with more than {@link #MAX_CLASSES} values. */
    static Message tooMany() {
        return new Message("workbench.problem.too-many", "max", "131,072");
    }

    /** The number of classes K. */
    public int size() {
        return values.length;
    }

    /** The logit of class i (0-based). */
    public double logit(int i) {
        return values[i];
    }

    /** A copy of the logits. */
    public double[] logits() {
        return values.clone();
    }

    /** Core's exact results at T for the true class c, without copying the vector. */
    SoftmaxResult evaluate(double temperature, int target, double labelSmoothing) {
        return Softmax.evaluate(values, temperature, target, labelSmoothing);
    }

    /** Core's exact summary at T for the true class c and the chosen classes, without copying the vector. */
    SoftmaxSummary summarize(double temperature, int target, double labelSmoothing, int[] classes) {
        return Softmax.summarize(values, temperature, target, labelSmoothing, classes);
    }

    /** The verdict's count of classes kept at T, without copying the vector. */
    int stableSurvivors(MachineVerdict verdict, double temperature) {
        return verdict.stableSurvivors(values, temperature);
    }

    /** The format the values were stored in, when the input said so; else null. */
    public Precision precision() {
        return precision;
    }
}
