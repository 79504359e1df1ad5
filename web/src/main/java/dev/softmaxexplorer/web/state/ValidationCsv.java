package dev.softmaxexplorer.web.state;

import dev.softmaxexplorer.core.Format;
import dev.softmaxexplorer.core.ValidationSet;
import dev.softmaxexplorer.web.text.Split;

/**
 * Reads a pasted validation set: one example a line, its label (the true class, 0-based as in
 * PyTorch) and then its K logits, separated by commas; spaces around a value and blank lines are
 * ignored, and numbers are read exactly (core's correctly rounded parser). Every row needs the
 * same K (at least 2). A refused text gives the first problem with its line number, so the page
 * can say which row and what is wrong.
 */
public final class ValidationCsv {
    /** The most logits a set may hold in all: the page evaluates the whole set every frame. */
    public static final int MAX_LOGITS = 200_000;

    private ValidationCsv() {
    }

    /** A set, or why the text is refused. */
    public record Outcome(ValidationSet set, Message problem) {
    }

    public static Outcome read(String text) {
        String[] lines = Split.at(text, '\n');
        double[][] rows = new double[lines.length][];
        int[] labels = new int[lines.length];
        int n = 0;
        int firstLine = 0;
        int total = 0;
        for (int line = 0; line < lines.length; line++) {
            String trimmed = lines[line].trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            String row = Integer.toString(line + 1);
            String[] cells = Split.at(trimmed, ',');
            if (cells.length < 3) {
                return refused(new Message("calibration.paste.short", "row", row));
            }
            int k = cells.length - 1;
            if (n > 0 && k != rows[0].length) {
                return refused(new Message("calibration.paste.ragged", "row", row, "count", Integer.toString(k),
                        "first", Integer.toString(firstLine + 1), "k", Integer.toString(rows[0].length)));
            }
            total += k;
            if (total > MAX_LOGITS) {
                return refused(new Message("calibration.paste.large", "max", Integer.toString(MAX_LOGITS)));
            }
            String labelText = cells[0].trim();
            double label = number(labelText);
            if (!(label >= 0 && label < k && label == Math.floor(label))) {
                return refused(new Message("calibration.paste.label", "row", row, "text", quoted(labelText),
                        "max", Integer.toString(k - 1)));
            }
            double[] logits = new double[k];
            for (int j = 0; j < k; j++) {
                String cell = cells[j + 1].trim();
                double v = number(cell);
                if (!(v - v == 0.0)) {
                    return refused(new Message("calibration.paste.logit", "row", row,
                            "column", Integer.toString(j + 1), "text", quoted(cell)));
                }
                logits[j] = v;
            }
            if (n == 0) {
                firstLine = line;
            }
            rows[n] = logits;
            labels[n] = (int) label;
            n++;
        }
        if (n == 0) {
            return refused(new Message("calibration.paste.empty"));
        }
        double[][] kept = new double[n][];
        int[] keptLabels = new int[n];
        System.arraycopy(rows, 0, kept, 0, n);
        System.arraycopy(labels, 0, keptLabels, 0, n);
        return new Outcome(new ValidationSet(kept, keptLabels), null);
    }

    /** The number a cell holds, or NaN when it holds none. */
    private static double number(String cell) {
        try {
            return Format.parse(cell);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** The cell as the message quotes it, shortened so a pasted paragraph does not fill the page. */
    private static String quoted(String cell) {
        return cell.length() > 24 ? cell.substring(0, 24) + "…" : cell;
    }

    private static Outcome refused(Message problem) {
        return new Outcome(null, problem);
    }
}
