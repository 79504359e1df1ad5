package dev.softmaxexplorer.web;

import dev.softmaxexplorer.web.browser.Embedding;
import dev.softmaxexplorer.web.chain.ChainWorker;
import dev.softmaxexplorer.web.browser.LearningSystem;
import dev.softmaxexplorer.web.browser.MissingElement;
import dev.softmaxexplorer.web.page.Page;
import dev.softmaxexplorer.web.panel.ControlStrip;
import dev.softmaxexplorer.web.panel.Panels;
import dev.softmaxexplorer.web.panel.Toolbar;
import java.util.List;


/**
 * Entry point of {@code app.js}. The site's build ends the script with {@code main([])}, which runs
 * once the page is parsed (the script is deferred); the elements it wires are declared in index.html.
 * In the sampler chain's worker the same script runs {@code main(["worker"])} ({@code ChainThread}).
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 1 && args[0].equals("worker")) {
            ChainWorker.start();
            return;
        }
        Embedding.catchErrors();
        try {
            Page page = new Page();
            page.start(List.of(new Toolbar(page), new ControlStrip(page)), Panels.all(page, LearningSystem.connect()));
        } catch (MissingElement e) {
            // Said here, since from file:// the browser hides the text of an uncaught error behind "Script error.".
            e.show();
        }
    }
}
