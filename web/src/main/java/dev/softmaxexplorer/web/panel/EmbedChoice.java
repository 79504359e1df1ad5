package dev.softmaxexplorer.web.panel;

import dev.softmaxexplorer.web.browser.Dom;
import dev.softmaxexplorer.web.page.Editor;
import dev.softmaxexplorer.web.state.Fields;
import dev.softmaxexplorer.web.state.Message;
import dev.softmaxexplorer.web.state.ParseResult;
import dev.softmaxexplorer.web.state.State;
import dev.softmaxexplorer.web.state.View;
import java.util.Set;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * The checkboxes that choose which views the embed code keeps. The choice is part of the state
 * (and so of the link), and the page itself keeps showing everything until it is embedded.
 */
final class EmbedChoice {
    private final HTMLElement[] boxes = new HTMLElement[View.values().length];

    EmbedChoice(Editor editor) {
        for (View v : View.values()) {
            HTMLElement box = Dom.byId("embed-view-" + v.key());
            boxes[v.ordinal()] = box;
            box.addEventListener("change", e -> {
                Set<View> chosen = editor.state().get(Fields.VIEWS);
                if (Dom.isChecked(box)) {
                    chosen.add(v);
                } else {
                    chosen.remove(v);
                }
                ParseResult<Set<View>> parsed = chosen.isEmpty()
                        ? ParseResult.rejected(new Message("input.views.keep-one"))
                        : ParseResult.of(chosen);
                editor.edit(box, parsed, s -> s.with(Fields.VIEWS, parsed.value()));
            });
        }
    }

    void show(State state) {
        for (View v : View.values()) {
            Dom.checked(boxes[v.ordinal()], state.get(Fields.VIEWS).contains(v));
        }
    }
}
