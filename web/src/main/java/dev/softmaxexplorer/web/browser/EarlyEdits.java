package dev.softmaxexplorer.web.browser;

import org.teavm.jso.JSBody;

/**
 * What a person did to the build's first screen before the script had loaded (typed a T, moved a
 * slider, chose the true class): the page's head notes those input and change events (the site's
 * boot script), and the page hears them again once its listeners are in place, each control's
 * kinds of event once, in the order the person first touched them. The controls' values are the
 * person's, so the state follows them, with the same messages for a value the page cannot take.
 */
public final class EarlyEdits {
    private EarlyEdits() {
    }

    /** Hears the noted events again and stops the noting; nothing when the page has no boot script. */
    @JSBody(script = "var take = window.softmaxExplorerEarlyEdits;"
            + " if (typeof take !== 'function') { return; }"
            + " var edits = take(), targets = [], kinds = [];"
            + " edits.forEach(function (e) {"
            + "   var i = targets.indexOf(e[1]);"
            + "   if (i < 0) { i = targets.length; targets.push(e[1]); kinds.push([]); }"
            + "   if (kinds[i].indexOf(e[0]) < 0) { kinds[i].push(e[0]); } });"
            + " targets.forEach(function (target, i) {"
            + "   if (!target.isConnected) { return; }"
            + "   kinds[i].forEach(function (kind) { target.dispatchEvent(new Event(kind, {bubbles: true})); }); });")
    public static native void replay();
}
