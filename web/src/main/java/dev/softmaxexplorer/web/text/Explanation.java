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
 * for which class, and the threshold of the precision that it crossed. Core reports the break as
 * data (step, class, fault); the words are chosen here, one string-table key per case.
 */
public final class Explanation {
    private Explanation() {
    }

    /** The sentence for the trace's first break, or the empty string when nothing broke. */
    public static String of(Trace trace, List<String> names, Messages words) {
        if (trace.firstBreak().isEmpty()) {
            return "";
        }
        Break at = trace.firstBreak().get();
        Precision precision = trace.precision();
        String format = precision.displayName();
        String max = Format.significant(precision.maxFinite(), 5);
        String value = word(at.fault());
        String name = names.get(at.index() < 0 ? 0 : at.index());
        switch (at.step()) {
            case LOGIT:
                return words.format("explanation.logit", "className", name, "format", format, "max", max,
                        "value", value);
            case TEMPERATURE:
                return words.format("explanation.temperature", "format", format, "max", max);
            case SCALED:
                return words.format("explanation.scaled", "className", name, "format", format, "max", max,
                        "value", value);
            case MAX:
            case SHIFTED:
                return words.format("explanation.shifted", "className", name);
            case EXP:
                return words.format(trace.mode() == Mode.NAIVE ? "explanation.exp.naive" : "explanation.exp.stable",
                        "exponent", Numbers.compact(exponentOf(trace, at.index())), "format", format,
                        "threshold", Format.fixed(precision.expOverflowThreshold(), 2), "className", name);
            case SUM:
                return words.format("explanation.sum", "className", name, "format", format, "max", max);
            case PROBABILITY:
                return words.format(at.fault() == Fault.NAN ? "explanation.probability.nan"
                        : "explanation.probability", "className", name, "value", value);
            case LOG_SUM:
                return words.format("explanation.log-sum", "format", format, "value", value);
            case LOG_PROBABILITY:
                return words.format(at.fault() == Fault.NEGATIVE_INFINITY ? "explanation.log-probability.underflow"
                        : "explanation.log-probability", "className", name, "format", format, "value", value);
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
