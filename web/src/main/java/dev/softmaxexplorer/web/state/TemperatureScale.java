package dev.softmaxexplorer.web.state;

import dev.softmaxexplorer.core.Format;

/**
 * The temperature slider's logarithmic scale: equal slider steps multiply T by equal factors, so
 * 0.05..1 gets as much travel as 1..20 and T = 1 sits exactly in the middle. Slider values are
 * rounded to three significant digits so that the field shows 1.26, not 1.2589254117941673.
 */
public final class TemperatureScale {
    public static final double MIN = 0.05;
    public static final double MAX = 20;
    public static final int STEPS = 1000;

    private TemperatureScale() {
    }

    /** The temperature at a slider position 0..STEPS (clamped). */
    public static double temperature(int position) {
        int clamped = Math.max(0, Math.min(STEPS, position));
        double t = MIN * Math.pow(MAX / MIN, (double) clamped / STEPS);
        return Format.parse(Format.significant(t, 3));
    }

    /** The slider position nearest to T; temperatures outside MIN..MAX sit at the ends. */
    public static int position(double t) {
        if (!(t > MIN)) {
            return 0;
        }
        if (t >= MAX) {
            return STEPS;
        }
        return (int) Math.floor(STEPS * Math.log(t / MIN) / Math.log(MAX / MIN) + 0.5);
    }
}
