package dev.softmaxexplorer.web.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TemperatureScaleTest {
    @Test
    void endsAndMiddleAreTheRoundNumbers() {
        assertEquals(0.05, TemperatureScale.temperature(0));
        // Middle: 0.05 * 400^(1/2) = 0.05 * 20 = 1.
        assertEquals(1.0, TemperatureScale.temperature(500));
        assertEquals(20.0, TemperatureScale.temperature(1000));
    }

    @ParameterizedTest
    @CsvSource({
        // position, T: 0.05 * 400^(p/1000) by hand, rounded to 3 significant digits
        "250, 0.224", // 0.05 * 400^0.25 = 0.05 * 4.4721 = 0.22361
        "750, 4.47",  // 0.05 * 400^0.75 = 0.05 * 89.443 = 4.4721
        "100, 0.0910" // 0.05 * 400^0.1 = 0.05 * 1.8206 = 0.091028
    })
    void quarterPoints(int position, double expected) {
        assertEquals(expected, TemperatureScale.temperature(position));
    }

    @Test
    void positionsInvertTheScaleAndClampOutside() {
        for (int p = 0; p <= TemperatureScale.STEPS; p++) {
            int back = TemperatureScale.position(TemperatureScale.temperature(p));
            // Three significant digits move T by at most 0.5% = 0.9 of a step (one step is 0.6%).
            assertEquals(p, back, 1.0, "position " + p);
        }
        assertEquals(0, TemperatureScale.position(0.001));
        assertEquals(1000, TemperatureScale.position(1000));
        assertEquals(500, TemperatureScale.position(1));
    }

    @Test
    void outOfRangePositionsClamp() {
        assertEquals(0.05, TemperatureScale.temperature(-5));
        assertEquals(20.0, TemperatureScale.temperature(5000));
    }
}
