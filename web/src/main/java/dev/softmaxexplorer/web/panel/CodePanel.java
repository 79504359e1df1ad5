package dev.softmaxexplorer.web.panel;

import dev.softmaxexplorer.core.Pipeline.Mode;
import dev.softmaxexplorer.core.Precision;
import dev.softmaxexplorer.web.browser.Clipboard;
import dev.softmaxexplorer.web.browser.Dom;
import dev.softmaxexplorer.web.page.Editor;
import dev.softmaxexplorer.web.page.Frame;
import dev.softmaxexplorer.web.page.Panel;
import dev.softmaxexplorer.web.state.Fields;
import dev.softmaxexplorer.web.state.State;
import dev.softmaxexplorer.web.text.CodeSnippet;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * "Copy as code": the NumPy and PyTorch programs that recompute the current numbers, shown as
 * text and copied by their buttons. The copy buttons read the editor's state at the click, so they
 * always copy the current program, even before an off-screen view has caught up.
 */
public final class CodePanel implements Panel {
    private final HTMLElement numpy = Dom.byId("numpy-code");
    private final HTMLElement pytorch = Dom.byId("pytorch-code");
    private final HTMLElement note = Dom.byId("code-note");

    CodePanel(Editor editor) {
        HTMLElement status = Dom.byId("code-copy-status");
        HTMLElement fallback = Dom.byId("code-copy-fallback");
        Dom.byId("copy-numpy").addEventListener("click", e -> copy(editor.frame(),
                numpy(editor.frame()), "code.copy-numpy.done", status, fallback));
        Dom.byId("copy-pytorch").addEventListener("click", e -> copy(editor.frame(),
                pytorch(editor.frame()), "code.copy-pytorch.done", status, fallback));
    }

    /** The NumPy program: for the workbench's vector when one is loaded (it loads logits.npy), else for the link's logits. */
    private static String numpy(Frame frame) {
        return frame.loaded() == null ? CodeSnippet.numpy(frame.state()) : CodeSnippet.numpy(frame.state(), frame.loaded());
    }

    private static String pytorch(Frame frame) {
        return frame.loaded() == null ? CodeSnippet.pytorch(frame.state())
                : CodeSnippet.pytorch(frame.state(), frame.loaded());
    }

    private static void copy(Frame frame, String code, String doneKey, HTMLElement status, HTMLElement fallback) {
        Clipboard.copy(code, frame.words().text(doneKey), frame.words().text("page.clipboard-refused"), status,
                fallback);
    }

    @Override
    public void render(Frame frame) {
        State state = frame.state();
        Dom.text(numpy, numpy(frame));
        Dom.text(pytorch, pytorch(frame));
        boolean emulating = state.get(Fields.PRECISION) != Precision.FLOAT64 || state.get(Fields.MODE) != Mode.STABLE;
        Dom.hidden(note, !emulating);
        Dom.text(note, emulating ? frame.words().format("code.code-note", "precision",
                state.get(Fields.PRECISION).displayName(), "mode", state.get(Fields.MODE).displayName()) : "");
    }
}
