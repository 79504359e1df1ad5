package dev.softmaxexplorer.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The first screen on a laptop (1280 x 720, nothing scrolled) holds what the first minute is
 * about: every logit with its slider, T, the naive switch and the probability bars they drive.
 */
class FirstScreenTest extends BrowserTest {
    private static final List<String> FIRST_SCREEN = List.of("z1", "z1-slider", "z2", "z2-slider", "z3", "z3-slider",
            "t-slider", "temperature", "naive", "probability-chart");

    @ParameterizedTest(name = "#{0}")
    @ValueSource(strings = {"", "lang=ja", "scheme=dark"})
    void theLogitsTheTemperatureAndTheNaiveSwitchShareTheFirstScreenWithTheBars(String hash) {
        browser.emulate(1280, 720, 1);
        try {
            browser.load(hash);
            List<String> outside = new ArrayList<>();
            for (String id : FIRST_SCREEN) {
                Boolean inside = (Boolean) browser.script("var r = document.getElementById(arguments[0]).getBoundingClientRect();"
                        + " return r.top >= 0 && r.left >= 0 && r.bottom <= window.innerHeight && r.right <= window.innerWidth"
                        + " && r.width > 0 && r.height > 0;", id);
                if (!inside) {
                    outside.add(id);
                }
            }
            assertEquals(List.of(), outside, "not entirely on the first screen");
        } finally {
            browser.stopEmulating();
        }
    }
}
