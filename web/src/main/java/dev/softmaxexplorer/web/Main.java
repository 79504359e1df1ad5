package dev.softmaxexplorer.web;

import dev.softmaxexplorer.web.browser.Embedding;
import dev.softmaxexplorer.web.page.Page;
import dev.softmaxexplorer.web.panel.Panels;
import dev.softmaxexplorer.web.panel.Toolbar;


/**
 * Entry point of {@code app.js}. The site's build ends the script with {@code main([])}, which runs
 * once the page is parsed (the script is deferred); the elements it wires are declared in index.html.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        Embedding.catchErrors();
        Page page = new Page();
        page.start(new Toolbar(page), Panels.all(page));
    }
}
