package dev.softmaxexplorer.web.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.softmaxexplorer.core.Softmax;
import dev.softmaxexplorer.web.state.Fields;
import dev.softmaxexplorer.web.state.State;
import org.junit.jupiter.api.Test;

class ExportTest {
    // The default state is [2, 1, 0] at T = 1, target class 1. Expected digits: reference-cases.json
    // "three-2-1-0" (100-digit mpmath, rounded once to double; Python prints the shortest repr).
    private static final State STATE = State.defaults();

    @Test
    void csvHoldsEveryNumberAtFullPrecision() {
        assertEquals("class,name,true_class,logit,probability,log_probability,gradient,temperature,"
                + "label_smoothing,loss\n"
                + "1,Class 1,1,2,0.6652409557748219,-0.4076059644443803,-0.3347590442251781,1,0,0.4076059644443803\n"
                + "2,Class 2,0,1,0.24472847105479764,-1.4076059644443804,0.24472847105479764,1,0,0.4076059644443803\n"
                + "3,Class 3,0,0,0.09003057317038046,-2.40760596444438,0.09003057317038046,1,0,0.4076059644443803\n",
                Export.csv(STATE, Softmax.evaluate(STATE.get(Fields.LOGITS), 1, 0, 0)));
    }

    @Test
    void jsonHoldsEveryNumberAtFullPrecision() {
        String json = Export.json(STATE, Softmax.evaluate(STATE.get(Fields.LOGITS), 1, 0, 0));
        assertEquals(true, json.contains("\"probabilities\": [0.6652409557748219, 0.24472847105479764, 0.09003057317038046],"),
                json);
        assertEquals(true, json.contains("\"loss\": 0.4076059644443803,"), json);
        assertEquals(true, json.contains("\"names\": [\"Class 1\", \"Class 2\", \"Class 3\"],"), json);
        assertEquals(true, json.contains("\"predictedClass\": 0\n}"), json);
    }

    @Test
    void textIsEscapedForEachFormat() {
        assertEquals("\"a,b\"", Export.csvText("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", Export.csvText("say \"hi\""));
        assertEquals("'=1+1", Export.csvText("=1+1"));
        assertEquals("\"<img src=x onerror=alert(1)>\"", Export.jsonText("<img src=x onerror=alert(1)>"));
        assertEquals("\"back\\\\slash \\\"q\\\"\"", Export.jsonText("back\\slash \"q\""));
        assertEquals("\"\\u0001\"", Export.jsonText("\u0001"));
    }
}
