package dev.softmaxexplorer.web.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LearningSystemTest {
    @Test
    void sessionTimeIsACmiTimespan() {
        // 1 h 2 min 3.456 s = 3723456 ms, to the hundredth: 03.46.
        assertEquals("0001:02:03.46", LearningSystem.timespan(3_723_456));
        assertEquals("0000:00:00.00", LearningSystem.timespan(4));
        assertEquals("0000:00:59.99", LearningSystem.timespan(59_994));
        assertEquals("0000:01:00.00", LearningSystem.timespan(59_995));
        // A tab left open for more than 9999 hours says 9999.
        assertEquals("9999", LearningSystem.timespan(10_000 * 3_600_000.0).substring(0, 4));
    }
}
