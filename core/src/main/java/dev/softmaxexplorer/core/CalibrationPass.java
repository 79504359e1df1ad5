package dev.softmaxexplorer.core;

/**
 * {@link Calibration#evaluate}'s per-example work for one validation set, kept lean because the
 * page repeats it for every move of a temperature slider: of each example's softmax it computes
 * only the two values calibration needs, the double-double loss {@code log S - d_y} and the
 * correctly rounded top probability {@code 1 / S}, from one compensated sum S per row, without
 * the probabilities of the other classes and without allocating per class.
 *
 * <p>Same bits as {@link Softmax}. The operations are those of {@code Softmax.Exponentials}
 * and {@code Softmax.crossEntropy} in the same order on the same values (d_i = (z_i - z_top) / T
 * as a double-double times 1 / T, its exponential as mantissa and exponent, the terms other than
 * the label's summed in index order at the largest exponent, then the label's, S = R + 1 and
 * log1p(R)), so the loss and the confidence are bit for bit theirs; {@code CalibrationPassTest}
 * compares the two on many seeded and extreme sets. A row whose differences or temperature leave
 * the moderate range where that quotient is a plain double-double product (a difference that
 * overflows, a T below 2^-60 or above 2^60, see {@code Softmax.Divisor}), or whose top
 * probability is too near a rounding boundary to be decided here, is handed to
 * {@code Softmax.Exponentials} itself.
 *
 * <p>What does not depend on T is found once per set: each row's predicted class (the largest
 * logit, the lowest index on ties), whether it is the label, and its differences z_j - z_top as
 * double-double sums, with the rows whose differences leave the moderate range marked for
 * {@code Softmax.Exponentials}. Immutable: each evaluation has its own scratch.
 */
final class CalibrationPass {

    private final double[][] logits;
    private final int[] labels;
    private final int[] tops;
    private final boolean[] hits;
    private final int hitCount;
    private final int classes;
    /** Row i's differences z_ij - z_i,top (0 for j = top and ties) at i K + j, hi and lo. */
    private final double[] differenceHi;
    private final double[] differenceLo;
    /** Rows with a difference that overflows or is not moderate: always by Exponentials. */
    private final boolean[] bySoftmax;

    /** For a set already checked by {@link Calibration#validateSet}; keeps the arrays, does not copy them. */
    CalibrationPass(double[][] logits, int[] labels) {
        this.logits = logits;
        this.labels = labels;
        int n = logits.length;
        classes = logits[0].length;
        tops = new int[n];
        hits = new boolean[n];
        differenceHi = new double[n * classes];
        differenceLo = new double[n * classes];
        bySoftmax = new boolean[n];
        MutableDoubleDouble d = new MutableDoubleDouble();
        int count = 0;
        for (int i = 0; i < n; i++) {
            double[] z = logits[i];
            int top = Softmax.argmax(z);
            tops[i] = top;
            hits[i] = top == labels[i];
            if (hits[i]) {
                count++;
            }
            for (int j = 0; j < classes; j++) {
                if (j == top) {
                    continue;
                }
                d.twoSum(z[j], -z[top]);
                if (d.hi - d.hi != 0.0) {
                    bySoftmax[i] = true;
                } else if (d.hi != 0.0) {
                    bySoftmax[i] |= !isModerate(d.hi, d.lo);
                    differenceHi[i * classes + j] = d.hi;
                    differenceLo[i * classes + j] = d.lo;
                }
            }
        }
        hitCount = count;
    }

    /** {@link Calibration#evaluate} at a temperature already checked, bins >= 1. */
    CalibrationResult evaluate(double temperature, int bins) {
        int n = logits.length;
        MutableDoubleDouble lossSum = new MutableDoubleDouble();
        double[] confidenceHi = new double[bins];
        double[] confidenceLo = new double[bins];
        int[] counts = new int[bins];
        int[] correct = new int[bins];
        MutableDoubleDouble binSum = new MutableDoubleDouble();
        Work w = new Work(classes, temperature);
        // Outside [2^-60, 2^60] the quotient by T is not a plain double-double product.
        boolean moderateT = temperature >= 0x1p-60 && temperature <= 0x1p60;
        for (int i = 0; i < n; i++) {
            if (moderateT && !bySoftmax[i]) {
                row(w, i, temperature);
            } else {
                rowBySoftmax(w, i, temperature);
            }
            lossSum.add(w.lossHi, w.lossLo);
            double confidence = w.confidence;
            int bin = Calibration.binOf(confidence, bins);
            counts[bin]++;
            binSum.set(confidenceHi[bin], confidenceLo[bin]).add(confidence);
            confidenceHi[bin] = binSum.hi;
            confidenceLo[bin] = binSum.lo;
            if (hits[i]) {
                correct[bin]++;
            }
        }
        return Calibration.result(temperature, lossSum.div(n).hi, n, hitCount, counts, correct, confidenceHi,
                confidenceLo);
    }

    /** The scratch of one {@link #evaluate} (so that a pass can be shared), and one row's results. */
    private static final class Work {
        /** Per-class mantissas of exp(d_i), hi and lo interleaved, and their exponents. */
        final double[] mantissas;
        final int[] exponents;
        final MutableDoubleDouble d = new MutableDoubleDouble();
        final MutableDoubleDouble e = new MutableDoubleDouble();
        final MutableDoubleDouble rest = new MutableDoubleDouble();
        final MutableDoubleDouble scratch = new MutableDoubleDouble();
        double lossHi;
        double lossLo;
        double confidence;
        /** 1 / T as {@code Softmax.Divisor} forms it, for a moderate T. */
        final DoubleDouble reciprocal;

        Work(int k, double t) {
            mantissas = new double[2 * k];
            exponents = new int[k];
            reciprocal = DoubleDouble.ONE.div(t);
        }
    }

    /** Row i's loss (double-double) and confidence at a moderate T, into w; the row is not bySoftmax. */
    private void row(Work w, int i, double t) {
        int k = classes;
        int top = tops[i];
        int label = labels[i];
        int base = i * k;
        double[] mantissas = w.mantissas;
        int[] exponents = w.exponents;
        MutableDoubleDouble d = w.d;
        MutableDoubleDouble e = w.e;
        MutableDoubleDouble rest = w.rest;
        MutableDoubleDouble scratch = w.scratch;
        int maxExponent = Integer.MIN_VALUE;
        double labelHi = 0.0;
        double labelLo = 0.0;
        for (int j = 0; j < k; j++) {
            double dh = differenceHi[base + j];
            double dl = differenceLo[base + j];
            if (dh == 0.0) {
                d.set(0.0, 0.0);
            } else if (t == 1.0) {
                d.set(dh, dl == 0.0 ? 0.0 : dl);
            } else {
                d.set(dh, dl).mul(w.reciprocal.hi, w.reciprocal.lo);
            }
            if (j == label) {
                labelHi = d.hi;
                labelLo = d.lo;
            }
            if (j != top && d.hi >= DoubleDouble.EXP_NEGLIGIBLE) {
                exponents[j] = e.exp(d);
                maxExponent = Math.max(maxExponent, exponents[j]);
                mantissas[2 * j] = e.hi;
                mantissas[2 * j + 1] = e.lo;
            } else {
                mantissas[2 * j] = 0.0;
                mantissas[2 * j + 1] = 0.0;
            }
        }
        rest.set(0.0, 0.0);
        for (int j = 0; j < k; j++) {
            if (j != label && mantissas[2 * j] != 0.0) {
                e.set(mantissas[2 * j], mantissas[2 * j + 1]).mulPow2(exponents[j] - maxExponent);
                rest.add(e.hi, e.lo);
            }
        }
        if (mantissas[2 * label] != 0.0) {
            e.set(mantissas[2 * label], mantissas[2 * label + 1]).mulPow2(exponents[label] - maxExponent);
            rest.add(e.hi, e.lo);
        }
        int restExponent = maxExponent == Integer.MIN_VALUE ? 0 : maxExponent;
        rest.mulPow2(restExponent);
        scratch.set(rest.hi, rest.lo);
        DoubleDouble.log1pInPlace(scratch, e);
        scratch.add(-labelHi, -labelLo);
        w.lossHi = scratch.hi;
        w.lossLo = scratch.lo;
        double errorScale = Softmax.Exponentials.errorScaleOf(k);
        // 1 / S with S = R + 1, as Exponentials' top probability.
        e.set(rest.hi, rest.lo).add(1.0);
        scratch.set(1.0, 0.0).div(e.hi, e.lo);
        if (CorrectRounding.decided(scratch.hi, scratch.lo, Math.abs(scratch.hi) * 2.0 * errorScale)) {
            w.confidence = scratch.hi;
        } else {
            rowBySoftmax(w, i, t);
        }
    }

    /** Row i by {@code Softmax.Exponentials}, for the rows {@link #row} does not take. */
    private void rowBySoftmax(Work w, int i, double t) {
        int label = labels[i];
        try (Softmax.Exponentials ex = new Softmax.Exponentials(logits[i], t, label)) {
            DoubleDouble loss = Softmax.crossEntropy(ex, label, 0.0);
            w.lossHi = loss.hi;
            w.lossLo = loss.lo;
            w.confidence = ex.probability(ex.top);
        }
    }

    /** The moderate pairs of {@code Softmax.isModerate}: hi in [2^-60, 2^60], lo 0 or at least 2^-600. */
    private static boolean isModerate(double hi, double lo) {
        double h = Math.abs(hi);
        double l = Math.abs(lo);
        return h >= 0x1p-60 && h <= 0x1p60 && (l == 0.0 || l >= 0x1p-600);
    }
}
