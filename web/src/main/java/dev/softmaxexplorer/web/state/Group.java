package dev.softmaxexplorer.web.state;

/** What a {@link Field} of the state is about; Reset keeps the groups that say how the page is seen. */
public enum Group {
    /** The classifier being explored: classes, logits, names, T, the true class, smoothing. */
    MODEL,
    /** The machine that computes it: the softmax form and the precision. */
    MACHINE,
    /** The teaching tools: the teacher's logits, sampling, the learning rate. */
    TEACHING,
    /** How the page is viewed: embedding, views kept, colours, language. */
    PAGE,
    /** Hooks for tests and benchmarks, set only by a link: stress, fuzz, invariant checks. */
    TEST;

    /** Whether Reset keeps this group's fields: it restores what a person set, not how the page is viewed or tested. */
    public boolean keptByReset() {
        return this == PAGE || this == TEST;
    }
}
