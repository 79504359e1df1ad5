package dev.softmaxexplorer.web.browser;

/**
 * index.html lacks an element the page's code names: the build and the code disagree, which no
 * input can cause. A panel is made when first needed, so this can surface after start-up too.
 */
public final class MissingElement extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    MissingElement(String id) {
        super("index.html has no element with id '" + id + "'");
    }

    /** Says on the page which element is missing, where a person (or a test) can read it. */
    public void show() {
        Embedding.showFatal("Softmax Explorer could not start: " + getMessage() + ".");
    }
}
