package dev.softmaxexplorer.core;

/**
 * An unevaluated sum {@code hi + lo} of two doubles with {@code |lo| <= ulp(hi) / 2}: about 106
 * significant bits, enough to round softmax, log-softmax, cross-entropy and their gradient once.
 *
 * <p>Everything is built from {@code + - * /}, {@code floor} and exact comparisons, so the same
 * bits come out on the JVM and in TeaVM's JavaScript, whose {@code Math.exp}/{@code Math.log}
 * differ from the JVM's by an ulp. Algorithms: TwoSum (Knuth), FastTwoSum (Dekker), TwoProduct
 * with Veltkamp's split (Dekker 1971); accurate double-double addition and division as in Hida,
 * Li and Bailey's QD library, with the error bounds of Joldes, Muller and Popescu (ACM TOMS 44,
 * 2017).
 *
 * <p>TeaVM 0.15.0 drops the parentheses of a compound right operand of {@code +} and {@code *} (and
 * inlines single-use locals, and small methods, back into such positions). Every expression below
 * therefore keeps a sum or difference out of the right operand of {@code +}, and a product or
 * quotient out of the right operand of {@code *}: sums are written as left-associated chains
 * ({@code e = e + a * b}), and two compound terms are combined as {@code x - (-y)}, since the right
 * operand of {@code -} keeps its parentheses. {@code SourceShapeTest} checks the textual part.
 */
final class DoubleDouble {

    static final DoubleDouble ZERO = new DoubleDouble(0.0, 0.0);
    static final DoubleDouble ONE = new DoubleDouble(1.0, 0.0);

    /** ln 2 as a triple-double (sum exact to 2^-164). */
    private static final double LN2_HI = 0x1.62e42fefa39efp-1;
    private static final double LN2_LO = 0x1.abc9e3b39803fp-56;
    private static final double LN2_LO2 = 0x1.7b57a079a1934p-111;

    /**
     * ln 2 / 4096 in three parts (mpmath); the first has 29 significant bits so that
     * {@code n * LN2_4096_1} is exact for every |n| < 2^24, which covers |x| <= 1600 (sum exact
     * to 2^-156).
     */
    static final double LN2_4096_1 = 0x1.62e42ffp-13;
    static final double LN2_4096_2 = -0x1.718432a1b0e26p-47;
    static final double LN2_4096_3 = -0x1.9ff0342542fc3p-102;
    static final double INV_LN2_4096 = 0x1.71547652b82fep+12;
    private static final double SQRT2 = 0x1.6a09e667f3bcdp+0;

    /**
     * Below this argument exp is smaller than 2^-2300: negligible next to the 1 of the softmax
     * denominator and, after division by any temperature >= 2^-1074, far below 1e-300.
     */
    static final double EXP_NEGLIGIBLE = -1600.0;

    /** 2^(j/64), j = 0..63, as hi + lo: the 100-digit value (mpmath) rounded, then the rest. */
    static final double[] EXP2_TABLE_HI = {
        0x1.0000000000000p+0, 0x1.02c9a3e778061p+0, 0x1.059b0d3158574p+0,
        0x1.0874518759bc8p+0, 0x1.0b5586cf9890fp+0, 0x1.0e3ec32d3d1a2p+0,
        0x1.11301d0125b51p+0, 0x1.1429aaea92de0p+0, 0x1.172b83c7d517bp+0,
        0x1.1a35beb6fcb75p+0, 0x1.1d4873168b9aap+0, 0x1.2063b88628cd6p+0,
        0x1.2387a6e756238p+0, 0x1.26b4565e27cddp+0, 0x1.29e9df51fdee1p+0,
        0x1.2d285a6e4030bp+0, 0x1.306fe0a31b715p+0, 0x1.33c08b26416ffp+0,
        0x1.371a7373aa9cbp+0, 0x1.3a7db34e59ff7p+0, 0x1.3dea64c123422p+0,
        0x1.4160a21f72e2ap+0, 0x1.44e086061892dp+0, 0x1.486a2b5c13cd0p+0,
        0x1.4bfdad5362a27p+0, 0x1.4f9b2769d2ca7p+0, 0x1.5342b569d4f82p+0,
        0x1.56f4736b527dap+0, 0x1.5ab07dd485429p+0, 0x1.5e76f15ad2148p+0,
        0x1.6247eb03a5585p+0, 0x1.6623882552225p+0, 0x1.6a09e667f3bcdp+0,
        0x1.6dfb23c651a2fp+0, 0x1.71f75e8ec5f74p+0, 0x1.75feb564267c9p+0,
        0x1.7a11473eb0187p+0, 0x1.7e2f336cf4e62p+0, 0x1.82589994cce13p+0,
        0x1.868d99b4492edp+0, 0x1.8ace5422aa0dbp+0, 0x1.8f1ae99157736p+0,
        0x1.93737b0cdc5e5p+0, 0x1.97d829fde4e50p+0, 0x1.9c49182a3f090p+0,
        0x1.a0c667b5de565p+0, 0x1.a5503b23e255dp+0, 0x1.a9e6b5579fdbfp+0,
        0x1.ae89f995ad3adp+0, 0x1.b33a2b84f15fbp+0, 0x1.b7f76f2fb5e47p+0,
        0x1.bcc1e904bc1d2p+0, 0x1.c199bdd85529cp+0, 0x1.c67f12e57d14bp+0,
        0x1.cb720dcef9069p+0, 0x1.d072d4a07897cp+0, 0x1.d5818dcfba487p+0,
        0x1.da9e603db3285p+0, 0x1.dfc97337b9b5fp+0, 0x1.e502ee78b3ff6p+0,
        0x1.ea4afa2a490dap+0, 0x1.efa1bee615a27p+0, 0x1.f50765b6e4540p+0,
        0x1.fa7c1819e90d8p+0,
    };
    static final double[] EXP2_TABLE_LO = {
        0.0, -0x1.19083535b085dp-56, 0x1.d73e2a475b465p-55,
        0x1.186be4bb284ffp-57, 0x1.8a62e4adc610bp-54, 0x1.03a1727c57b53p-59,
        -0x1.6c51039449b3ap-54, -0x1.32fbf9af1369ep-54, -0x1.19041b9d78a76p-55,
        0x1.e5b4c7b4968e4p-55, 0x1.e016e00a2643cp-54, 0x1.dc775814a8495p-55,
        0x1.9b07eb6c70573p-54, 0x1.2bd339940e9d9p-55, 0x1.612e8afad1255p-55,
        0x1.0024754db41d5p-54, 0x1.6f46ad23182e4p-55, 0x1.32721843659a6p-54,
        -0x1.63aeabf42eae2p-54, -0x1.5e436d661f5e3p-56, 0x1.ada0911f09ebcp-55,
        -0x1.ef3691c309278p-58, 0x1.89b7a04ef80d0p-59, 0x1.3c1a3b69062f0p-56,
        0x1.d4397afec42e2p-56, -0x1.4b309d25957e3p-54, -0x1.07abe1db13cadp-55,
        0x1.9bb2c011d93adp-54, 0x1.6324c054647adp-54, 0x1.ba6f93080e65ep-54,
        -0x1.383c17e40b497p-54, -0x1.bb60987591c34p-54, -0x1.bdd3413b26456p-54,
        -0x1.bbe3a683c88abp-57, -0x1.16e4786887a99p-55, -0x1.0245957316dd3p-54,
        -0x1.41577ee04992fp-55, 0x1.05d02ba15797ep-56, -0x1.d4c1dd41532d8p-54,
        -0x1.fc6f89bd4f6bap-54, 0x1.6e9f156864b27p-54, 0x1.5cc13a2e3976cp-55,
        -0x1.75fc781b57ebcp-57, -0x1.d185b7c1b85d1p-54, 0x1.c7c46b071f2bep-56,
        -0x1.359495d1cd533p-54, -0x1.d2f6edb8d41e1p-54, 0x1.0fac90ef7fd31p-54,
        0x1.7a1cd345dcc81p-54, -0x1.2805e3084d708p-57, -0x1.5584f7e54ac3bp-56,
        0x1.23dd07a2d9e84p-55, 0x1.11065895048ddp-55, 0x1.2884dff483cadp-54,
        0x1.503cbd1e949dbp-56, -0x1.cbc3743797a9cp-54, 0x1.2ed02d75b3707p-55,
        0x1.c2300696db532p-54, -0x1.1a5cd4f184b5cp-54, 0x1.39e8980a9cc8fp-55,
        -0x1.e9c23179c2893p-54, 0x1.dc7f486a4b6b0p-54, 0x1.9d3e12dd8a18bp-54,
        0x1.74853f3a5931ep-55,
    };
    /** 2^(j/4096), j = 0..63, as hi + lo: the 100-digit value (mpmath) rounded, then the rest. */
    static final double[] EXP2_FINE_HI = {
        0x1.0000000000000p+0, 0x1.000b175effdc7p+0, 0x1.00162f3904052p+0,
        0x1.0021478e11ce6p+0, 0x1.002c605e2e8cfp+0, 0x1.003779a95f959p+0,
        0x1.0042936faa3d8p+0, 0x1.004dadb113da0p+0, 0x1.0058c86da1c0ap+0,
        0x1.0063e3a559473p+0, 0x1.006eff583fc3dp+0, 0x1.007a1b865a8cap+0,
        0x1.0085382faef83p+0, 0x1.00905554425d4p+0, 0x1.009b72f41a12bp+0,
        0x1.00a6910f3b6fdp+0, 0x1.00b1afa5abcbfp+0, 0x1.00bcceb7707ecp+0,
        0x1.00c7ee448ee02p+0, 0x1.00d30e4d0c483p+0, 0x1.00de2ed0ee0f5p+0,
        0x1.00e94fd0398e0p+0, 0x1.00f4714af41d3p+0, 0x1.00ff93412315cp+0,
        0x1.010ab5b2cbd11p+0, 0x1.0115d89ff3a8bp+0, 0x1.0120fc089ff63p+0,
        0x1.012c1fecd613bp+0, 0x1.0137444c9b5b5p+0, 0x1.01426927f5278p+0,
        0x1.014d8e7ee8d2fp+0, 0x1.0158b4517bb88p+0, 0x1.0163da9fb3335p+0,
        0x1.016f0169949edp+0, 0x1.017a28af25567p+0, 0x1.018550706ab62p+0,
        0x1.019078ad6a19fp+0, 0x1.019ba16628de2p+0, 0x1.01a6ca9aac5f3p+0,
        0x1.01b1f44af9f9ep+0, 0x1.01bd1e77170b4p+0, 0x1.01c8491f08f08p+0,
        0x1.01d37442d5070p+0, 0x1.01de9fe280ac8p+0, 0x1.01e9cbfe113efp+0,
        0x1.01f4f8958c1c6p+0, 0x1.020025a8f6a35p+0, 0x1.020b533856324p+0,
        0x1.02168143b0281p+0, 0x1.0221afcb09e3ep+0, 0x1.022cdece68c4fp+0,
        0x1.02380e4dd22adp+0, 0x1.02433e494b755p+0, 0x1.024e6ec0da046p+0,
        0x1.02599fb483385p+0, 0x1.0264d1244c719p+0, 0x1.027003103b10ep+0,
        0x1.027b357854772p+0, 0x1.0286685c9e059p+0, 0x1.02919bbd1d1d8p+0,
        0x1.029ccf99d720ap+0, 0x1.02a803f2d170dp+0, 0x1.02b338c811703p+0,
        0x1.02be6e199c811p+0,
    };
    static final double[] EXP2_FINE_LO = {
        0.0, 0x1.ae8e38c59c72ap-54, -0x1.7b5d0d58ea8f4p-58,
        0x1.4115cb6b16a8ep-54, -0x1.d7c96f201bb2fp-55, 0x1.84711d4c35e9fp-54,
        -0x1.0484245243777p-55, -0x1.4b237da2025f9p-54, -0x1.5e00e62d6b30dp-56,
        0x1.a1d6cedbb9481p-54, -0x1.4acf197a00142p-54, -0x1.eaf2ea42391a5p-57,
        0x1.da93f90835f75p-56, -0x1.6a79084ab093cp-55, 0x1.86364f8fbe8f8p-54,
        -0x1.82e8e14e3110ep-55, -0x1.4f6b2a7609f71p-55, -0x1.e1a258ea8f71bp-56,
        0x1.4362ca5bc26f1p-56, 0x1.095a56c919d02p-54, -0x1.406ac4e81a645p-57,
        0x1.b5a6902767e09p-54, -0x1.91b2060859321p-54, 0x1.427068ab22306p-55,
        0x1.c1d0660524e08p-54, -0x1.e7bdfb3204be8p-54, 0x1.843aa8b9cbbc6p-55,
        -0x1.34104ee7edae9p-56, -0x1.2b6aeb6176892p-56, 0x1.a8cd33b8a1bb3p-56,
        0x1.2edc08e5da99ap-56, 0x1.57ba2dc7e0c73p-55, 0x1.b61299ab8cdb7p-54,
        -0x1.90565902c5f44p-54, 0x1.70fc41c5c2d53p-55, 0x1.4b9a6e145d76cp-54,
        -0x1.008eff5142bf9p-56, -0x1.77669f033c7dep-54, -0x1.09bb78eeead0ap-54,
        0x1.371231477ece5p-54, 0x1.5e7626621eb5bp-56, -0x1.bc72b100828a5p-54,
        -0x1.ce39cbbab8bbep-57, 0x1.16996709da2e2p-55, -0x1.c11f5239bf535p-55,
        0x1.e1d4eb5edc6b3p-55, -0x1.afb99946ee3f0p-54, -0x1.8f06d8a148a32p-54,
        -0x1.2bf310fc54eb6p-55, -0x1.c95a035eb4175p-54, -0x1.491793e46834dp-54,
        -0x1.3e8d0d9c49091p-56, -0x1.314aa16278aa3p-54, 0x1.48daf888e9651p-55,
        0x1.56dc8046821f4p-55, 0x1.45b42356b9d47p-54, -0x1.082ef51b61d7ep-56,
        0x1.2106ed0920a34p-56, -0x1.fd4cf26ea5d0fp-54, -0x1.09f8775e78084p-54,
        0x1.64cbba902ca27p-58, 0x1.4383ef231d207p-54, 0x1.4a47a505b3a47p-54,
        0x1.e47120223467fp-54,
    };
    /** 1/3! as hi + lo, and 1/4! to 1/7! rounded (mpmath). */
    static final double INV_FACTORIAL_3_HI = 0x1.5555555555555p-3;
    static final double INV_FACTORIAL_3_LO = 0x1.5555555555555p-57;
    static final double INV_FACTORIAL_4 = 0x1.5555555555555p-5;
    static final double INV_FACTORIAL_5 = 0x1.1111111111111p-7;
    static final double INV_FACTORIAL_6 = 0x1.6c16c16c16c17p-10;
    static final double INV_FACTORIAL_7 = 0x1.a01a01a01a01ap-13;
    /** 1/n for odd n = 3..45 as hi + lo (mpmath). */
    private static final double[] INV_ODD_HI = {
        0x1.5555555555555p-2, 0x1.999999999999ap-3, 0x1.2492492492492p-3, 0x1.c71c71c71c71cp-4,
        0x1.745d1745d1746p-4, 0x1.3b13b13b13b14p-4, 0x1.1111111111111p-4, 0x1.e1e1e1e1e1e1ep-5,
        0x1.af286bca1af28p-5, 0x1.8618618618618p-5, 0x1.642c8590b2164p-5, 0x1.47ae147ae147bp-5,
        0x1.2f684bda12f68p-5, 0x1.1a7b9611a7b96p-5, 0x1.0842108421084p-5, 0x1.f07c1f07c1f08p-6,
        0x1.d41d41d41d41dp-6, 0x1.bacf914c1bad0p-6, 0x1.a41a41a41a41ap-6, 0x1.8f9c18f9c18fap-6,
        0x1.7d05f417d05f4p-6, 0x1.6c16c16c16c17p-6,
    };
    private static final double[] INV_ODD_LO = {
        0x1.5555555555555p-56, -0x1.999999999999ap-57, 0x1.2492492492492p-57, 0x1.c71c71c71c71cp-58,
        -0x1.745d1745d1746p-59, -0x1.3b13b13b13b14p-58, 0x1.1111111111111p-60,
        0x1.e1e1e1e1e1e1ep-61,
        0x1.af286bca1af28p-59, 0x1.8618618618618p-59, 0x1.642c8590b2164p-60, -0x1.eb851eb851eb8p-61,
        0x1.2f684bda12f68p-59, 0x1.1a7b9611a7b96p-61, 0x1.0842108421084p-60, -0x1.f07c1f07c1f08p-61,
        0x1.0750750750750p-60, -0x1.bacf914c1bad0p-60, 0x1.0690690690690p-60,
        -0x1.f3831f3831f38p-61,
        0x1.7d05f417d05f4p-62, -0x1.f49f49f49f49fp-61,
    };

    /** Powers of two 2^n for n = -1022..1023, built by exact doubling and halving. */
    private static final double[] POW2 = new double[2046];
    /**
     * 2^(j/4096), j = 0..4095, as hi + lo: the product of the two tables' 2^((j >> 6)/64) and
     * 2^((j & 63)/4096) in double-double, formed once here instead of in every exp (the same
     * operation on the same values, so exp's bits do not change).
     */
    static final double[] EXP2_HI = new double[4096];
    static final double[] EXP2_LO = new double[4096];

    static {
        MutableDoubleDouble product = new MutableDoubleDouble();
        for (int j = 0; j < 4096; j++) {
            product.set(EXP2_TABLE_HI[j >> 6], EXP2_TABLE_LO[j >> 6])
                    .mul(EXP2_FINE_HI[j & 63], EXP2_FINE_LO[j & 63]);
            EXP2_HI[j] = product.hi;
            EXP2_LO[j] = product.lo;
        }
        POW2[1022] = 1.0;
        for (int n = 1; n <= 1023; n++) {
            POW2[1022 + n] = POW2[1021 + n] * 2.0;
        }
        for (int n = 1; n <= 1022; n++) {
            POW2[1022 - n] = POW2[1023 - n] * 0.5;
        }
    }

    final double hi;
    final double lo;

    private DoubleDouble(double hi, double lo) {
        this.hi = hi;
        this.lo = lo;
    }

    /** The pair {@code hi + lo}, which must already be normalized (as stored by a caller). */
    static DoubleDouble of(double hi, double lo) {
        return new DoubleDouble(hi, lo);
    }

    /** The double {@code x} as a double-double (exact). */
    static DoubleDouble of(double x) {
        return new DoubleDouble(x, 0.0);
    }

    /** {@code hi + lo} renormalized (requires {@code |hi| >= |lo|} or {@code hi == 0}). */
    static DoubleDouble fastTwoSum(double a, double b) {
        double s = a + b;
        if (!isFinite(s)) {
            return new DoubleDouble(s, 0.0);
        }
        double bb = s - a;
        return new DoubleDouble(s, b - bb);
    }

    /** The exact sum {@code a + b} as {@code fl(a + b)} plus its rounding error (Knuth). */
    static DoubleDouble twoSum(double a, double b) {
        double s = a + b;
        if (!isFinite(s)) {
            return new DoubleDouble(s, 0.0);
        }
        double bb = s - a;
        double err = (a - (s - bb)) - (bb - b);
        return new DoubleDouble(s, err);
    }

    /**
     * The exact product {@code a * b} as {@code fl(a * b)} plus its rounding error (Dekker), valid
     * while the product and its error term are neither overflowing nor subnormal.
     */
    static DoubleDouble twoProduct(double a, double b) {
        double p = a * b;
        if (!isFinite(p)) {
            return new DoubleDouble(p, 0.0);
        }
        return new DoubleDouble(p, productError(a, b, p));
    }

    /** {@link ErrorFree#productError(double, double, double)}. */
    static double productError(double a, double b, double p) {
        return ErrorFree.productError(a, b, p);
    }

    /** {@link ErrorFree#productError(double, double, double, double)}. */
    static double productError(double aHi, double aLo, double b, double p) {
        return ErrorFree.productError(aHi, aLo, b, p);
    }

    /** {@link ErrorFree#splitHigh}. */
    static double splitHigh(double a) {
        return ErrorFree.splitHigh(a);
    }

    static boolean isFinite(double x) {
        return ErrorFree.isFinite(x);
    }

    /** {@code x * 2^n}, exact unless the result is subnormal (then rounded) or overflows. */
    static double mulPow2(double x, int n) {
        int e = n;
        double v = x;
        while (e > 1023) {
            v = v * 0x1p1023;
            e -= 1023;
        }
        while (e < -1022) {
            v = v * 0x1p-1022;
            e += 1022;
        }
        return v * POW2[e + 1022];
    }

    /** 2^n for n in [-1022, 1023], from the table that {@link #mulPow2(double, int)} multiplies by. */
    static double powerOfTwo(int n) {
        return POW2[n + 1022];
    }

    /**
     * The binary exponent of a finite nonzero {@code x}: {@code 2^e <= |x| < 2^(e+1)}, also for
     * subnormals (where {@code Math.getExponent} answers -1023).
     */
    static int exponent(double x) {
        double a = Math.abs(x);
        if (a < 0x1p-1022) {
            return exponent(a * 0x1p54) - 54;
        }
        // A binary search in the table of powers of two: Math.getExponent reads the bits as a
        // long, which TeaVM compiles to a slow BigInt. Invariant: 2^low <= a < 2^(high + 1).
        int low = -1022;
        int high = 1023;
        while (low < high) {
            int middle = (low + high + 1) >> 1;
            if (a >= POW2[middle + 1022]) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return low;
    }

    /** The nearest double to {@code hi + lo}; with the pair normalized that is {@code hi}. */
    double value() {
        return hi;
    }

    DoubleDouble negate() {
        return new DoubleDouble(-hi, -lo);
    }

    /** {@code this * 2^n}, exact while neither part turns subnormal or overflows. */
    DoubleDouble mulPow2(int n) {
        double h = mulPow2(hi, n);
        if (!isFinite(h) || h == 0.0) {
            return new DoubleDouble(h, 0.0);
        }
        return new DoubleDouble(h, mulPow2(lo, n));
    }

    /** Accurate double-double sum (relative error below 3 * 2^-106). */
    DoubleDouble add(DoubleDouble b) {
        double s = hi + b.hi;
        if (!isFinite(s)) {
            return new DoubleDouble(s, 0.0);
        }
        double sb = s - hi;
        double e = (hi - (s - sb)) - (sb - b.hi);
        double t = lo + b.lo;
        double tb = t - lo;
        // -f for the error f of t: two compound operands are combined by subtraction, whose right
        // operand TeaVM renders correctly (see the class comment).
        double negF = (tb - b.lo) - (lo - (t - tb));
        e = e + t;
        double s2 = s + e;
        double e2 = e - (s2 - s);
        e2 = e2 - negF;
        return fastTwoSum(s2, e2);
    }

    DoubleDouble add(double b) {
        double s = hi + b;
        if (!isFinite(s)) {
            return new DoubleDouble(s, 0.0);
        }
        double sb = s - hi;
        double e = (hi - (s - sb)) - (sb - b);
        e = e + lo;
        return fastTwoSum(s, e);
    }

    DoubleDouble sub(DoubleDouble b) {
        return add(b.negate());
    }

    /** Double-double product (relative error below 5 * 2^-106). */
    DoubleDouble mul(DoubleDouble b) {
        double p = hi * b.hi;
        if (!isFinite(p) || p == 0.0) {
            return new DoubleDouble(p, 0.0);
        }
        double e = productError(hi, b.hi, p);
        e = e + hi * b.lo;
        e = e + lo * b.hi;
        return fastTwoSum(p, e);
    }

    DoubleDouble mul(double b) {
        double p = hi * b;
        if (!isFinite(p) || p == 0.0) {
            return new DoubleDouble(p, 0.0);
        }
        double e = productError(hi, b, p);
        e = e + lo * b;
        return fastTwoSum(p, e);
    }

    /** Double-double quotient by long division with three partial quotients (QD's accurate div). */
    DoubleDouble div(DoubleDouble b) {
        double q1 = hi / b.hi;
        if (!isFinite(q1) || q1 == 0.0) {
            return new DoubleDouble(q1, 0.0);
        }
        DoubleDouble r = sub(b.mul(q1));
        double q2 = r.hi / b.hi;
        r = r.sub(b.mul(q2));
        double q3 = r.hi / b.hi;
        return fastTwoSum(q1, q2).add(q3);
    }

    DoubleDouble div(double b) {
        double q1 = hi / b;
        if (!isFinite(q1) || q1 == 0.0) {
            return new DoubleDouble(q1, 0.0);
        }
        DoubleDouble r = sub(twoProduct(q1, b));
        double q2 = r.hi / b;
        r = r.sub(twoProduct(q2, b));
        double q3 = r.hi / b;
        return fastTwoSum(q1, q2).add(q3);
    }

    /** A value {@code mantissa * 2^exponent}, kept apart so that tiny values do not underflow. */
    static final class Scaled {
        final DoubleDouble mantissa;
        final int exponent;

        Scaled(DoubleDouble mantissa, int exponent) {
            this.mantissa = mantissa;
            this.exponent = exponent;
        }

        DoubleDouble value() {
            return mantissa.mulPow2(exponent);
        }
    }

    /**
     * exp(x) for finite {@code x <= 1600} as {@code M * 2^k} with M in about [1, 2), relative error
     * about 2^-103; for {@code x < EXP_NEGLIGIBLE} the result is 0.
     *
     * <p>Tang's method with two tables: {@code x = (4096 k + 64 j1 + j2) ln2/4096 + r},
     * |r| <= ln2/8192 < 2^-13.5, so {@code exp(x) = 2^k 2^(j1/64) 2^(j2/4096) exp(r)}; ln 2 / 4096
     * is split so the reduction is exact, the tables hold their powers of two to 2^-107, and
     * exp(r) is its degree-7 Taylor polynomial (remainder below 2^-123), formed as
     * {@code 1 + r + r^2 (1/2 + r (1/6 + r V))}: V, the part from r^4 on, is below 1/23 and
     * enters multiplied by r^4 < 2^-54, so double precision suffices for it; 1/6 + r V only
     * needs a double-double sum (it enters multiplied by r^3), and the rest is double-double.
     * The polynomial's error is below 2^-108, against 2^-103 for the three products.
     * The work is done in place by {@link MutableDoubleDouble#exp}.
     */
    static Scaled expScaled(DoubleDouble x) {
        MutableDoubleDouble mantissa = new MutableDoubleDouble();
        int exponent = mantissa.exp(mantissa.set(x));
        return new Scaled(mantissa.toDoubleDouble(), exponent);
    }

    /**
     * e^x to about 2^-103 relative; +Infinity above the overflow threshold, 0 (or a subnormal,
     * rounded twice) below the underflow threshold; NaN for NaN.
     */
    static DoubleDouble exp(DoubleDouble x) {
        if (x.hi != x.hi) {
            return x;
        }
        if (x.hi > 710.0) {
            return of(Double.POSITIVE_INFINITY);
        }
        return expScaled(x).value();
    }

    /**
     * Natural logarithm to about 2^-104 relative for {@code x > 0}; -Infinity for 0, +Infinity for
     * +Infinity, NaN for negative or NaN arguments.
     *
     * <p>{@code x = 2^e f} with f in [sqrt(1/2), sqrt(2)), {@code log x = e ln2 + 2 atanh(u)},
     * {@code u = (f - 1)/(f + 1)}, |u| < 0.172 (the atanh series, as in fdlibm's log).
     */
    static DoubleDouble log(DoubleDouble x) {
        if (!(x.hi > 0.0)) {
            return of(x.hi == 0.0 ? Double.NEGATIVE_INFINITY : Double.NaN);
        }
        if (!isFinite(x.hi)) {
            return x;
        }
        int e = exponent(x.hi);
        DoubleDouble f = x.mulPow2(-e);
        if (f.hi > SQRT2) {
            f = f.mulPow2(-1);
            e++;
        }
        DoubleDouble u = f.add(-1.0).div(f.add(1.0));
        DoubleDouble series = twiceAtanh(u);
        if (e == 0) {
            return series;
        }
        double ed = e;
        DoubleDouble eLn2 = twoProduct(ed, LN2_HI).add(twoProduct(ed, LN2_LO)).add(ed * LN2_LO2);
        return eLn2.add(series);
    }

    /**
     * log(1 + x) to about 2^-104 relative for {@code x > -1}, accurate for tiny x (where
     * {@code log(1 + x)} would lose everything): {@code 2 atanh(x / (2 + x))} near 0, else log of
     * the double-double {@code 1 + x}.
     */
    static DoubleDouble log1p(DoubleDouble x) {
        if (x.hi >= -0.25 && x.hi <= 0.375) {
            if (x.hi > -0x1p-900 && x.hi < 0x1p-900) {
                // log1p(x) = x (1 - x/2 + ...) is x to 2^-901; x / (2 + x) would underflow.
                return x;
            }
            return twiceAtanh(x.div(x.add(2.0)));
        }
        return log(x.add(1.0));
    }

    /**
     * {@link #log1p} of x in place, the same bits, without allocating ({@code work} is scratch;
     * calibration takes it once per example on every move of a slider).
     */
    static void log1pInPlace(MutableDoubleDouble x, MutableDoubleDouble work) {
        double xh = x.hi;
        double xl = x.lo;
        if (xh >= -0.25 && xh <= 0.375) {
            if (xh > -0x1p-900 && xh < 0x1p-900) {
                return;
            }
            x.add(2.0);
            double dh = x.hi;
            double dl = x.lo;
            x.set(xh, xl).div(dh, dl);
            twiceAtanhInPlace(x, work);
            return;
        }
        x.add(1.0);
        if (!isFinite(x.hi)) {
            return;
        }
        // log of 1 + x > 1.375, as log: f 2^e with f in [1/sqrt 2, sqrt 2].
        int e = exponent(x.hi);
        x.mulPow2(-e);
        if (x.hi > SQRT2) {
            x.mulPow2(-1);
            e++;
        }
        double fh = x.hi;
        double fl = x.lo;
        work.set(fh, fl).add(1.0);
        x.add(-1.0).div(work.hi, work.lo);
        twiceAtanhInPlace(x, work);
        if (e == 0) {
            return;
        }
        double ed = e;
        double sh = x.hi;
        double sl = x.lo;
        // e ln 2 as log's twoProduct(e, LN2_HI).add(twoProduct(e, LN2_LO)).add(e LN2_LO2); e is
        // a small integer, so no product overflows.
        work.twoProduct(ed, LN2_LO);
        double bh = work.hi;
        double bl = work.lo;
        x.twoProduct(ed, LN2_HI).add(bh, bl).add(ed * LN2_LO2);
        x.add(sh, sl);
    }

    /** {@link #twiceAtanh} of u in place, the same bits; {@code poly} is scratch. */
    private static void twiceAtanhInPlace(MutableDoubleDouble u, MutableDoubleDouble poly) {
        double uh = u.hi;
        double ul = u.lo;
        u.mul(uh, ul);
        double wh = u.hi;
        double wl = u.lo;
        int last = INV_ODD_HI.length - 1;
        double tail = INV_ODD_HI[last];
        for (int i = last - 1; i >= 9; i--) {
            tail = tail * wh + INV_ODD_HI[i];
        }
        // poly = poly w + INV_ODD[i], its mul and add written out on locals in their order (as in
        // MutableDoubleDouble.exp): calibration takes this once per example on every slider move.
        double ph = tail;
        double pl = 0.0;
        for (int i = 8; i >= 0; i--) {
            // mul(wh, wl)
            double p = ph * wh;
            if (!ErrorFree.isFinite(p) || p == 0.0) {
                ph = p;
                pl = 0.0;
            } else {
                double e = ErrorFree.productError(ph, wh, p);
                e = e + ph * wl;
                e = e + pl * wh;
                // fastTwoSum(p, e)
                ph = p + e;
                pl = 0.0;
                if (ErrorFree.isFinite(ph)) {
                    double fb = ph - p;
                    pl = e - fb;
                }
            }
            // add(INV_ODD_HI[i], INV_ODD_LO[i])
            double bh = INV_ODD_HI[i];
            double bl = INV_ODD_LO[i];
            double s = ph + bh;
            if (!ErrorFree.isFinite(s)) {
                ph = s;
                pl = 0.0;
            } else {
                double sb = s - ph;
                double e = (ph - (s - sb)) - (sb - bh);
                double t = pl + bl;
                double tb = t - pl;
                double negF = (tb - bl) - (pl - (t - tb));
                e = e + t;
                double s2 = s + e;
                double e2 = e - (s2 - s);
                e2 = e2 - negF;
                // fastTwoSum(s2, e2)
                ph = s2 + e2;
                pl = 0.0;
                if (ErrorFree.isFinite(ph)) {
                    double fb = ph - s2;
                    pl = e2 - fb;
                }
            }
        }
        poly.set(ph, pl).mul(wh, wl).add(1.0);
        poly.mul(uh, ul).mulPow2(1);
        u.set(poly.hi, poly.lo);
    }

    /**
     * 2 atanh(u) = 2 (u + u^3/3 + u^5/5 + ...) for |u| <= 0.172: 23 terms reach 2^-110; the terms
     * from w^10 on (w = u^2, w^10 < 2^-50) are summed in double.
     */
    private static DoubleDouble twiceAtanh(DoubleDouble u) {
        DoubleDouble w = u.mul(u);
        double wh = w.hi;
        int last = INV_ODD_HI.length - 1;
        double tail = INV_ODD_HI[last];
        for (int i = last - 1; i >= 9; i--) {
            tail = tail * wh + INV_ODD_HI[i];
        }
        DoubleDouble poly = of(tail);
        for (int i = 8; i >= 0; i--) {
            poly = poly.mul(w).add(new DoubleDouble(INV_ODD_HI[i], INV_ODD_LO[i]));
        }
        poly = poly.mul(w).add(1.0);
        return poly.mul(u).mulPow2(1);
    }
}
