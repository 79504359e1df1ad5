package dev.softmaxexplorer.web.text;

import dev.softmaxexplorer.core.Format;
import dev.softmaxexplorer.web.state.Fields;
import dev.softmaxexplorer.web.state.State;
import dev.softmaxexplorer.web.workbench.Loaded;
import dev.softmaxexplorer.web.workbench.ResultFiles;

/**
 * Python programs that recompute the page's exact numbers for the current logits, temperature,
 * true class and label smoothing: one in NumPy with the stable formula written out, one in
 * PyTorch through its own softmax, cross_entropy and autograd. Both work in float64, the
 * precision of core's exact results (the CSV and JSON exports), whatever precision and form the
 * page is currently emulating.
 *
 * <p>Every number is written with {@link Format#shortest} as a Python float literal ("2.0",
 * "-0.0", "1e-7"), so Python reads back exactly the page's doubles. Both programs print Python's repr of each value, the shortest
 * decimal that round-trips, so their output compares digit by digit with the CSV export.
 */
public final class CodeSnippet {
    private CodeSnippet() {
    }

    /** The NumPy program: x = z / T, m = max x, p = e^(x - m) / sum, log p, loss and dL/dz. */
    public static String numpy(State state) {
        return "import numpy as np\n"
                + "\n"
                + inputs(state, "np.array(", ", dtype=np.float64)", "target = " + Integer.toString(state.get(Fields.TARGET)))
                + numpyBody()
                + outputs();
    }

    /**
     * The NumPy program for a workbench vector: the same formula on the logits loaded from the
     * workbench's {@code logits.npy} download, printing the loss, the true class's p and the top
     * five classes rather than 50,000 numbers.
     */
    public static String numpy(State state, Loaded loaded) {
        return "import numpy as np\n"
                + "\n"
                + loadedInputs(state, loaded, "z = np.load(" + pythonString(ResultFiles.LOGITS) + ")\n",
                        "target = " + Integer.toString(loaded.target()))
                + numpyBody()
                + "top = np.argsort(-p, kind=\"stable\")[:5]  # ties to the lower index, as on the page\n"
                + loadedOutputs();
    }

    private static String numpyBody() {
        return "\n"
                + "x = z / T\n"
                + "m = x.max()\n"
                + "e = np.exp(x - m)  # every exponent is <= 0, so nothing overflows\n"
                + "s = e.sum()\n"
                + "p = e / s\n"
                + "log_p = x - m - np.log(s)\n"
                + "K = len(z)\n"
                + "y = np.full(K, eps / K)  # the label-smoothed target\n"
                + "y[target] += 1 - eps\n"
                + "loss = -(y * log_p).sum()\n"
                + "grad = (p - y) / T  # dL/dz\n"
                + "\n";
    }

    /**
     * The PyTorch program: cross_entropy takes the logits z / T (not probabilities) and applies
     * log-softmax itself; label_smoothing is PyTorch's own; the gradient comes from autograd.
     */
    public static String pytorch(State state) {
        return "import torch\n"
                + "import torch.nn.functional as F\n"
                + "\n"
                + inputs(state, "torch.tensor(", ", dtype=torch.float64, requires_grad=True)",
                        "target = torch.tensor([" + Integer.toString(state.get(Fields.TARGET)) + "])")
                + pytorchBody()
                + outputs();
    }

    /** The PyTorch program for a workbench vector, loading its {@code logits.npy} as {@link #numpy(State, Loaded)} does. */
    public static String pytorch(State state, Loaded loaded) {
        return "import numpy as np\n"
                + "import torch\n"
                + "import torch.nn.functional as F\n"
                + "\n"
                + loadedInputs(state, loaded, "z = torch.from_numpy(np.load(" + pythonString(ResultFiles.LOGITS)
                        + ")).requires_grad_()\n", "target = torch.tensor([" + Integer.toString(loaded.target()) + "])")
                + pytorchBody()
                + "top = torch.argsort(p, descending=True, stable=True)[:5]  # ties to the lower index, as on the page\n"
                + loadedOutputs();
    }

    private static String pytorchBody() {
        return "\n"
                + "x = z / T\n"
                + "p = torch.softmax(x, dim=0)\n"
                + "log_p = torch.log_softmax(x, dim=0)\n"
                + "# cross_entropy wants raw logits (here z / T), never probabilities\n"
                + "loss = F.cross_entropy(x.unsqueeze(0), target, label_smoothing=eps)\n"
                + "loss.backward()\n"
                + "grad = z.grad  # dL/dz by autograd\n"
                + "\n";
    }

    private static String inputs(State state, String arrayStart, String arrayEnd, String target) {
        StringBuilder names = new StringBuilder("names = [");
        StringBuilder logits = new StringBuilder("z = " + arrayStart + "[");
        for (int i = 0; i < state.classCount(); i++) {
            names.append(i > 0 ? ", " : "").append(pythonString(state.name(i)));
            logits.append(i > 0 ? ", " : "").append(pythonFloat(state.logit(i)));
        }
        return names.append("]\n").toString()
                + logits.append("]").append(arrayEnd).append("\n")
                + "T = " + pythonFloat(state.get(Fields.TEMPERATURE)) + "\n"
                + target + "  # index of the true class, counting from 0\n"
                + "eps = " + pythonFloat(state.get(Fields.LABEL_SMOOTHING)) + "  # label smoothing\n";
    }

    private static String loadedInputs(State state, Loaded loaded, String load, String target) {
        String source = loaded.source() == null ? "" : " of " + pythonString(loaded.source());
        return "# the workbench's download " + pythonString(ResultFiles.LOGITS) + ": the "
                + Integer.toString(loaded.size()) + " logits" + source + " as float64\n"
                + load
                + "T = " + pythonFloat(state.get(Fields.TEMPERATURE)) + "\n"
                + target + "  # index of the true class, counting from 0\n"
                + "eps = " + pythonFloat(state.get(Fields.LABEL_SMOOTHING)) + "  # label smoothing\n";
    }

    private static String loadedOutputs() {
        return "print(\"loss =\", repr(loss.item()))\n"
                + "print(\"p[target] =\", repr(p[target].item()))\n"
                + "print(\"top 5 =\", [(int(i), repr(p[i].item())) for i in top])\n";
    }

    private static String outputs() {
        return "print(\"classes =\", names)\n"
                + "print(\"p =\", repr(p.tolist()))\n"
                + "print(\"log_p =\", repr(log_p.tolist()))\n"
                + "print(\"loss =\", repr(loss.item()))\n"
                + "print(\"grad =\", repr(grad.tolist()))\n";
    }

    /** A float literal Python reads as exactly x: the shortest decimal, with ".0" where it has no point. */
    static String pythonFloat(double x) {
        String text = Format.shortest(x);
        return text.indexOf('.') >= 0 || text.indexOf('e') >= 0 ? text : text + ".0";
    }

    /**
     * A double-quoted Python string literal: backslash and quote escaped, and every character
     * Python or a terminal could take for something else (controls, separators, non-characters)
     * as an escape, so the text in the program is the name and nothing more.
     */
    static String pythonString(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c >= 0x7F && c <= 0x9F || c == 0x2028 || c == 0x2029
                    || Character.isSurrogate(c) && !isPaired(text, i)) {
                String hex = Integer.toHexString(c);
                out.append("\\u").append("0000".substring(hex.length())).append(hex);
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static boolean isPaired(String text, int i) {
        char c = text.charAt(i);
        return Character.isHighSurrogate(c) ? i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))
                : i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
    }
}
