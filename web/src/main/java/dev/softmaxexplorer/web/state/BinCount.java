package dev.softmaxexplorer.web.state;

/** The number of equal-width confidence bins of the calibration view's reliability diagram. */
public enum BinCount {
    TEN(10),
    FIFTEEN(15);

    private final int bins;

    BinCount(int bins) {
        this.bins = bins;
    }

    public int bins() {
        return bins;
    }

    /** The key as written in links and in the select's option values. */
    public String key() {
        return Integer.toString(bins);
    }
}
