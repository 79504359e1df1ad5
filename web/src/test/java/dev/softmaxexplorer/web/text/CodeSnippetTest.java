package dev.softmaxexplorer.web.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.softmaxexplorer.core.LabelSmoothing;
import dev.softmaxexplorer.core.Softmax;
import dev.softmaxexplorer.core.SoftmaxResult;
import dev.softmaxexplorer.web.state.Fields;
import dev.softmaxexplorer.web.state.State;
import dev.softmaxexplorer.web.workbench.Loaded;
import dev.softmaxexplorer.web.workbench.LogitText;
import dev.softmaxexplorer.web.workbench.ResultFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CodeSnippetTest {
    /**
     * NumPy's exp and log are within a few ulp (about 1e-15 relative) and the textbook formula
     * adds a few roundings more; core is within an ulp of the exact values. 1e-12 relative leaves
     * three orders of magnitude of room for these benign states and still catches any wrong
     * formula, sign, temperature or smoothing (they change the numbers in the first digits).
     */
    private static final double TOLERANCE = 1e-12;

    /** Asked once per run: starting Python (and importing NumPy) takes seconds on a busy machine. */
    private static final Supplier<Boolean> PYTHON = once(() -> runs("python3", "-c", "pass"));
    private static final Supplier<Boolean> NUMPY = once(() -> runs("python3", "-c", "import numpy"));

    @TempDir
    Path dir;

    @Test
    void numpyProgramForTheDefaultState() {
        assertEquals("import numpy as np\n"
                + "\n"
                + "names = [\"Class 1\", \"Class 2\", \"Class 3\"]\n"
                + "z = np.array([2.0, 1.0, 0.0], dtype=np.float64)\n"
                + "T = 1.0\n"
                + "target = 0  # index of the true class, counting from 0\n"
                + "eps = 0.0  # label smoothing\n"
                + "\n"
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
                + "\n"
                + "print(\"classes =\", names)\n"
                + "print(\"p =\", repr(p.tolist()))\n"
                + "print(\"log_p =\", repr(log_p.tolist()))\n"
                + "print(\"loss =\", repr(loss.item()))\n"
                + "print(\"grad =\", repr(grad.tolist()))\n", CodeSnippet.numpy(State.defaults()));
    }

    @Test
    void pytorchProgramPassesLogitsToCrossEntropyAndUsesAutograd() {
        State state = State.defaults().with(Fields.TEMPERATURE, 0.3).with(Fields.LABEL_SMOOTHING, 0.1).with(Fields.TARGET, 2);
        String code = CodeSnippet.pytorch(state);
        assertTrue(code.contains("z = torch.tensor([2.0, 1.0, 0.0], dtype=torch.float64, requires_grad=True)\n"), code);
        assertTrue(code.contains("T = 0.3\ntarget = torch.tensor([2])"), code);
        assertTrue(code.contains("eps = 0.1  # label smoothing\n"), code);
        assertTrue(code.contains("x = z / T\n"), code);
        assertTrue(code.contains("loss = F.cross_entropy(x.unsqueeze(0), target, label_smoothing=eps)\n"
                + "loss.backward()\ngrad = z.grad"), code);
        assertTrue(code.endsWith("print(\"grad =\", repr(grad.tolist()))\n"), code);
    }

    @Test
    void numbersAreFloatLiteralsThatReadBackExactly() {
        assertEquals("2.0", CodeSnippet.pythonFloat(2));
        assertEquals("-0.0", CodeSnippet.pythonFloat(-0.0));
        assertEquals("1e-7", CodeSnippet.pythonFloat(1e-7));
        assertEquals("1e21", CodeSnippet.pythonFloat(1e21));
        assertEquals("0.1", CodeSnippet.pythonFloat(0.1));
        assertEquals("1.7976931348623157e308", CodeSnippet.pythonFloat(Double.MAX_VALUE));
        assertEquals("5e-324", CodeSnippet.pythonFloat(Double.MIN_VALUE));
    }

    @Test
    void namesAreEscapedAsPythonStrings() {
        assertEquals("\"cat\"", CodeSnippet.pythonString("cat"));
        assertEquals("\"say \\\"hi\\\" \\\\ bye\"", CodeSnippet.pythonString("say \"hi\" \\ bye"));
        assertEquals("\"\\u0085 \\u2028\"", CodeSnippet.pythonString("\u0085 \u2028"));
        assertEquals("\"caf\u00E9 \uD83D\uDC08\"", CodeSnippet.pythonString("caf\u00E9 \uD83D\uDC08"));
        assertEquals("\"x\\ud800\"", CodeSnippet.pythonString("x\uD800"));
    }

    @Test
    void bothProgramsAreValidPython() throws Exception {
        // PyTorch is not installed where this project is built, so its program is checked for syntax
        // here, and for its numbers by the NumPy twin below (same inputs, the same formulas that
        // PyTorch documents for softmax, log_softmax and cross_entropy with label_smoothing) and by
        // reading. The check needs only python3, which may be absent: CI installs just what .ci/run
        // installs, so the test is skipped then.
        assumeTrue(PYTHON.get(), "python3 is not installed");
        State state = State.defaults().with(Fields.CLASS_COUNT, 4).with(Fields.NAMES, Arrays.asList(new String[] {"a \"quoted\" name", "back\\slash",
                "caf\u00E9", "x'); import os  #"}));
        for (String code : List.of(CodeSnippet.numpy(state), CodeSnippet.pytorch(state))) {
            Path file = dir.resolve("snippet.py");
            Files.writeString(file, code, StandardCharsets.UTF_8);
            Result parsed = python("-c", "import ast, sys; ast.parse(open(sys.argv[1], encoding='utf-8').read())",
                    file.toString());
            assertEquals(0, parsed.exitCode, parsed.output + "\n" + code);
        }
    }

    static Stream<State> states() {
        Random random = new Random(20240605);
        double[] z = new double[10];
        for (int i = 0; i < z.length; i++) {
            // Logits with all 53 bits used, so the literals must really round-trip.
            z[i] = random.nextDouble() * 20 - 10;
        }
        State ten = State.defaults().with(Fields.CLASS_COUNT, 10).with(Fields.LOGITS, z).with(Fields.TARGET, 7).with(Fields.TEMPERATURE, 1.7)
                .with(Fields.LABEL_SMOOTHING, 0.05);
        return Stream.of(State.defaults(),
                State.defaults().with(Fields.TEMPERATURE, 0.3).with(Fields.LABEL_SMOOTHING, 0.1),
                State.defaults().with(Fields.LOGITS, new double[] {1000, 999, 998}),
                ten);
    }

    @ParameterizedTest
    @MethodSource("states")
    void numpyPrintsCoresNumbers(State state) throws Exception {
        // Needs python3 with NumPy. CI (.ci/run) installs neither, so there the test is skipped and the
        // programs are covered by the text tests above; on a machine with NumPy it runs for real.
        assumeTrue(NUMPY.get(), "python3 with numpy is not installed");
        Path file = dir.resolve("numpy_snippet.py");
        Files.writeString(file, CodeSnippet.numpy(state), StandardCharsets.UTF_8);
        Result run = python(file.toString());
        assertEquals(0, run.exitCode, run.output);
        Map<String, double[]> printed = parse(run.output);

        double[] z = state.get(Fields.LOGITS);
        double t = state.get(Fields.TEMPERATURE);
        int c = state.get(Fields.TARGET);
        double eps = state.get(Fields.LABEL_SMOOTHING);
        SoftmaxResult exact = Softmax.evaluate(z, t, c, eps);
        double[] y = LabelSmoothing.target(z.length, c, eps);
        for (int i = 0; i < z.length; i++) {
            assertClose(exact.probability(i), printed.get("p")[i], Math.abs(exact.probability(i)), "p[" + i + "]");
            // log p = x - m - log s: its error is relative to the operands, about 1 in size or more.
            assertClose(exact.logProbability(i), printed.get("log_p")[i],
                    Math.max(1, Math.abs(exact.logProbability(i))), "log_p[" + i + "]");
            // p - y can cancel; its error is relative to p and y, not to their difference.
            assertClose(exact.gradient(i), printed.get("grad")[i],
                    (exact.probability(i) + y[i]) / t, "grad[" + i + "]");
        }
        assertClose(exact.crossEntropy(), printed.get("loss")[0], exact.crossEntropy(), "loss");
    }

    /** A workbench vector of 300 seeded logits, read from text as a person pastes it. */
    private static Loaded workbenchVector() {
        Random random = new Random(50257);
        StringBuilder text = new StringBuilder("0.5");
        for (int i = 1; i < 300; i++) {
            text.append(", ").append(random.nextGaussian() * 3);
        }
        return Loaded.of(LogitText.read(text.toString()).value(), "model output.txt").withTarget(17);
    }

    @Test
    void workbenchProgramsLoadTheSavedLogitsInsteadOfInliningThem() throws Exception {
        Loaded loaded = workbenchVector();
        State state = State.defaults().with(Fields.TEMPERATURE, 0.7).with(Fields.LABEL_SMOOTHING, 0.1);
        String numpy = CodeSnippet.numpy(state, loaded);
        assertTrue(numpy.contains("# the workbench's download \"logits.npy\": the 300 logits of \"model output.txt\" as float64\n"
                + "z = np.load(\"logits.npy\")\nT = 0.7\ntarget = 17  # index"), numpy);
        assertTrue(numpy.length() < 2000, "no logit is inlined: " + numpy.length() + " characters");
        String pytorch = CodeSnippet.pytorch(state, loaded);
        assertTrue(pytorch.contains("z = torch.from_numpy(np.load(\"logits.npy\")).requires_grad_()\n"), pytorch);
        assertTrue(pytorch.contains("target = torch.tensor([17])"), pytorch);
        assumeTrue(PYTHON.get(), "python3 is not installed");
        Path file = dir.resolve("snippet.py");
        Files.writeString(file, pytorch, StandardCharsets.UTF_8);
        Result parsed = python("-c", "import ast, sys; ast.parse(open(sys.argv[1], encoding='utf-8').read())",
                file.toString());
        assertEquals(0, parsed.exitCode, parsed.output + "\n" + pytorch);
    }

    @Test
    void theWorkbenchNumPyProgramPrintsCoresNumbersFromTheSavedFile() throws Exception {
        // The whole path a person takes: the page writes logits.npy, NumPy's np.load reads it, the
        // program recomputes; its loss and p[target] must be core's, its top five the page's.
        assumeTrue(NUMPY.get(), "python3 with numpy is not installed");
        Loaded loaded = workbenchVector();
        State state = State.defaults().with(Fields.TEMPERATURE, 0.7).with(Fields.LABEL_SMOOTHING, 0.1);
        Files.write(dir.resolve(ResultFiles.LOGITS), ResultFiles.logits(loaded));
        Path file = dir.resolve("numpy_snippet.py");
        Files.writeString(file, CodeSnippet.numpy(state, loaded), StandardCharsets.UTF_8);
        Result run = python("-c", "import os, runpy, sys; os.chdir(sys.argv[1]); runpy.run_path(sys.argv[2])",
                dir.toString(), file.toString());
        assertEquals(0, run.exitCode, run.output);
        SoftmaxResult exact = loaded.evaluate(0.7, 0.1);
        String[] lines = run.output.split("\n");
        assertClose(exact.crossEntropy(), Double.parseDouble(lines[0].substring("loss = ".length())),
                exact.crossEntropy(), "loss");
        assertClose(exact.probability(17), Double.parseDouble(lines[1].substring("p[target] = ".length()).replace("'", "")),
                exact.probability(17), "p[target]");
        assertTrue(lines[2].startsWith("top 5 = [(" + loaded.ranked(0) + ", '"), lines[2]);
    }

    private static void assertClose(double expected, double actual, double scale, String what) {
        assertTrue(Math.abs(expected - actual) <= TOLERANCE * scale,
                what + ": core " + expected + ", NumPy " + actual);
    }

    /** The "name = value" lines the program prints; a list is read as its numbers, a scalar as one. */
    private static Map<String, double[]> parse(String output) {
        Map<String, double[]> values = new HashMap<>();
        for (String line : output.split("\n")) {
            int equals = line.indexOf(" = ");
            String name = line.substring(0, equals);
            if (name.equals("classes")) {
                continue;
            }
            String value = line.substring(equals + 3).replace("[", "").replace("]", "").trim();
            List<Double> numbers = new ArrayList<>();
            for (String item : value.split(",")) {
                numbers.add(Double.parseDouble(item.trim()));
            }
            values.put(name, numbers.stream().mapToDouble(Double::doubleValue).toArray());
        }
        return values;
    }

    private record Result(int exitCode, String output) {
    }

    private static Result python(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add("python3");
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "python3 did not finish");
        return new Result(process.exitValue(), output);
    }

    private static Supplier<Boolean> once(Supplier<Boolean> question) {
        Boolean[] answer = new Boolean[1];
        return () -> {
            if (answer[0] == null) {
                answer[0] = question.get();
            }
            return answer[0];
        };
    }

    private static boolean runs(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
