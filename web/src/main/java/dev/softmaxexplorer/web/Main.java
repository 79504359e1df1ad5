package dev.softmaxexplorer.web;

/**
 * Entry point of {@code app.js}. The page calls {@code main([])} after the script has loaded; the
 * elements it wires are declared in index.html.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        Embedding.catchErrors();
        new Page().start();
    }
}
