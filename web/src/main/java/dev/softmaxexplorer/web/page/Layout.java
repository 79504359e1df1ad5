package dev.softmaxexplorer.web.page;

import dev.softmaxexplorer.web.browser.Dom;
import dev.softmaxexplorer.web.state.Fields;
import dev.softmaxexplorer.web.state.State;
import dev.softmaxexplorer.web.state.View;
import java.util.EnumSet;
import java.util.Set;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * How much of itself the page shows: everything on the full page; embedded, no page chrome (by
 * the body's class, in the style sheet) and only the chosen views, with any block left empty by
 * the choice hidden too so that it leaves no gap.
 */
final class Layout {
    // The enum lists the views in the page's order, so each block is a range of it.
    private static final Set<View> RESULTS = EnumSet.range(View.BARS, View.STEPS);
    private static final Set<View> LOSS_VIEW = EnumSet.range(View.LOSS, View.TWO_CLASS);
    private static final Set<View> TEACHING = EnumSet.range(View.LOSS, View.QUIZ);

    private final HTMLElement main = Dom.byId("main");
    private final HTMLElement results = Dom.byId("results");
    private final HTMLElement lossView = Dom.byId("loss-view");
    private final HTMLElement views = Dom.byId("views");
    private boolean embedShown;
    private Set<View> viewsShown;

    void apply(State state) {
        if (viewsShown != null && state.get(Fields.EMBED) == embedShown && state.get(Fields.VIEWS).equals(viewsShown)) {
            return;
        }
        embedShown = state.get(Fields.EMBED);
        viewsShown = state.get(Fields.VIEWS);
        Dom.attribute(Dom.DOCUMENT.getBody(), "class", state.get(Fields.EMBED) ? "embed" : "");
        for (View v : View.values()) {
            Dom.hidden(Dom.byId(v.elementId()), !state.shows(v));
        }
        boolean anyResult = showsAny(state, RESULTS);
        Dom.hidden(results, !anyResult);
        Dom.hidden(main, !(anyResult || state.shows(View.INPUTS)));
        Dom.hidden(lossView, !showsAny(state, LOSS_VIEW));
        Dom.hidden(views, !showsAny(state, TEACHING));
    }

    private static boolean showsAny(State state, Set<View> group) {
        for (View v : group) {
            if (state.shows(v)) {
                return true;
            }
        }
        return false;
    }
}
