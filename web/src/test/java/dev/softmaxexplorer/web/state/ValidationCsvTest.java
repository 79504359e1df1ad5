package dev.softmaxexplorer.web.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.softmaxexplorer.core.ValidationSet;
import org.junit.jupiter.api.Test;

class ValidationCsvTest {

    @Test
    void readsLabelsThenLogitsExactly() {
        ValidationCsv.Outcome o = ValidationCsv.read("0, 2.5, -1, 0.1\n\n  2,1e-3,0,7 \r\n");
        assertNull(o.problem());
        ValidationSet set = o.set();
        assertEquals(2, set.size());
        assertEquals(3, set.classes());
        assertEquals(0, set.label(0));
        assertEquals(2, set.label(1));
        assertEquals(0.1, set.logit(0, 2));
        assertEquals(0.001, set.logit(1, 0));
        assertEquals(7, set.logit(1, 2));
    }

    @Test
    void saysWhichRowAndWhatIsWrong() {
        assertEquals(new Message("calibration.paste.logit", "row", "2", "column", "2", "text", "abc"),
                ValidationCsv.read("0,1,2\n1,3,abc\n").problem());
        assertEquals(new Message("calibration.paste.logit", "row", "1", "column", "1", "text", "1e999"),
                ValidationCsv.read("0,1e999,2").problem());
        assertEquals(new Message("calibration.paste.logit", "row", "1", "column", "2", "text", "NaN"),
                ValidationCsv.read("0,1,NaN").problem());
        assertEquals(new Message("calibration.paste.label", "row", "3", "text", "3", "max", "2"),
                ValidationCsv.read("0,1,2,3\n\n3,1,2,3").problem());
        assertEquals(new Message("calibration.paste.label", "row", "1", "text", "0.5", "max", "1"),
                ValidationCsv.read("0.5,1,2").problem());
        assertEquals(new Message("calibration.paste.label", "row", "1", "text", "label", "max", "1"),
                ValidationCsv.read("label,a,b\n0,1,2").problem());
        assertEquals(new Message("calibration.paste.ragged", "row", "4", "count", "3", "first", "2", "k", "2"),
                ValidationCsv.read("\n0,1,2\n1,2,3\n1,2,3,4").problem());
        assertEquals(new Message("calibration.paste.short", "row", "1"), ValidationCsv.read("0,1").problem());
        assertEquals(new Message("calibration.paste.empty"), ValidationCsv.read(" \n\n").problem());
        assertEquals(new Message("calibration.paste.logit", "row", "1", "column", "2",
                "text", "x23456789012345678901234…"), ValidationCsv.read("0,1,x234567890123456789012345678").problem());
    }

    @Test
    void refusesSetsTooLargeToRedraw() {
        String row = "0" + ",1".repeat(1000) + "\n";
        assertEquals(new Message("calibration.paste.large", "max", "200000"),
                ValidationCsv.read(row.repeat(201)).problem());
    }
}
