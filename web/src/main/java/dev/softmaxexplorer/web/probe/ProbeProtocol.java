package dev.softmaxexplorer.web.probe;

import dev.softmaxexplorer.core.Attention;
import dev.softmaxexplorer.core.AttentionSaturation;
import dev.softmaxexplorer.core.CalibrationResult;
import dev.softmaxexplorer.core.Format;
import dev.softmaxexplorer.core.InverseSoftmax;
import dev.softmaxexplorer.core.MachineVerdict;
import dev.softmaxexplorer.core.Pipeline;
import dev.softmaxexplorer.core.Precision;
import dev.softmaxexplorer.core.SamplerChain;
import dev.softmaxexplorer.core.Sampling;
import dev.softmaxexplorer.core.SeededGenerator;
import dev.softmaxexplorer.core.Softmax;
import dev.softmaxexplorer.core.SoftmaxResult;
import dev.softmaxexplorer.core.SoftmaxSummary;
import dev.softmaxexplorer.core.TokenFilter;
import dev.softmaxexplorer.core.Sparsemax;
import dev.softmaxexplorer.web.workbench.ByteSource;
import dev.softmaxexplorer.web.workbench.LogitText;
import dev.softmaxexplorer.web.workbench.NpyFile;
import dev.softmaxexplorer.core.ValidationSet;

/**
 * A line protocol that runs core functions on exactly encoded arguments and answers with exactly
 * encoded results. The same code runs on the JVM (in the test) and compiled by TeaVM (in the
 * browser), so two answers that differ in one character mean the two platforms computed different
 * bits.
 *
 * <p>Request: one call a line, {@code name;arg;arg...}; a double is its 16 hex digits of IEEE bits,
 * an array is such numbers separated by commas, an int is decimal, a precision or a mode its
 * enum name, a text argument is written as is. Answer: one line a call, the result in the same
 * encoding (several results separated by {@code |}), or {@code error:} and the exception's simple
 * class name.
 */
public final class ProbeProtocol {
    private ProbeProtocol() {
    }

    public static String run(String request) {
        StringBuilder answer = new StringBuilder();
        int start = 0;
        while (start < request.length()) {
            int end = request.indexOf('\n', start);
            if (end < 0) {
                end = request.length();
            }
            if (end > start) {
                answer.append(call(request.substring(start, end).split(";"))).append('\n');
            }
            start = end + 1;
        }
        return answer.toString();
    }

    private static String call(String[] a) {
        try {
            switch (a[0]) {
                case "softmax":
                    return array(Softmax.softmax(doubles(a[1]), number(a[2])));
                case "logSoftmax":
                    return array(Softmax.logSoftmax(doubles(a[1]), number(a[2])));
                case "logSumExp":
                    return hex(Softmax.logSumExp(doubles(a[1])));
                case "crossEntropy":
                    return hex(Softmax.crossEntropy(doubles(a[1]), number(a[2]), Integer.parseInt(a[3]),
                            number(a[4])));
                case "gradient":
                    return array(Softmax.gradient(doubles(a[1]), number(a[2]), Integer.parseInt(a[3]),
                            number(a[4])));
                case "entropy":
                    return hex(Softmax.entropy(doubles(a[1]), number(a[2])));
                case "perplexity":
                    return hex(Softmax.perplexity(doubles(a[1]), number(a[2]), Integer.parseInt(a[3]),
                            number(a[4])));
                case "argmax":
                    return Integer.toString(Softmax.argmax(doubles(a[1])));
                case "margin":
                    return hex(Softmax.margin(doubles(a[1]), number(a[2]), Integer.parseInt(a[3])));
                case "sigmoid":
                    return hex(Softmax.sigmoid(number(a[1])));
                case "logitFor":
                    return hex(InverseSoftmax.logitFor(doubles(a[1]), number(a[2]), Integer.parseInt(a[3]),
                            number(a[4])));
                case "evaluate":
                    return evaluate(Softmax.evaluate(doubles(a[1]), number(a[2]), Integer.parseInt(a[3]),
                            number(a[4])));
                case "summarize":
                    return summarize(doubles(a[1]), number(a[2]), Integer.parseInt(a[3]), number(a[4]));
                case "round":
                    return hex(Precision.valueOf(a[1]).round(number(a[2])));
                case "roundPair":
                    return hex(Precision.valueOf(a[1]).round(number(a[2]), number(a[3])));
                case "trace":
                    return trace(Pipeline.trace(doubles(a[1]), number(a[2]), Precision.valueOf(a[3]),
                            Pipeline.Mode.valueOf(a[4])), Integer.parseInt(a[5]), number(a[6]));
                case "shortest":
                    return Format.shortest(number(a[1]));
                case "parse":
                    return hex(Format.parse(a[1]));
                case "significant":
                    return Format.significant(number(a[1]), Integer.parseInt(a[2]));
                case "fixed":
                    return Format.fixed(number(a[1]), Integer.parseInt(a[2]));
                case "percent":
                    return Format.percent(number(a[1]), Integer.parseInt(a[2]));
                case "minP":
                    return array(TokenFilter.minP(doubles(a[1]), number(a[2])));
                case "typical":
                    return array(TokenFilter.typical(doubles(a[1]), number(a[2])));
                case "gumbelMax":
                    return ints(Sampling.gumbelMax(doubles(a[1]), number(a[2]), Integer.parseInt(a[3]),
                            Integer.parseInt(a[4])));
                case "chain":
                    return chain(new SamplerChain(a[1].equals("hf") ? SamplerChain.HUGGING_FACE_ORDER
                            : SamplerChain.LLAMA_CPP_ORDER, number(a[3]), Integer.parseInt(a[4]), number(a[5]),
                            number(a[6]), number(a[7])).stages(doubles(a[2])));
                case "sparse":
                    return sparse(doubles(a[1]), number(a[2]));
                case "attention":
                    return matrix(Attention.weights(matrix(a[1]), matrix(a[2]), number(a[3]),
                            Boolean.parseBoolean(a[4])));
                case "attentionEntropy":
                    return hex(Attention.entropy(doubles(a[1])));
                case "saturation":
                    return saturation(AttentionSaturation.sweep(Integer.parseInt(a[1]),
                            Boolean.parseBoolean(a[2]), Integer.parseInt(a[3]), Integer.parseInt(a[4])));
                case "fromBits":
                    return hex(Precision.valueOf(a[1]).fromBits(Integer.parseInt(a[2])));
                case "float64FromBits":
                    return hex(Precision.float64FromBits(Integer.parseInt(a[1]), Integer.parseInt(a[2])));
                case "verdict":
                    return verdict(MachineVerdict.of(doubles(a[1]), Precision.valueOf(a[2])), doubles(a[1]), number(a[3]));
                case "effectiveClassCount":
                    return hex(Softmax.evaluate(doubles(a[1]), number(a[2]), 0, 0).effectiveClassCount());
                case "benchText":
                    return benchText(Integer.parseInt(a[1]), Integer.parseInt(a[2]));
                case "benchNpy":
                    return benchNpy(Integer.parseInt(a[1]), Integer.parseInt(a[2]));
                case "calibration":
                    return calibration(ValidationSet.overconfident(Integer.parseInt(a[1]), Integer.parseInt(a[2]),
                            Integer.parseInt(a[3])), number(a[4]), Integer.parseInt(a[5]));
                case "calibrationBench":
                    return calibrationBench(Integer.parseInt(a[1]));
                case "bench":
                    return bench(Integer.parseInt(a[1]), Integer.parseInt(a[2]));
                case "benchWorkbench":
                    return benchWorkbench(Integer.parseInt(a[1]), Integer.parseInt(a[2]));
                case "benchChain":
                    return benchChain(Integer.parseInt(a[1]), Integer.parseInt(a[2]), Double.parseDouble(a[3]), Double.parseDouble(a[4]));
                case "slowPath":
                    return slowPath(Integer.parseInt(a[1]), Integer.parseInt(a[2]));
                case "slowPathCost":
                    return slowPathCost(Integer.parseInt(a[1]));
                default:
                    return "error:unknown " + a[0];
            }
        } catch (RuntimeException e) {
            return "error:" + e.getClass().getSimpleName();
        }
    }

    /**
     * Benchmark only: runs {@link Softmax#evaluate} {@code reps} times on seeded logits of length
     * {@code k} (T = 1, target 0, no smoothing) and answers {@code elapsed ms|checksum}; the
     * checksum (sum of the losses) keeps the work observable. Logits come from a golden-ratio
     * sequence in double arithmetic (no long, which TeaVM compiles to BigInt).
     */
    private static String bench(int k, int reps) {
        double[] logits = benchLogits(k);
        double checksum = 0;
        long start = System.nanoTime();
        for (int r = 0; r < reps; r++) {
            checksum += Softmax.evaluate(logits, 1.0, r % k, 0.0).crossEntropy();
        }
        double elapsed = (System.nanoTime() - start) / 1e6;
        return elapsed + "|" + checksum;
    }

    /**
     * Benchmark only: core's work of a workbench frame, {@code reps} times on seeded logits of
     * length {@code k} at temperatures from 0.25 to 14 (a T drag): the summary of the 20 top
     * classes and the true class 0, and each format's count of classes the stable pipeline keeps;
     * answers {@code elapsed ms|checksum}.
     */
    private static String benchWorkbench(int k, int reps) {
        double[] logits = benchLogits(k);
        MachineVerdict[] verdicts = new MachineVerdict[Precision.values().length];
        for (Precision p : Precision.values()) {
            verdicts[p.ordinal()] = MachineVerdict.of(logits, p);
        }
        int[] classes = new int[21];
        for (int j = 0; j < 20; j++) {
            classes[j] = j;
        }
        double checksum = 0;
        long start = System.nanoTime();
        for (int r = 0; r < reps; r++) {
            double t = Math.pow(2, (r % 40) / 10.0 - 2);
            checksum += Softmax.summarize(logits, t, 0, 0.0, classes).crossEntropy();
            for (MachineVerdict v : verdicts) {
                checksum += v.stableSurvivors(logits, t);
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e6;
        return elapsed + "|" + checksum;
    }

    /**
     * Benchmark only: core's work of a chain view's frame as T moves, {@code reps} times on
     * seeded logits of length {@code k} at temperatures from 0.25 to 14: Hugging Face's order
     * with the given top-p and min-p, each run handed the last, the same chain with the
     * temperature last (the view's order sentence) and 1,000 draws from the final stage into the
     * last draws' array, as the view does them; answers {@code elapsed ms|checksum}.
     */
    private static String benchChain(int k, int reps, double topP, double minP) {
        SamplerChain.Stage input = SamplerChain.input(benchLogits(k));
        SamplerChain.Stage[] ran = null;
        SamplerChain.Stage[] ranMoved = null;
        int[] counts = null;
        double checksum = 0;
        long start = System.nanoTime();
        for (int r = 0; r < reps; r++) {
            double t = Math.pow(2, (r % 40) / 10.0 - 2);
            SamplerChain chain = new SamplerChain(SamplerChain.HUGGING_FACE_ORDER, t, 0, topP, minP, 1.0);
            ran = chain.stages(input, ran);
            SamplerChain.Stage last = ran[ran.length - 1];
            if (chain.filters()) {
                ranMoved = chain.withTemperatureMoved().stages(input, ranMoved);
                checksum += ranMoved[ranMoved.length - 1].entropy();
            }
            counts = last.counts(1000, r, counts);
            checksum += last.entropy() + counts[0];
        }
        double elapsed = (System.nanoTime() - start) / 1e6;
        return elapsed + "|" + checksum;
    }

    private static String verdict(MachineVerdict v, double[] z, double t) {
        return hex(v.naiveOverflowsBelow()) + "|" + hex(v.naiveUnderflowsAtOrBelow()) + "|"
                + hex(v.stableKeepsOneAtOrBelow()) + "|" + hex(MachineVerdict.underflowThreshold(v.precision())) + "|"
                + v.stableSurvivors(z, t) + "|" + v.naiveOverflows(t) + "|" + v.naiveUnderflows(t);
    }

    /**
     * Benchmark only: reads {@code k} pasted logits (the seeded ones, written with four decimals
     * as PyTorch prints them, comma-separated) {@code reps} times with the workbench's text reader;
     * answers {@code elapsed ms|checksum}.
     */
    private static String benchText(int k, int reps) {
        double[] logits = benchLogits(k);
        StringBuilder text = new StringBuilder("tensor([[");
        for (double z : logits) {
            text.append(Format.fixed(z, 4)).append(", ");
        }
        String pasted = text.append("]])").toString();
        double checksum = 0;
        long start = System.nanoTime();
        for (int r = 0; r < reps; r++) {
            checksum += LogitText.read(pasted).value().logit(r % k);
        }
        double elapsed = (System.nanoTime() - start) / 1e6;
        return elapsed + "|" + checksum;
    }

    /**
     * Benchmark only: reads an {@code .npy} of {@code k} little-endian float32 logits (the seeded
     * ones) {@code reps} times, header and row; answers {@code elapsed ms|checksum}.
     */
    private static String benchNpy(int k, int reps) {
        double[] logits = benchLogits(k);
        String header = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + k + ",), }";
        StringBuilder padded = new StringBuilder(header);
        while ((10 + padded.length() + 1) % 64 != 0) {
            padded.append(' ');
        }
        padded.append('\n');
        int start = 10 + padded.length();
        byte[] bytes = new byte[start + 4 * k];
        byte[] magic = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, (byte) padded.length(), (byte) (padded.length() >> 8)};
        System.arraycopy(magic, 0, bytes, 0, magic.length);
        for (int i = 0; i < padded.length(); i++) {
            bytes[10 + i] = (byte) padded.charAt(i);
        }
        for (int i = 0; i < k; i++) {
            // The float32 pattern of a value that float32 holds exactly: k/64 in [-10, 10) steps of 1/64.
            int bits = float32Bits(Math.floor(logits[i] * 64) / 64);
            for (int b = 0; b < 4; b++) {
                bytes[start + 4 * i + b] = (byte) (bits >>> (8 * b));
            }
        }
        ByteSource source = ByteSource.of(bytes);
        double checksum = 0;
        long begin = System.nanoTime();
        for (int r = 0; r < reps; r++) {
            checksum += NpyFile.read(source).value().row(0).value().logit(r % k);
        }
        double elapsed = (System.nanoTime() - begin) / 1e6;
        return elapsed + "|" + checksum;
    }

    /** The float32 bits of a multiple of 1/64 in [-16, 16): sign, exponent and fraction by hand (no float). */
    private static int float32Bits(double x) {
        if (x == 0) {
            return 0;
        }
        int sign = x < 0 ? 0x80000000 : 0;
        double m = Math.abs(x);
        int exponent = Math.getExponent(m);
        int fraction = (int) ((m / Math.pow(2, exponent) - 1) * (1 << 23));
        return sign | ((exponent + 127) << 23) | fraction;
    }

    /**
     * Benchmark only: how often {@link Softmax#evaluate} takes its slow path on random inputs.
     * Runs {@code calls} calls on seeded random inputs (K in {3, 10, 100, 1000} in turn, logits
     * uniform over +-s with s = (1 + u) 2^j, j uniform in 0..10, T = (1 + u') 2^j', j' uniform in
     * -20..20, target and smoothing eps uniform; scalb, not pow, so that the JVM and the browser
     * draw the same inputs) and answers
     * {@code results|slow-path results|elapsed ms}, where a call has 3K + 3 results (p, log p and
     * gradient per class; loss, entropy, perplexity).
     */
    private static String slowPath(int calls, int seed) {
        SeededGenerator random = new SeededGenerator(seed);
        int[] sizes = {3, 10, 100, 1000};
        int results = 0;
        int before = Softmax.slowPathCount();
        long start = System.nanoTime();
        for (int n = 0; n < calls; n++) {
            int k = sizes[n % sizes.length];
            double scale = Math.scalb(1.0 + random.nextDouble(), (int) Math.floor(random.nextDouble() * 11));
            double[] z = new double[k];
            for (int i = 0; i < k; i++) {
                z[i] = (random.nextDouble() * 2 - 1) * scale;
            }
            double t = Math.scalb(1.0 + random.nextDouble(), (int) Math.floor(random.nextDouble() * 41) - 20);
            int target = (int) Math.floor(random.nextDouble() * k);
            Softmax.evaluate(z, t, target, random.nextDouble());
            results += 3 * k + 3;
        }
        double elapsed = (System.nanoTime() - start) / 1e6;
        return results + "|" + (Softmax.slowPathCount() - before) + "|" + elapsed;
    }

    /**
     * Benchmark only: the cost of the slow path. Times {@code reps} calls of {@link Softmax#evaluate}
     * on [0.5, 0.5] at T = 1, target 0, with eps = 1/4 (every result passes its rounding test) and
     * with eps = 3 * 2^-54 (both gradient components are exactly on a rounding midpoint, so both
     * take the slow path), and answers {@code fast ms|slow ms|slow-path results per call}.
     */
    private static String slowPathCost(int reps) {
        double[] z = {0.5, 0.5};
        double[] elapsed = new double[2];
        double[] smoothing = {0.25, 3 * 0x1p-54};
        int before = 0;
        for (int run = 0; run < 2; run++) {
            before = Softmax.slowPathCount();
            long start = System.nanoTime();
            for (int r = 0; r < reps; r++) {
                Softmax.evaluate(z, 1.0, 0, smoothing[run]);
            }
            elapsed[run] = (System.nanoTime() - start) / 1e6;
        }
        return elapsed[0] + "|" + elapsed[1] + "|" + (Softmax.slowPathCount() - before) / reps;
    }

    /**
     * A seeded validation set's results at T with that many bins, and its fitted temperature:
     * {@code nll|ece|accuracy|counts|correct|confidences|accuracies|fitted}, or the fitted T's
     * exception's class name.
     */
    private static String calibration(ValidationSet set, double t, int bins) {
        CalibrationResult r = set.evaluate(t, bins);
        double[] counts = new double[bins];
        double[] correct = new double[bins];
        double[] confidence = new double[bins];
        double[] accuracy = new double[bins];
        for (int m = 0; m < bins; m++) {
            counts[m] = r.count(m);
            correct[m] = r.correct(m);
            confidence[m] = r.confidence(m);
            accuracy[m] = r.accuracy(m);
        }
        String fitted;
        try {
            fitted = hex(set.fitTemperature());
        } catch (IllegalArgumentException e) {
            fitted = "none";
        }
        return hex(r.negativeLogLikelihood()) + "|" + hex(r.expectedCalibrationError()) + "|" + hex(r.accuracy())
                + "|" + array(counts) + "|" + array(correct) + "|" + array(confidence) + "|" + array(accuracy)
                + "|" + fitted;
    }

    /**
     * Benchmark only: what the calibration view computes per frame at its defaults, the seeded set
     * (1000 examples, K = 10) evaluated at a new T with 10 bins, {@code reps} times (T from 0.5 up
     * by 0.01); answers {@code elapsed ms per evaluation|checksum}.
     */
    private static String calibrationBench(int reps) {
        ValidationSet set = ValidationSet.overconfident(42, ValidationSet.SEEDED_SIZE, ValidationSet.SEEDED_CLASSES);
        double checksum = 0;
        long start = System.nanoTime();
        for (int r = 0; r < reps; r++) {
            checksum += set.evaluate(0.5 + r * 0.01, 10).expectedCalibrationError();
        }
        double elapsed = (System.nanoTime() - start) / 1e6;
        return elapsed / reps + "|" + checksum;
    }

    /** The benchmark's logits: z_i = 20 * frac(i * 0.6180339887498949) - 10. */
    public static double[] benchLogits(int k) {
        double[] z = new double[k];
        for (int i = 0; i < k; i++) {
            double x = i * 0.6180339887498949;
            z[i] = (x - Math.floor(x)) * 20 - 10;
        }
        return z;
    }

    private static String evaluate(SoftmaxResult r) {
        return array(r.probabilities()) + "|" + array(r.logProbabilities()) + "|" + array(r.gradient()) + "|"
                + hex(r.crossEntropy()) + "|" + hex(r.entropy()) + "|" + hex(r.perplexity()) + "|"
                + r.predictedClass();
    }

    /** {@link Softmax#summarize} choosing the target, the first and the last class. */
    private static String summarize(double[] z, double t, int target, double eps) {
        SoftmaxSummary r = Softmax.summarize(z, t, target, eps, new int[] {target, 0, z.length - 1});
        StringBuilder out = new StringBuilder();
        for (int j = 0; j < r.chosen(); j++) {
            out.append(hex(r.probability(j))).append(',').append(hex(r.logProbability(j))).append('|');
        }
        return out + hex(r.restMass()) + "|" + hex(r.crossEntropy()) + "|" + hex(r.entropy()) + "|"
                + hex(r.perplexity()) + "|" + hex(r.effectiveClassCount()) + "|" + r.predictedClass();
    }

    private static String trace(Pipeline.Trace t, int target, double labelSmoothing) {
        return array(t.logits()) + "|" + hex(t.temperature()) + "|" + array(t.scaled()) + "|" + hex(t.max()) + "|"
                + array(t.shifted()) + "|" + array(t.exps()) + "|" + hex(t.sum()) + "|" + array(t.probabilities())
                + "|" + hex(t.logSum()) + "|" + array(t.logProbabilities()) + "|"
                + t.firstBreak().map(b -> b.step() + ":" + b.index() + ":" + b.fault()).orElse("none") + "|"
                + hex(t.crossEntropy(target, labelSmoothing));
    }

    /** Every function of {@link Sparsemax} on one input, in one answer. */
    private static String sparse(double[] z, double t) {
        return array(Sparsemax.sparsemax(z, t)) + "|" + array(Sparsemax.entmax15(z, t)) + "|"
                + hex(Sparsemax.sparsemaxThreshold(z, t)) + "|" + hex(Sparsemax.entmax15Threshold(z, t)) + "|"
                + Sparsemax.sparsemaxSupport(z, t) + "|" + Sparsemax.entmax15Support(z, t) + "|"
                + hex(Sparsemax.sparsemaxOneHotTemperature(z)) + "|" + hex(Sparsemax.entmax15OneHotTemperature(z));
    }

    private static String saturation(AttentionSaturation.Point[] points) {
        StringBuilder text = new StringBuilder();
        for (AttentionSaturation.Point p : points) {
            text.append(p.dimension()).append(':').append(hex(p.scaledEntropy())).append(',')
                    .append(hex(p.unscaledEntropy())).append(',').append(hex(p.scaledLargest())).append(',')
                    .append(hex(p.unscaledLargest())).append('|');
        }
        return text.toString();
    }

    /** Rows of {@link #array} separated by {@code /}. */
    public static String matrix(double[][] rows) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < rows.length; i++) {
            if (i > 0) {
                text.append('/');
            }
            text.append(array(rows[i]));
        }
        return text.toString();
    }

    /** Inverse of {@link #matrix(double[][])}. */
    public static double[][] matrix(String text) {
        String[] parts = text.split("/");
        double[][] rows = new double[parts.length][];
        for (int i = 0; i < parts.length; i++) {
            rows[i] = doubles(parts[i]);
        }
        return rows;
    }

    /**
     * Every stage: its probabilities, survivors, original mass, entropy, exp(H) and the counts of
     * 100 seeded draws from it, stages separated by |.
     */
    private static String chain(SamplerChain.Stage[] stages) {
        StringBuilder out = new StringBuilder();
        for (SamplerChain.Stage stage : stages) {
            out.append(out.length() == 0 ? "" : "|").append(array(stage.probabilities())).append('/')
                    .append(stage.survivors()).append('/').append(hex(stage.originalMass())).append('/')
                    .append(hex(stage.entropy())).append('/').append(hex(stage.effectiveClasses())).append('/')
                    .append(ints(stage.counts(100, 11)));
        }
        return out.toString();
    }

    private static String ints(int[] values) {
        StringBuilder out = new StringBuilder();
        for (int v : values) {
            out.append(out.length() == 0 ? "" : ",").append(v);
        }
        return out.toString();
    }

    /** The 16 lowercase hex digits of a double's raw IEEE bits. */
    public static String hex(double x) {
        long bits = Double.doubleToRawLongBits(x);
        return hex8((int) (bits >>> 32)) + hex8((int) bits);
    }

    /** Inverse of {@link #hex(double)}. */
    public static double number(String hex) {
        long high = word(hex, 0) & 0xffffffffL;
        long low = word(hex, 8) & 0xffffffffL;
        return Double.longBitsToDouble(high << 32 | low);
    }

    public static String array(double[] xs) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < xs.length; i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(hex(xs[i]));
        }
        return text.toString();
    }

    public static double[] doubles(String text) {
        String[] parts = text.split(",");
        double[] xs = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            xs[i] = number(parts[i]);
        }
        return xs;
    }

    private static int word(String hex, int from) {
        int word = 0;
        for (int i = from; i < from + 8; i++) {
            word = word << 4 | Character.digit(hex.charAt(i), 16);
        }
        return word;
    }

    private static String hex8(int word) {
        String digits = Integer.toHexString(word);
        return "00000000".substring(digits.length()) + digits;
    }
}
