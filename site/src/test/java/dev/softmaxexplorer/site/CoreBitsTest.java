package dev.softmaxexplorer.site;


import dev.softmaxexplorer.web.probe.ProbeProtocol;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Every public core function, run on the same inputs on the JVM and compiled by TeaVM in Chromium,
 * must give the same bits. TeaVM's JavaScript reassociates some double expressions and its Math
 * functions differ from the JVM's (docs/teavm.md), so exactness proven on the JVM alone proves nothing
 * about the page.
 */
class CoreBitsTest extends ProbeTest {
    private static final long SEED = 20261124L;
    /** Wanted probabilities for InverseSoftmax: a middle one that cancels, near 1, tiny, and 0. */
    private static final double[] INVERSE_PROBABILITIES = {1.0 / 3, 1 - 0x1p-53, 1e-300, 0};

    @Test
    void softmaxFunctionsGiveTheJvmBitsInChromium() {
        compare(softmaxCalls());
    }

    /** Min-p, typical, the sampler chain in both orders and Gumbel-max draws (issue 18). */
    @Test
    void samplerFunctionsGiveTheJvmBitsInChromium() {
        SplittableRandom random = new SplittableRandom(SEED + 2);
        List<String> calls = new ArrayList<>();
        for (int n = 0; n < 120; n++) {
            int k = n == 0 ? 2000 : 2 + random.nextInt(n % 3 == 0 ? 60 : 12);
            double[] z = new double[k];
            for (int i = 0; i < k; i++) {
                z[i] = random.nextInt(4) == 0 ? Math.floor(random.nextDouble() * 3) : (random.nextDouble() * 2 - 1) * 6;
            }
            String zText = ProbeProtocol.array(z);
            double[] p = dev.softmaxexplorer.core.Softmax.softmax(z, 1);
            String pText = ProbeProtocol.array(p);
            calls.add("minP;" + pText + ";" + ProbeProtocol.hex(random.nextDouble() * 0.5));
            calls.add("typical;" + pText + ";" + ProbeProtocol.hex(0.05 + random.nextDouble() * 0.9));
            String t = ProbeProtocol.hex(0.3 + random.nextDouble() * 3);
            String tail = ";" + t + ";" + random.nextInt(k + 1) + ";" + ProbeProtocol.hex(0.5 + random.nextDouble() / 2)
                    + ";" + ProbeProtocol.hex(random.nextDouble() * 0.3) + ";" + ProbeProtocol.hex(0.3 + random.nextDouble() * 0.7);
            calls.add("chain;hf;" + zText + tail);
            calls.add("chain;llama;" + zText + tail);
            if (k <= 60) {
                calls.add("gumbelMax;" + zText + ";" + t + ";200;" + random.nextInt());
            }
        }
        compare(calls);
    }

    @Test
    void precisionPipelineAndFormatGiveTheJvmBitsInChromium() {
        SplittableRandom random = new SplittableRandom(SEED + 1);
        List<String> calls = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            double x = anyDouble(random);
            String hx = ProbeProtocol.hex(x);
            for (String precision : new String[] {"FLOAT64", "FLOAT32", "FLOAT16", "BFLOAT16"}) {
                calls.add("round;" + precision + ";" + hx);
                calls.add("roundPair;" + precision + ";" + hx + ";" + ProbeProtocol.hex(x * 0x1p-60 * random.nextDouble()));
            }
            calls.add("sigmoid;" + hx);
            calls.add("shortest;" + hx);
            calls.add("significant;" + hx + ";" + (1 + random.nextInt(17)));
            calls.add("fixed;" + hx + ";" + random.nextInt(12));
            calls.add("percent;" + hx + ";" + random.nextInt(4));
            calls.add("parse;" + decimalText(random));
            int bits = random.nextInt();
            for (String precision : new String[] {"FLOAT32", "FLOAT16", "BFLOAT16"}) {
                calls.add("fromBits;" + precision + ";" + bits);
            }
            calls.add("float64FromBits;" + bits + ";" + random.nextInt());
        }
        double[][] logitSets = {{2, 1, 0}, {1000, 999, 998}, {11.09375, 0, 0}, {88.75, 0, 0}, {709.78, 0, 0},
            {-745, 0, 3}, {1e5, 1, -1e5}, {0.1, 0.2, 0.3, 0.4}, {5, -5, 4.999}, {-1e-300, 1e-300}};
        double[] temperatures = {1, 0.05, 0.3, 7, 1e-6, 60000};
        for (double[] z : logitSets) {
            for (double t : temperatures) {
                for (String precision : new String[] {"FLOAT64", "FLOAT32", "FLOAT16", "BFLOAT16"}) {
                    for (String mode : new String[] {"NAIVE", "STABLE"}) {
                        calls.add("trace;" + ProbeProtocol.array(z) + ";" + ProbeProtocol.hex(t) + ";" + precision + ";"
                                + mode + ";0;" + ProbeProtocol.hex(random.nextBoolean() ? 0 : 0.1));
                    }
                    calls.add("verdict;" + ProbeProtocol.array(z) + ";" + precision + ";" + ProbeProtocol.hex(t));
                }
            }
        }
        for (double[] z : logitSets) {
            calls.add("effectiveClassCount;" + ProbeProtocol.array(z) + ";" + ProbeProtocol.hex(0.7));
        }
        compare(calls);
    }

    /**
     * Sparsemax and entmax-1.5 (every function, one call per input), attention weights (fast
     * path, exact-dot-product cases and overflowing ones that take the exact path), row entropy
     * and the saturation sweep with its seeded N(0, 1) vectors.
     */
    @Test
    void sparseAndAttentionGiveTheJvmBitsInChromium() {
        SplittableRandom random = new SplittableRandom(SEED + 19);
        List<String> calls = new ArrayList<>();
        double[][] logitSets = {{2, 1, 0}, {1, 1, 0}, {0, 0, 0}, {1e308, 0, -1e308}, {5, -5, 4.999},
            {1, Double.NEGATIVE_INFINITY, 1, 0}, {1.0 / 3, 0, -1.0 / 3}, {1e-300, 0, -1e-300}};
        double[] temperatures = {1, 0.05, 0.3, 7, 1e-300, 4.9e-324, 1e300};
        for (double[] z : logitSets) {
            for (double t : temperatures) {
                calls.add("sparse;" + ProbeProtocol.array(z) + ";" + ProbeProtocol.hex(t));
            }
        }
        for (int i = 0; i < 200; i++) {
            double[] z = gaussians(random, 2 + random.nextInt(9), Math.pow(10, random.nextInt(-2, 3)));
            calls.add("sparse;" + ProbeProtocol.array(z) + ";" + ProbeProtocol.hex(Math.pow(10, random.nextDouble() * 4 - 2)));
        }
        for (int i = 0; i < 40; i++) {
            int n = 2 + random.nextInt(7);
            int d = 1 << random.nextInt(8);
            double[][] q = new double[n][];
            double[][] k = new double[n][];
            for (int r = 0; r < n; r++) {
                q[r] = gaussians(random, d, 1);
                k[r] = gaussians(random, d, 1);
            }
            double scale = random.nextBoolean() ? 1 / Math.sqrt(d) : 1;
            calls.add("attention;" + ProbeProtocol.matrix(q) + ";" + ProbeProtocol.matrix(k) + ";"
                    + ProbeProtocol.hex(scale) + ";" + random.nextBoolean());
        }
        calls.add("attention;" + ProbeProtocol.matrix(new double[][] {{1e20, 1, -1e20}}) + ";"
                + ProbeProtocol.matrix(new double[][] {{1, 1, 1}, {0, 0, 0}}) + ";" + ProbeProtocol.hex(1) + ";false");
        calls.add("attention;" + ProbeProtocol.matrix(new double[][] {{1e200, 1e200}}) + ";"
                + ProbeProtocol.matrix(new double[][] {{1e200, -1e200}, {1e200, 9e199}}) + ";"
                + ProbeProtocol.hex(1e-300) + ";false");
        calls.add("attentionEntropy;" + ProbeProtocol.array(new double[] {0.9, 0.1}));
        calls.add("saturation;6;false;1;3");
        calls.add("saturation;4;true;9;2");
        compare(calls);
    }

    /**
     * Calibration: seeded validation sets (the view's, small ones, two classes, more classes)
     * evaluated at ordinary and extreme temperatures with 1, 10 and 15 bins, and fitted.
     */
    @Test
    void calibrationGivesTheJvmBitsInChromium() {
        List<String> calls = new ArrayList<>();
        // The view's set (each call fits it again: a few calls only), then small sets everywhere.
        calls.add("calibration;42;1000;10;" + ProbeProtocol.hex(1) + ";10");
        calls.add("calibration;42;1000;10;" + ProbeProtocol.hex(2.5) + ";15");
        int[][] sets = {{1, 7, 2}, {2, 50, 3}, {3, 100, 40}};
        double[] temperatures = {1, 0.37, 2.5, 1e-6, 1e6, 4.9e-324};
        for (int[] set : sets) {
            for (double t : temperatures) {
                for (int bins : new int[] {1, 10, 15}) {
                    calls.add("calibration;" + set[0] + ";" + set[1] + ";" + set[2] + ";" + ProbeProtocol.hex(t)
                            + ";" + bins);
                }
            }
        }
        compare(calls);
    }

    /** Doubles of every magnitude and sign, subnormals, zeros and the format edges. */
    private static double anyDouble(SplittableRandom random) {
        return switch (random.nextInt(4)) {
            case 0 -> Double.longBitsToDouble(random.nextLong());
            case 1 -> (random.nextDouble() * 2 - 1) * Math.pow(10, random.nextInt(-12, 12));
            case 2 -> new double[] {0.0, -0.0, Double.MIN_VALUE, Double.MAX_VALUE, 65504, 65520, 3.4028235677973366e38,
                1.0009765625, 5.960464477539063e-08, 2.98e-8, 0.1, 0.5, 1e23, 9007199254740993.0}[random.nextInt(14)];
            default -> Math.rint(random.nextDouble() * 2000 - 1000) / 8;
        };
    }

    private static String decimalText(SplittableRandom random) {
        StringBuilder digits = new StringBuilder(random.nextBoolean() ? "-" : "");
        int length = 1 + random.nextInt(25);
        for (int i = 0; i < length; i++) {
            digits.append((char) ('0' + random.nextInt(10)));
            if (i == 0 && random.nextBoolean()) {
                digits.append('.');
            }
        }
        return digits + "e" + random.nextInt(-340, 320);
    }

    private static List<String> softmaxCalls() {
        List<Input> inputs = new ArrayList<>(List.of(
                new Input(new double[] {2, 1, 0}, 1, 0, 0),
                new Input(new double[] {1000, 0, 0, 0}, 1, 1, 0.1),
                new Input(new double[] {1, 325, 749, 750}, 1, 0, 0),
                new Input(new double[] {0, -40}, 1, 0, 0),
                new Input(new double[] {709, 0, 0}, 1, 2, 0),
                new Input(new double[] {1e308, 0, -1e308}, 1, 1, 0.1),
                new Input(new double[] {5, -5, 4.999}, 0.001, 2, 0),
                new Input(new double[] {2, 1, 0}, 0.1, 0, 0),
                new Input(new double[] {1000, 999, 998}, 1, 0, 0),
                new Input(new double[] {3, 1.5, 0.5}, 0.3, 1, 0.5),
                new Input(new double[] {-745, 0}, 1, 0, 0),
                new Input(new double[] {0, 1e-300}, 4.9e-324, 0, 1),
                // Cancellation cases (core's cancellation-cases.json), which take core's WideExp
                // refinement: log-sum-exp near 0, and gradient components with p_i near y_i.
                new Input(new double[] {-0.6931471805599453, -0.6931471805599453}, 1, 0, 0),
                new Input(new double[] {-1.0986122886681098, -1.0986122886681098, -1.0986122886681098}, 1, 0, 0),
                new Input(new double[] {-0.6931471805599453, -0.6931471805599454, -37.97082430516641,
                    -70.98144524731612}, 1, 0, 0),
                new Input(new double[] {0.0, 0.0, 0.0, -30.0}, 0.7, 0, 3.253254832774976e-19),
                new Input(new double[] {0.0, -1.25}, 0.7, 0, 0.28719793749692),
                new Input(new double[] {0.0, -2.0, -0.20756260676118168, -11.425390677529336, -21.87994711607998,
                    -31.577250935791458, -41.34277197142317, -51.01851918224128, -61.05536165474901,
                    -70.46997427738313}, 0.3, 0, 0.00847344175387572),
                new Input(new double[] {0.0, -4.0, -4.0, -4.0, -4.0, -4.0, -4.0, -4.0, -4.0, -4.0}, 1, 0,
                    0.15723727804642887)));
        SplittableRandom random = new SplittableRandom(SEED);
        inputs.add(new Input(gaussians(random, 4096, 3), 1.3, 17, 0.1));
        while (inputs.size() < 300) {
            inputs.add(randomInput(random));
        }
        List<String> calls = new ArrayList<>();
        for (Input in : inputs) {
            String z = ProbeProtocol.array(in.z);
            String t = ProbeProtocol.hex(in.t);
            String c = Integer.toString(in.target);
            String eps = ProbeProtocol.hex(in.eps);
            calls.add("softmax;" + z + ";" + t);
            calls.add("logSoftmax;" + z + ";" + t);
            calls.add("logSumExp;" + z);
            calls.add("crossEntropy;" + z + ";" + t + ";" + c + ";" + ProbeProtocol.hex(0));
            calls.add("crossEntropy;" + z + ";" + t + ";" + c + ";" + eps);
            calls.add("gradient;" + z + ";" + t + ";" + c + ";" + eps);
            calls.add("entropy;" + z + ";" + t);
            calls.add("perplexity;" + z + ";" + t + ";" + c + ";" + eps);
            calls.add("argmax;" + z);
            calls.add("margin;" + z + ";" + t + ";" + c);
            calls.add("evaluate;" + z + ";" + t + ";" + c + ";" + eps);
            calls.add("summarize;" + z + ";" + t + ";" + c + ";" + eps);
            for (double q : INVERSE_PROBABILITIES) {
                calls.add("logitFor;" + z + ";" + t + ";" + c + ";" + ProbeProtocol.hex(q));
            }
        }
        return calls;
    }

    /** Logits at every scale the page allows: ties, near-ties, huge spreads, subnormals. */
    private static Input randomInput(SplittableRandom random) {
        int[] sizes = {2, 3, 4, 10, 100, 1000};
        int k = sizes[random.nextInt(sizes.length)];
        double[] z = new double[k];
        int shape = random.nextInt(5);
        double scale = Math.pow(10, random.nextInt(-3, 4));
        for (int i = 0; i < k; i++) {
            z[i] = switch (shape) {
                case 0 -> (random.nextDouble() * 2 - 1) * scale;
                case 1 -> Math.rint(random.nextDouble() * 20 - 10);
                case 2 -> 1 + random.nextDouble() * 1e-9;
                case 3 -> (random.nextDouble() * 2 - 1) * Math.pow(10, random.nextInt(-320, 308));
                default -> random.nextGaussian() * 1e3;
            };
        }
        double t = Math.pow(10, random.nextDouble() * 8 - 4);
        double[] smoothing = {0, 0, 0.1, 1, random.nextDouble()};
        return new Input(z, t, random.nextInt(k), smoothing[random.nextInt(smoothing.length)]);
    }

    private static double[] gaussians(SplittableRandom random, int k, double sigma) {
        double[] z = new double[k];
        for (int i = 0; i < k; i++) {
            z[i] = random.nextGaussian() * sigma;
        }
        return z;
    }

    private record Input(double[] z, double t, int target, double eps) {
    }

}
