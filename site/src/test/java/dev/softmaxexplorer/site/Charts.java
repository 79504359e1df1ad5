package dev.softmaxexplorer.site;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads what the probability chart shows, in pixels. The bar geometry is the page's
 * (ProbabilityChart: 36 px left margin, 30 px top, 40 px bottom, K equal slots with the bar
 * centred in each); colours are read back from the canvas with getImageData at device pixels.
 */
final class Charts {
    static final String PROBABILITY_CHART = "probability-chart";
    private static final double LEFT = 36;
    private static final double TOP = 30;
    private static final double BOTTOM = 40;

    private Charts() {
    }

    /** An opaque colour, parsed from "#rrggbb" or read from the canvas. */
    record Rgb(int r, int g, int b) {
        static Rgb hex(String text) {
            String h = text.trim();
            if (!h.matches("#[0-9a-fA-F]{6}")) {
                throw new IllegalArgumentException("not a #rrggbb colour: '" + text + "'");
            }
            return new Rgb(Integer.parseInt(h.substring(1, 3), 16), Integer.parseInt(h.substring(3, 5), 16),
                    Integer.parseInt(h.substring(5, 7), 16));
        }

        boolean near(Rgb other, int tolerance) {
            return Math.abs(r - other.r) <= tolerance && Math.abs(g - other.g) <= tolerance
                    && Math.abs(b - other.b) <= tolerance;
        }

        @Override
        public String toString() {
            return String.format("#%02x%02x%02x", r, g, b);
        }
    }

    /** A custom property of the chart as the stylesheet resolves it for the current theme, e.g. --true. */
    static String cssVariable(Scripting browser, String name) {
        return ((String) browser.script("return getComputedStyle(document.getElementById(arguments[0]))"
                + ".getPropertyValue(arguments[1]).trim();", PROBABILITY_CHART, name));
    }

    /**
     * Waits until no chart is moving to new values (the page marks its root with data-moving while
     * one is, after an example, Reset or a step): a reading before that would see a bar on its way.
     */
    static void waitUntilStill(Scripting browser) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while ((Boolean) browser.script("return document.documentElement.hasAttribute('data-moving');")) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("a chart was still moving after 10 s");
            }
        }
    }

    /** The pixel at CSS coordinates (x, y) of the probability chart, scaled by devicePixelRatio. */
    static Rgb pixel(Scripting browser, double cssX, double cssY) {
        waitUntilStill(browser);
        @SuppressWarnings("unchecked")
        List<Number> rgba = (List<Number>) browser.script("var c = document.getElementById(arguments[0]);"
                + " var r = window.devicePixelRatio;"
                + " var d = c.getContext('2d').getImageData(Math.floor(arguments[1] * r), Math.floor(arguments[2] * r), 1, 1).data;"
                + " return [d[0], d[1], d[2], d[3]];", PROBABILITY_CHART, cssX, cssY);
        if (rgba.get(3).intValue() != 255) {
            throw new AssertionError("pixel at (" + cssX + ", " + cssY + ") is not opaque: alpha " + rgba.get(3));
        }
        return new Rgb(rgba.get(0).intValue(), rgba.get(1).intValue(), rgba.get(2).intValue());
    }

    /** The CSS point in the middle of bar i (0-based) of K, for a bar of height p. */
    static double[] barMiddle(Scripting browser, int i, int k, double p) {
        double[] size = cssSize(browser);
        double slot = (size[0] - LEFT) / k;
        double base = size[1] - BOTTOM;
        double plotHeight = size[1] - TOP - BOTTOM;
        return new double[] {LEFT + slot * (i + 0.5), base - p * plotHeight / 2};
    }

    /** The chart's CSS width and height. */
    static double[] cssSize(Scripting browser) {
        @SuppressWarnings("unchecked")
        List<Number> size = (List<Number>) browser.script(
                "var c = document.getElementById(arguments[0]); return [c.clientWidth, c.clientHeight];",
                PROBABILITY_CHART);
        return new double[] {size.get(0).doubleValue(), size.get(1).doubleValue()};
    }

    /**
     * The bars crossed by the pixel row one CSS pixel above the axis, left to right: "true" for a
     * run in the theme's --true colour, "other" for --other. Every bar taller than about a pixel
     * crosses that row, so this lists the bars the chart shows.
     */
    static List<String> barsAlongTheAxis(Scripting browser) {
        waitUntilStill(browser);
        Rgb trueColour = Rgb.hex(cssVariable(browser, "--true"));
        Rgb otherColour = Rgb.hex(cssVariable(browser, "--other"));
        @SuppressWarnings("unchecked")
        List<Number> row = (List<Number>) browser.script("var c = document.getElementById(arguments[0]);"
                + " var r = window.devicePixelRatio;"
                + " var y = Math.floor((c.clientHeight - arguments[1] - 1) * r);"
                + " return Array.from(c.getContext('2d').getImageData(0, y, c.width, 1).data);",
                PROBABILITY_CHART, BOTTOM);
        List<String> bars = new ArrayList<>();
        String current = null;
        int length = 0;
        for (int x = 0; x * 4 < row.size(); x++) {
            Rgb colour = new Rgb(row.get(4 * x).intValue(), row.get(4 * x + 1).intValue(),
                    row.get(4 * x + 2).intValue());
            boolean opaque = row.get(4 * x + 3).intValue() == 255;
            String kind = !opaque ? null : colour.near(trueColour, 2) ? "true" : colour.near(otherColour, 2)
                    ? "other" : null;
            if (kind != null && kind.equals(current)) {
                length++;
                continue;
            }
            if (current != null && length >= 3) {
                bars.add(current);
            }
            current = kind;
            length = 1;
        }
        if (current != null && length >= 3) {
            bars.add(current);
        }
        return bars;
    }
}
