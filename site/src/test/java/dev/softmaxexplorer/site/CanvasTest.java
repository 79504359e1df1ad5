package dev.softmaxexplorer.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.softmaxexplorer.core.Softmax;
import dev.softmaxexplorer.site.Charts.Rgb;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The charts as pixels: bar colours per theme and a backing store that follows devicePixelRatio. */
class CanvasTest extends BrowserTest {
    private static final int TOLERANCE = 2;
    @BeforeEach
    void clearLog() {
        browser.consoleErrors();
    }

    @AfterEach
    void stopEmulating() {
        browser.stopEmulating();
        browser.driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"light, #007a5a, #0a5fa8", "dark, #3ccf9b, #6cb6ff", "projector, #006644, #0033cc"})
    void theTrueClassBarIsGreenAndTheOthersBlue(String scheme, String green, String blue) {
        browser.load("scheme=" + scheme);
        assertEquals(scheme, browser.value("theme"));
        assertEquals(green, Charts.cssVariable(browser, "--true"));
        assertEquals(blue, Charts.cssVariable(browser, "--other"));
        assertBars(0, green, blue);

        browser.element("target2").click();
        browser.waiting().until(d -> Charts.barsAlongTheAxis(browser).equals(List.of("other", "true", "other")));
        assertBars(1, green, blue);
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void theAutomaticSchemeFollowsADarkSystemSetting() {
        browser.driver.executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
        browser.load("");
        assertEquals("auto", browser.value("theme"));
        assertEquals("#3ccf9b", Charts.cssVariable(browser, "--true"));
        assertBars(0, "#3ccf9b", "#6cb6ff");
        assertEquals(List.of(), browser.consoleErrors());
    }

    @ParameterizedTest(name = "devicePixelRatio {0}")
    @ValueSource(ints = {1, 2, 3})
    void theCanvasBackingStoreFollowsTheDevicePixelRatio(int ratio) {
        browser.emulate(1280, 900, ratio);
        browser.load("");
        assertEquals(ratio, ((Number) browser.script("return window.devicePixelRatio;")).intValue());
        for (String id : List.of("probability-chart", "multiples-chart")) {
            @SuppressWarnings("unchecked")
            List<Number> size = (List<Number>) browser.script("var c = document.getElementById(arguments[0]);"
                    + " var r = c.getBoundingClientRect(); return [c.width, c.height, r.width, r.height];", id);
            double cssWidth = size.get(2).doubleValue();
            double cssHeight = size.get(3).doubleValue();
            assertTrue(cssWidth > 200 && cssHeight > 100, id + " is laid out: " + size);
            assertEquals(Math.ceil(cssWidth * ratio), size.get(0).doubleValue(), 1, id + " backing width " + size);
            assertEquals(Math.ceil(cssHeight * ratio), size.get(1).doubleValue(), 1, id + " backing height " + size);
        }
        assertBars(0, "#007a5a", "#0a5fa8");
        assertEquals(List.of(), browser.consoleErrors());
    }

    /** The middle of every bar of [2, 1, 0] is the true colour for the target, the other colour elsewhere. */
    private static void assertBars(int target, String green, String blue) {
        double[] p = Softmax.softmax(new double[] {2, 1, 0}, 1);
        for (int i = 0; i < 3; i++) {
            double[] at = Charts.barMiddle(browser, i, 3, p[i]);
            Rgb seen = Charts.pixel(browser, at[0], at[1]);
            Rgb wanted = Rgb.hex(i == target ? green : blue);
            assertTrue(seen.near(wanted, TOLERANCE), "bar " + (i + 1) + " at (" + at[0] + ", " + at[1] + ") is "
                    + seen + ", expected " + wanted);
        }
        Rgb trueBar = Rgb.hex(green);
        Rgb otherBar = Rgb.hex(blue);
        assertTrue(trueBar.g() > trueBar.r() && trueBar.g() > trueBar.b(), green + " is green");
        assertTrue(otherBar.b() > otherBar.r() && otherBar.b() > otherBar.g(), blue + " is blue");
    }
}
