package dev.softmaxexplorer.web;

/**
 * Entry point of {@code app.js}. The site's build ends the script with {@code main([])}, which runs
 * once the page is parsed (the script is deferred); the elements it wires are declared in index.html.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        Embedding.catchErrors();
        new Page().start();
    }
}
