package dev.softmaxexplorer.web;

import dev.softmaxexplorer.core.Pipeline.Mode;
import dev.softmaxexplorer.core.Precision;
import dev.softmaxexplorer.web.state.State;
import dev.softmaxexplorer.web.text.CodeSnippet;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * "Copy as code": the NumPy and PyTorch programs that recompute the current numbers, shown as
 * text and copied by their buttons. The copy buttons read the editor's state at the click, so they
 * always copy the current program, even before an off-screen view has caught up.
 */
final class CodeView implements Panel {
    private final HTMLElement numpy = Dom.byId("numpy-code");
    private final HTMLElement pytorch = Dom.byId("pytorch-code");
    private final HTMLElement note = Dom.byId("code-note");

    CodeView(Editor editor) {
        HTMLElement status = Dom.byId("code-copy-status");
        HTMLElement fallback = Dom.byId("code-copy-fallback");
        Dom.byId("copy-numpy").addEventListener("click", e -> Clipboard.copy(CodeSnippet.numpy(editor.frame().state()),
                Translation.words().text("code.copy-numpy.done"), status, fallback));
        Dom.byId("copy-pytorch").addEventListener("click", e -> Clipboard.copy(CodeSnippet.pytorch(editor.frame().state()),
                Translation.words().text("code.copy-pytorch.done"), status, fallback));
    }

    @Override
    public void render(Frame frame) {
        State state = frame.state();
        Dom.text(numpy, CodeSnippet.numpy(state));
        Dom.text(pytorch, CodeSnippet.pytorch(state));
        boolean emulating = state.precision() != Precision.FLOAT64 || state.mode() != Mode.STABLE;
        Dom.hidden(note, !emulating);
        Dom.text(note, emulating ? Translation.words().format("code.code-note", "precision",
                state.precision().displayName(), "mode", state.mode().displayName()) : "");
    }
}
