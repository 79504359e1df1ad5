package dev.softmaxexplorer.web.state;

/**
 * How the page computes softmax: the naive formula {@code exp(x_i) / sum exp(x_j)}, which
 * overflows like a real machine would, or the stable one that subtracts the maximum first.
 * Kept in the web state (not core) because it is a user's choice of view.
 */
public enum Mode {
    /** {@code exp(x_i) / sum_j exp(x_j)}: shows where Infinity and NaN arise. */
    NAIVE("naive"),
    /** {@code exp(x_i - m) / sum_j exp(x_j - m)} with {@code m = max x}: never overflows. */
    STABLE("stable");

    private final String key;

    Mode(String key) {
        this.key = key;
    }

    /** The key as written in links and option values: lower-case ASCII. */
    public String key() {
        return key;
    }
}
