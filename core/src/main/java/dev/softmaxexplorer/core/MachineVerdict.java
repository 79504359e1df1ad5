package dev.softmaxexplorer.core;

/**
 * What a machine working in one {@link Precision} does to a vector of logits, decided from the
 * largest logit, the gap to the runner-up and the format's limits, for any temperature, without
 * running the pipeline over every class (a vocabulary of 131,072 classes costs one pass to make
 * this and a comparison per question):
 * <ul>
 * <li>the naive pipeline overflows when the largest scaled logit z_max / T exceeds
 *     {@link Precision#expOverflowThreshold()} (e^x rounds to Infinity, and p = Infinity /
 *     Infinity = NaN), that is for every T below z_max / threshold;</li>
 * <li>e^x rounds to 0 when x is at or below {@link #underflowThreshold} = (e_min - p) ln 2
 *     (e^x at most half the smallest subnormal 2^(e_min - p + 1), a tie that goes to even, 0);
 *     the naive pipeline then returns NaN (0 / 0) when even z_max / T is that low, which needs a
 *     negative z_max;</li>
 * <li>the stable pipeline never overflows: its largest term is e^0 = 1. It loses class i to
 *     zero when (z_i - z_max) / T is at or below the underflow threshold, so it keeps every class
 *     but the top one only when the gap to the runner-up allows it: for T at or below
 *     gap / -threshold it returns p = 1 for the top class and 0 for all others.</li>
 * </ul>
 * These are the decisions of the exact scaled values; the machine also rounds z and T to its
 * format first and adds its terms one by one, so within a rounding of a boundary (and for a naive
 * sum of very many large terms, which can overflow before any single term does) the step table of
 * {@link Pipeline} is the final word. The thresholds in T are correctly rounded quotients.
 */
public final class MachineVerdict {

    private static final double LN2_HI = 0x1.62e42fefa39efp-1;
    private static final double LN2_LO = 0x1.abc9e3b39803fp-56;

    private final Precision precision;
    private final double largest;
    private final double gap;

    private MachineVerdict(Precision precision, double largest, double gap) {
        this.precision = precision;
        this.largest = largest;
        this.gap = gap;
    }

    /**
     * The verdict for these logits in this format.
     *
     * @param logits at least one finite value; -Infinity masks a class; no NaN, no +Infinity
     * @throws IllegalArgumentException if logits is null, empty, holds NaN or +Infinity or no
     *     finite value, or precision is null
     */
    public static MachineVerdict of(double[] logits, Precision precision) {
        if (logits == null || logits.length == 0) {
            String was = logits == null ? "null" : "empty";
            throw new IllegalArgumentException("logits: must hold at least one value, was " + was);
        }
        if (precision == null) {
            throw new IllegalArgumentException("precision: must not be null");
        }
        double first = Double.NEGATIVE_INFINITY;
        double second = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < logits.length; i++) {
            double z = logits[i];
            if (z != z || z == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("logits[" + i + "]: must be finite or -Infinity, was "
                        + Format.shortest(z));
            }
            if (z > first) {
                second = first;
                first = z;
            } else if (z > second) {
                second = z;
            }
        }
        if (first == Double.NEGATIVE_INFINITY) {
            throw new IllegalArgumentException("logits: at least one must be finite");
        }
        // A tie at the top (gap 0) keeps two classes at any T.
        double gap = second == Double.NEGATIVE_INFINITY ? Double.POSITIVE_INFINITY : first - second;
        return new MachineVerdict(precision, first, gap);
    }

    /**
     * The largest x at which e^x rounds to 0 in this format: (e_min - p) ln 2, the double
     * nearest to it (-745.13 for float64, -103.97 float32, -17.33 float16, -92.88 bfloat16).
     */
    public static double underflowThreshold(Precision precision) {
        int n = precision == Precision.FLOAT64 ? -1075 : minExponent(precision) - precision.significandBits();
        DoubleDouble product = DoubleDouble.twoProduct(n, LN2_HI);
        return product.hi - (-product.lo - n * LN2_LO);
    }

    private static int minExponent(Precision precision) {
        return precision == Precision.FLOAT16 ? -14 : -126;
    }

    /** The format. */
    public Precision precision() {
        return precision;
    }

    /** The largest logit z_max. */
    public double largest() {
        return largest;
    }

    /** z_max minus the runner-up (0 for a tie; +Infinity when only one class is finite). */
    public double gap() {
        return gap;
    }

    /**
     * The naive pipeline overflows for every T below this (z_max / overflow threshold); 0 when
     * z_max is not positive (no T makes e^(z_max / T) overflow).
     */
    public double naiveOverflowsBelow() {
        return largest > 0.0 ? largest / precision.expOverflowThreshold() : 0.0;
    }

    /** Whether the naive pipeline overflows at T: z_max / T above the overflow threshold. */
    public boolean naiveOverflows(double temperature) {
        return largest / temperature > precision.expOverflowThreshold();
    }

    /**
     * The naive pipeline returns NaN (0 / 0: every e^x underflows) for every T at or below this
     * (z_max / underflow threshold); 0 when z_max is not negative.
     */
    public double naiveUnderflowsAtOrBelow() {
        return largest < 0.0 ? largest / underflowThreshold(precision) : 0.0;
    }

    /** Whether every naive e^x rounds to 0 at T (z_max / T at or below the underflow threshold). */
    public boolean naiveUnderflows(double temperature) {
        return largest / temperature <= underflowThreshold(precision);
    }

    /**
     * The stable pipeline keeps only the top class (all others round to 0) for every T at or
     * below this (gap / -underflow threshold); 0 for a tie at the top; +Infinity when only one
     * class is finite.
     */
    public double stableKeepsOneAtOrBelow() {
        return gap / -underflowThreshold(precision);
    }

    /**
     * How many classes the stable pipeline keeps above 0 at T: those with (z_i - z_max) / T above
     * the underflow threshold. The others are the classes below that rank in probability.
     *
     * @throws IllegalArgumentException if temperature is not finite and positive
     */
    public int stableSurvivors(double[] logits, double temperature) {
        if (!(temperature > 0.0 && temperature <= Double.MAX_VALUE)) {
            throw new IllegalArgumentException("temperature: must be finite and > 0, was "
                    + Format.shortest(temperature));
        }
        double threshold = underflowThreshold(precision);
        int kept = 0;
        for (double z : logits) {
            if ((z - largest) / temperature > threshold) {
                kept++;
            }
        }
        return kept;
    }
}
