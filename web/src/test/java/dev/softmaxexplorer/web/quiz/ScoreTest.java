package dev.softmaxexplorer.web.quiz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ScoreTest {
    @Test
    void percentIsRoundedToTheNearestWholeNumber() {
        // 6 / 7 = 0.857142..., 5 / 7 = 0.714285..., 1 / 8 = 0.125 (a half: up), 2 / 3 = 0.666...
        assertEquals(86, new Score(6, 7).percent());
        assertEquals(71, new Score(5, 7).percent());
        assertEquals(13, new Score(1, 8).percent());
        assertEquals(67, new Score(2, 3).percent());
        assertEquals(0, new Score(0, 7).percent());
        assertEquals(100, new Score(7, 7).percent());
    }

    @Test
    void theMasteryThresholdIsEightyPercent() {
        assertTrue(new Score(6, 7).passed());
        assertFalse(new Score(5, 7).passed());
        assertTrue(new Score(4, 5).passed(), "exactly 80 %");
        assertFalse(new Score(79, 100).passed());
    }

    @Test
    void anImpossibleScoreIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Score(8, 7));
        assertTrue(e.getMessage().contains("right 8, total 7"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Score(0, 0));
        assertThrows(IllegalArgumentException.class, () -> new Score(-1, 7));
    }
}
