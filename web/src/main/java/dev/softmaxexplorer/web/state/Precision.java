package dev.softmaxexplorer.web.state;

/**
 * The floating-point format every intermediate of the pipeline is rounded to, as chosen on the
 * page. The rounding itself lives in core; this enum only names the choice.
 */
public enum Precision implements Keyed {
    /** IEEE binary64, Java's {@code double}. */
    FLOAT64("float64"),
    /** IEEE binary32. */
    FLOAT32("float32"),
    /** IEEE binary16 (half precision): exp overflows above about 11.09. */
    FLOAT16("float16"),
    /** bfloat16: float32's range with 8 significant bits. */
    BFLOAT16("bfloat16");

    private final String key;

    Precision(String key) {
        this.key = key;
    }

    @Override
    public String key() {
        return key;
    }
}
