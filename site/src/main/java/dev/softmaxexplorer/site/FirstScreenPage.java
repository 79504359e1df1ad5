package dev.softmaxexplorer.site;

import dev.softmaxexplorer.web.page.Frame;
import dev.softmaxexplorer.web.panel.FirstScreen;
import dev.softmaxexplorer.web.panel.FirstScreen.Edit;
import dev.softmaxexplorer.web.state.Language;
import dev.softmaxexplorer.web.state.State;
import dev.softmaxexplorer.web.text.Messages;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The page's first screen rendered at build time, by the panels' own code run on the JVM
 * ({@link FirstScreen}) for the default state in English: the class rows, the values of T and
 * the label smoothing, the loss, the prediction and the summary are in index.html, so that a
 * browser paints the complete inputs and results words from the HTML alone, before the script
 * has loaded. A link with a state of its own, or a browser asking for another language, waits for
 * the script instead ({@link #BOOT}).
 */
final class FirstScreenPage {
    /**
     * Runs in the head before anything is painted: the page keeps itself hidden until the script's
     * first render (the style sheet reads {@code data-waiting}) when the build's page is not what
     * will be shown: a link with any state, or a browser whose language has a table of its own.
     * Otherwise a person can use the build's controls before the script has loaded (a second or
     * more on a slow phone), so it notes each input and change event until the script takes the
     * list ({@code window.softmaxExplorerEarlyEdits()}, which also stops the noting) and hears them
     * again ({@code EarlyEdits} in web).
     */
    static final String BOOT;

    static {
        StringBuilder languages = new StringBuilder();
        for (Language language : Language.values()) {
            if (language.ownTable()) {
                languages.append(languages.length() == 0 ? "" : ",").append('\'').append(language.key()).append('\'');
            }
        }
        BOOT = "(function(){var l=(navigator.language||'').toLowerCase().split('-')[0];"
                + "if(location.hash.length>1||[" + languages + "].indexOf(l)>=0)"
                + "{document.documentElement.setAttribute('data-waiting','');}"
                + "var edits=[],d=document;function note(e){edits.push([e.type,e.target]);}"
                + "d.addEventListener('input',note,true);d.addEventListener('change',note,true);"
                + "window.softmaxExplorerEarlyEdits=function(){d.removeEventListener('input',note,true);"
                + "d.removeEventListener('change',note,true);delete window.softmaxExplorerEarlyEdits;return edits;};})();";
    }

    private FirstScreenPage() {
    }

    /** The page with the default state's first screen written in, in the English of this table. */
    static String render(String html, Map<String, String> english) {
        Messages.Table table = english::get;
        Frame frame = Frame.of(State.defaults(), null, Messages.of(table, table, Language.ENGLISH), false);
        String out = html;
        for (Edit edit : FirstScreen.edits(frame)) {
            out = edit.attribute() == null ? withContent(out, edit.id(), edit.value())
                    : withAttribute(out, edit.id(), edit.attribute(), edit.value());
        }
        return out;
    }

    private static String withAttribute(String html, String id, String attribute, String value) {
        Matcher m = startTag(html, id);
        String tag = m.group();
        if (tag.contains(" " + attribute + "=")) {
            throw new IllegalStateException("the element with id \"" + id + "\" already has " + attribute
                    + " in index.html: the build writes it");
        }
        return html.substring(0, m.start()) + tag.substring(0, tag.length() - 1) + " " + attribute + "=\"" + value
                + "\">" + html.substring(m.end());
    }

    private static String withContent(String html, String id, String content) {
        Matcher m = startTag(html, id);
        Matcher end = Pattern.compile("[^<]*</" + Pattern.quote(m.group(1)) + ">").matcher(html);
        if (!end.find(m.end()) || end.start() != m.end()) {
            throw new IllegalStateException("the element with id \"" + id
                    + "\" must hold only text in index.html: the build writes its content");
        }
        return html.substring(0, m.end()) + content + "</" + m.group(1) + ">" + html.substring(end.end());
    }

    private static Matcher startTag(String html, String id) {
        Matcher m = Pattern.compile("<([a-z0-9]+)\\b[^<>]* id=\"" + Pattern.quote(id) + "\"[^<>]*>").matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("index.html has no element with id \"" + id + "\"");
        }
        return m;
    }
}
