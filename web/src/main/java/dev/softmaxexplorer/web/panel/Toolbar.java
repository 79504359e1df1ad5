package dev.softmaxexplorer.web.panel;

import dev.softmaxexplorer.web.browser.Dom;
import dev.softmaxexplorer.web.page.Editor;
import dev.softmaxexplorer.web.page.Frame;
import dev.softmaxexplorer.web.page.Panel;
import dev.softmaxexplorer.web.state.Fields;
import dev.softmaxexplorer.web.state.Language;
import org.teavm.jso.dom.events.KeyboardEvent;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLSelectElement;

/**
 * The page's toolbar: Reset, the Share menu (the copy buttons and the choice of views for the
 * embed code), the colour scheme and the language. It is page chrome, not a view: drawn in every frame, hidden embedded.
 */
public final class Toolbar implements Panel {
    private final HTMLSelectElement theme = Dom.byId("theme", HTMLSelectElement.class);
    private final HTMLSelectElement language = Dom.byId("language", HTMLSelectElement.class);
    private final EmbedChoice embedChoice;

    public Toolbar(Editor editor) {
        Dom.byId("reset").addEventListener("click", e -> editor.step(null, s -> s.reset()));
        theme.addEventListener("change", e -> editor.set(theme, Fields.COLOR_SCHEME, theme.getValue()));
        language.addEventListener("change", e -> editor.set(language, Fields.LANGUAGE, language.getValue()));
        Actions.wire(editor);
        embedChoice = new EmbedChoice(editor);
        closesLikeAMenu(Dom.byId("share"));
    }

    /**
     * A disclosure that behaves as a menu: Escape closes it and returns focus to its summary, and
     * a click elsewhere on the page closes it.
     */
    private static void closesLikeAMenu(HTMLElement menu) {
        menu.addEventListener("keydown", e -> {
            if (Dom.isOpen(menu) && "Escape".equals(((KeyboardEvent) e).getKey())) {
                Dom.open(menu, false);
                menu.querySelector("summary").focus();
            }
        });
        Dom.DOCUMENT.addEventListener("click", e -> {
            if (Dom.isOpen(menu) && !Dom.contains(menu, e.getTarget())) {
                Dom.open(menu, false);
            }
        });
    }

    @Override
    public void render(Frame frame) {
        theme.setValue(frame.state().get(Fields.COLOR_SCHEME).key());
        embedChoice.show(frame.state());
        // The pseudo-locales are English underneath and have no option of their own.
        Language shown = frame.words().language();
        language.setValue(shown == Language.JAPANESE ? shown.key() : Language.ENGLISH.key());
    }
}
