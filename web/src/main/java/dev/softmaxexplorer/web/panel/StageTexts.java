package dev.softmaxexplorer.web.panel;

import dev.softmaxexplorer.core.Format;
import dev.softmaxexplorer.web.chain.StageNumbers;
import dev.softmaxexplorer.web.text.Numbers;

/**
 * The sampler chain's numbers as the tables show them, one set a stage, kept from one render to
 * the next: each is an exact decimal conversion, which costs more than drawing the number, and
 * while T moves most stages keep their numbers (the input always, the stages before the
 * temperature, and every step that removed nothing repeats its predecessor's). A stage whose
 * numbers equal those of a stage already written out takes its texts; only the others are
 * formatted.
 */
final class StageTexts {

    /** One stage's numbers as text: the listed classes' p (null where the stage removed the class). */
    record Texts(String[] probabilities, String mass, String entropy, String effective) {
    }

    private StageNumbers[] stages = new StageNumbers[0];
    private Texts[] texts = new Texts[0];

    /** The texts of each stage, for the first {@code listed} of its listed classes. */
    Texts[] of(StageNumbers[] now, int listed) {
        Texts[] out = new Texts[now.length];
        for (int s = 0; s < now.length; s++) {
            out[s] = s > 0 && now[s].equals(now[s - 1]) ? out[s - 1] : null;
            for (int e = 0; out[s] == null && e < stages.length; e++) {
                if (now[s].equals(stages[e]) && texts[e].probabilities().length == listed) {
                    out[s] = texts[e];
                }
            }
            if (out[s] == null) {
                out[s] = format(now[s], listed);
            }
        }
        stages = now;
        texts = out;
        return out;
    }

    private static Texts format(StageNumbers stage, int listed) {
        String[] p = new String[listed];
        for (int j = 0; j < listed; j++) {
            p[j] = stage.kept(j) ? Numbers.compact(stage.probability(j)) : null;
        }
        return new Texts(p, Format.percent(stage.originalMass(), 2), Numbers.compact(stage.entropy()),
                Numbers.compact(stage.effectiveClasses()));
    }
}
