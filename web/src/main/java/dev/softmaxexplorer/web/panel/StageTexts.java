package dev.softmaxexplorer.web.panel;

import dev.softmaxexplorer.core.Format;
import dev.softmaxexplorer.core.SamplerChain.Stage;
import dev.softmaxexplorer.web.text.Numbers;
import java.util.Arrays;

/**
 * The sampler chain's numbers as the tables show them, one set a stage, kept from one render to
 * the next: each is an exact decimal conversion, which costs more than drawing the number, and
 * while T moves most stages keep their distribution (the input always, the stages before the
 * temperature, and every step that removed nothing shares its predecessor's). A stage whose
 * distribution is that of a stage already written out ({@link Stage#sameDistributionAs}) takes
 * its texts; only the others are formatted.
 */
final class StageTexts {

    /** One stage's numbers as text: the listed classes' p (null where the stage removed the class). */
    record Texts(String[] probabilities, String mass, String entropy, String effective) {
    }

    private int[] classes = new int[0];
    private Stage[] stages = new Stage[0];
    private Texts[] texts = new Texts[0];

    /** The texts of each stage for these listed classes. */
    Texts[] of(Stage[] now, int[] listed) {
        boolean sameClasses = Arrays.equals(classes, listed);
        Texts[] out = new Texts[now.length];
        for (int s = 0; s < now.length; s++) {
            out[s] = s > 0 && now[s].sameDistributionAs(now[s - 1]) ? out[s - 1] : null;
            for (int e = 0; out[s] == null && sameClasses && e < stages.length; e++) {
                if (now[s].sameDistributionAs(stages[e])) {
                    out[s] = texts[e];
                }
            }
            if (out[s] == null) {
                out[s] = format(now[s], listed);
            }
        }
        classes = listed.clone();
        stages = now;
        texts = out;
        return out;
    }

    private static Texts format(Stage stage, int[] listed) {
        String[] p = new String[listed.length];
        for (int j = 0; j < listed.length; j++) {
            p[j] = stage.kept(listed[j]) ? Numbers.compact(stage.probability(listed[j])) : null;
        }
        return new Texts(p, Format.percent(stage.originalMass(), 2), Numbers.compact(stage.entropy()),
                Numbers.compact(stage.effectiveClasses()));
    }
}
