package dev.softmaxexplorer.web.text;

import dev.softmaxexplorer.core.Format;
import dev.softmaxexplorer.core.Pipeline.Break;
import dev.softmaxexplorer.core.Pipeline.Fault;
import dev.softmaxexplorer.core.Pipeline.Mode;
import dev.softmaxexplorer.core.Pipeline.Trace;
import dev.softmaxexplorer.core.Precision;
import java.util.List;

/**
 * The one sentence that says why a computation broke: which step first produced Infinity or NaN,
 * for which class, and the threshold of the precision that it crossed.
 */
public final class Explanation {
    private Explanation() {
    }

    /** The sentence for the trace's first break, or the empty string when nothing broke. */
    public static String of(Trace trace, List<String> names) {
        if (trace.firstBreak().isEmpty()) {
            return "";
        }
        Break at = trace.firstBreak().get();
        Precision precision = trace.precision();
        String format = precision.displayName();
        String max = Format.significant(precision.maxFinite(), 5);
        String value = word(at.fault());
        switch (at.step()) {
            case LOGIT:
                return "The logit of " + names.get(at.index()) + " is too large for " + format
                        + " (largest finite value " + max + "), so it is " + value
                        + " before anything is computed.";
            case TEMPERATURE:
                return "T is too large for " + format + " (largest finite value " + max + ").";
            case SCALED:
                return "z / T for " + names.get(at.index()) + " is " + value + ": it exceeds " + format
                        + "'s largest finite value, " + max + ".";
            case MAX:
            case SHIFTED:
                return "z / T - max for " + names.get(at.index() < 0 ? 0 : at.index())
                        + " is NaN: with Infinity among the values, Infinity - Infinity has no answer.";
            case EXP:
                String exponent = Numbers.compact(exponentOf(trace, at.index()));
                return "e^" + exponent + " overflows " + format + " (e^x is finite only for x <= "
                        + Format.fixed(precision.expOverflowThreshold(), 2) + "), so " + names.get(at.index())
                        + "'s exponential is Infinity" + (trace.mode() == Mode.NAIVE
                                ? " and the probabilities become Infinity / Infinity = NaN. Subtracting the"
                                        + " maximum first keeps every exponent at or below 0."
                                : ".");
            case SUM:
                return "The sum of the exponentials overflows " + format + " (largest finite value " + max
                        + ") when " + names.get(at.index()) + "'s term is added, so every probability is"
                        + " divided by Infinity.";
            case PROBABILITY:
                return "The probability of " + names.get(at.index()) + " is " + value
                        + (at.fault() == Fault.NAN ? ": Infinity / Infinity has no answer." : ".");
            case LOG_SUM:
                return "log of the sum is " + value + " in " + format + ".";
            case LOG_PROBABILITY:
                return "log p of " + names.get(at.index()) + " is " + value
                        + (at.fault() == Fault.NEGATIVE_INFINITY
                                ? ": p underflowed to 0 in " + format + ", and log 0 = -Infinity."
                                : ".");
            default:
                throw new IllegalStateException("unknown step " + at.step());
        }
    }

    private static double exponentOf(Trace trace, int index) {
        return trace.mode() == Mode.STABLE ? trace.shifted()[index] : trace.scaled()[index];
    }

    private static String word(Fault fault) {
        switch (fault) {
            case POSITIVE_INFINITY:
                return "Infinity";
            case NEGATIVE_INFINITY:
                return "-Infinity";
            default:
                return "NaN";
        }
    }
}
