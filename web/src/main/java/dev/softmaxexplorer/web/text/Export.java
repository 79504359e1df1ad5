package dev.softmaxexplorer.web.text;

import dev.softmaxexplorer.core.Format;
import dev.softmaxexplorer.core.SoftmaxResult;
import dev.softmaxexplorer.web.state.Fields;
import dev.softmaxexplorer.web.state.State;

/**
 * The current numbers as CSV and as JSON, for answer keys: the exact float64 results of core's
 * {@code Softmax} (not the chosen precision's), every number the shortest decimal that reads back
 * as the same double. JSON has no Infinity or NaN, so those are written as the strings
 * "Infinity", "-Infinity" and "NaN", as Python's json module and the project's fixtures do.
 */
public final class Export {
    private Export() {
    }

    public static String csv(State state, SoftmaxResult result) {
        StringBuilder out = new StringBuilder(
                "class,name,true_class,logit,probability,log_probability,gradient,temperature,label_smoothing,loss\n");
        for (int i = 0; i < state.classCount(); i++) {
            out.append(i + 1).append(',')
                    .append(csvText(state.name(i))).append(',')
                    .append(i == state.get(Fields.TARGET) ? 1 : 0).append(',')
                    .append(Format.shortest(state.logit(i))).append(',')
                    .append(Format.shortest(result.probability(i))).append(',')
                    .append(Format.shortest(result.logProbability(i))).append(',')
                    .append(Format.shortest(result.gradient(i))).append(',')
                    .append(Format.shortest(state.get(Fields.TEMPERATURE))).append(',')
                    .append(Format.shortest(state.get(Fields.LABEL_SMOOTHING))).append(',')
                    .append(Format.shortest(result.crossEntropy())).append('\n');
        }
        return out.toString();
    }

    public static String json(State state, SoftmaxResult result) {
        int k = state.classCount();
        double[] p = new double[k];
        double[] logp = new double[k];
        double[] gradient = new double[k];
        for (int i = 0; i < k; i++) {
            p[i] = result.probability(i);
            logp[i] = result.logProbability(i);
            gradient[i] = result.gradient(i);
        }
        StringBuilder out = new StringBuilder("{\n");
        out.append("  \"names\": [");
        for (int i = 0; i < k; i++) {
            out.append(i > 0 ? ", " : "").append(jsonText(state.name(i)));
        }
        out.append("],\n");
        field(out, "logits", numbers(state.get(Fields.LOGITS)));
        field(out, "temperature", number(state.get(Fields.TEMPERATURE)));
        field(out, "target", Integer.toString(state.get(Fields.TARGET)));
        field(out, "labelSmoothing", number(state.get(Fields.LABEL_SMOOTHING)));
        field(out, "probabilities", numbers(p));
        field(out, "logProbabilities", numbers(logp));
        field(out, "gradient", numbers(gradient));
        field(out, "loss", number(result.crossEntropy()));
        field(out, "entropy", number(result.entropy()));
        out.append("  \"predictedClass\": ").append(result.predictedClass()).append("\n}\n");
        return out.toString();
    }

    private static void field(StringBuilder out, String name, String value) {
        out.append("  \"").append(name).append("\": ").append(value).append(",\n");
    }

    private static String numbers(double[] values) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            out.append(i > 0 ? ", " : "").append(number(values[i]));
        }
        return out.append(']').toString();
    }

    private static String number(double x) {
        String text = Format.shortest(x);
        return Double.isNaN(x) || Double.isInfinite(x) ? "\"" + text + "\"" : text;
    }

    /**
     * A CSV field: quoted when it holds a comma, quote or line break; a leading = + - @ is
     * neutralised with an apostrophe so a spreadsheet does not run a class name as a formula.
     */
    static String csvText(String text) {
        String safe = !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
        boolean quote = safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0
                || safe.indexOf('\r') >= 0;
        return quote ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }

    static String jsonText(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                String hex = Integer.toHexString(c);
                out.append("\\u").append("0000".substring(hex.length())).append(hex);
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
