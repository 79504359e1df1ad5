package dev.softmaxexplorer.web.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.softmaxexplorer.core.Pipeline;
import dev.softmaxexplorer.core.Softmax;
import dev.softmaxexplorer.web.state.Fields;
import dev.softmaxexplorer.web.state.HashCodec;
import dev.softmaxexplorer.web.state.State;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class InvariantsTest {
    private static List<String> check(State s, String hash) {
        return Invariants.violations(s, Softmax.evaluate(s.get(Fields.LOGITS), s.get(Fields.TEMPERATURE), s.get(Fields.TARGET), s.get(Fields.LABEL_SMOOTHING)),
                Pipeline.trace(s.get(Fields.LOGITS), s.get(Fields.TEMPERATURE), s.get(Fields.PRECISION), s.get(Fields.MODE)), hash);
    }

    @Test
    void holdForRandomExtremeStates() {
        SplittableRandom random = new SplittableRandom(7);
        for (int n = 0; n < 2000; n++) {
            int k = 2 + random.nextInt(9);
            double[] z = new double[k];
            for (int i = 0; i < k; i++) {
                z[i] = (random.nextDouble() * 2 - 1) * Math.pow(10, random.nextInt(-5, 307));
            }
            State s = State.defaults().with(Fields.CLASS_COUNT, k).with(Fields.LOGITS, z)
                    .with(Fields.TEMPERATURE, Math.pow(10, random.nextDouble() * 8 - 4))
                    .with(Fields.TARGET, random.nextInt(k)).with(Fields.LABEL_SMOOTHING, random.nextBoolean() ? 0 : random.nextDouble());
            assertEquals(List.of(), check(s, HashCodec.encode(s)), s.toString());
        }
    }

    @Test
    void aHashThatDoesNotMatchIsReported() {
        State s = State.defaults();
        assertEquals(List.of("the URL hash 't=2' does not decode to the state shown"), check(s, "t=2"));
    }
}
