package dev.softmaxexplorer.web.panel;

import dev.softmaxexplorer.core.SoftmaxResult;
import dev.softmaxexplorer.web.browser.Dom;
import dev.softmaxexplorer.web.browser.Download;
import dev.softmaxexplorer.web.page.Editor;
import dev.softmaxexplorer.web.page.Frame;
import dev.softmaxexplorer.web.text.Messages;
import dev.softmaxexplorer.web.text.Numbers;
import dev.softmaxexplorer.web.workbench.Loaded;
import dev.softmaxexplorer.web.workbench.ResultFiles;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * The workbench's save buttons: the logits as read, and core's exact p, log p and gradient at the
 * page's T as {@code .npy} files and one CSV ({@link ResultFiles}). Each file is made when its
 * button is pressed, from the editor's current frame, so it always holds what the page shows.
 */
final class WorkbenchSave {
    private static final String NPY = "application/octet-stream";
    private final Editor editor;
    private final HTMLElement status = Dom.byId("workbench-save-status");

    WorkbenchSave(Editor editor) {
        this.editor = editor;
        on("workbench-save-logits", ResultFiles.LOGITS);
        on("workbench-save-p", ResultFiles.PROBABILITIES);
        on("workbench-save-log-p", ResultFiles.LOG_PROBABILITIES);
        on("workbench-save-gradient", ResultFiles.GRADIENT);
        on("workbench-save-csv", ResultFiles.CSV);
    }

    private void on(String id, String file) {
        Dom.byId(id).addEventListener("click", e -> save(file));
    }

    private void save(String file) {
        Frame frame = editor.frame();
        Loaded loaded = frame.loaded();
        if (loaded == null) {
            return;
        }
        SoftmaxResult exact = frame.loadedExact();
        switch (file) {
            case ResultFiles.LOGITS -> Download.bytes(file, ResultFiles.logits(loaded), NPY);
            case ResultFiles.PROBABILITIES -> Download.bytes(file, ResultFiles.probabilities(exact), NPY);
            case ResultFiles.LOG_PROBABILITIES -> Download.bytes(file, ResultFiles.logProbabilities(exact), NPY);
            case ResultFiles.GRADIENT -> Download.bytes(file, ResultFiles.gradient(exact), NPY);
            default -> Download.text(file, ResultFiles.csv(exact), "text/csv");
        }
        Messages words = frame.words();
        Dom.text(status, words.format(Download.embedded() ? "workbench.saved-embedded" : "workbench.saved",
                "file", file, "k", Numbers.grouped(loaded.size())));
    }
}
