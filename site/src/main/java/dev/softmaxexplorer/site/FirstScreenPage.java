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
 * ({@link FirstScreen}) for the default state: the class rows, the values of T and the label
 * smoothing, the loss, the prediction and the summary are in index.html, so that a browser paints
 * the complete inputs and results words from the HTML alone, before the script has loaded. The
 * page is English; the first screen of each other language with a table of its own waits in a
 * template ({@code first-screen-ja}) that an inline script ({@link #SWAP}) puts in place, before
 * anything is painted, for a browser in that language or a link that names only the language.
 * A link with a state of its own waits for the script instead ({@link #BOOT}).
 */
final class FirstScreenPage {
    /** Where the first screen ends: the render-blocking expect link in the head waits for it. */
    static final String MARK = "<template id=\"first-screen-parsed\"></template>";
    private static final Pattern BODY_START = Pattern.compile("<body[^>]*>");
    private static final Pattern TITLE = Pattern.compile("<title[^>]*>([^<]*)</title>");

    /**
     * Runs in the head before anything is painted and decides which first screen the page shows:
     * the build's English one, another language's from its template ({@code data-first-screen},
     * read by {@link #SWAP}), or, for a link with a state of its own, none before the script's
     * first render (the style sheet reads {@code data-waiting}). A browser's language, or a link
     * whose only setting is the language, chooses the language. Until the script is there a person
     * can use the first screen's controls (a second or more on a slow phone), so it notes each
     * input and change event until the script takes the list ({@code
     * window.softmaxExplorerEarlyEdits()}, which also stops the noting) and hears them again
     * ({@code EarlyEdits} in web).
     */
    static final String BOOT;
    /**
     * Runs where the first screen ends, before it is painted: for {@code data-first-screen}, moves
     * the English first screen into a template of its own ({@code first-screen-en}) and the
     * language's in its place, sets the document's title in that language, and gives each element
     * with words (the title too) its English twin
     * ({@code softmaxExplorerEnglish}), from which the script switches back to English. Until it
     * has run the style sheet hides the body ({@code data-first-screen-placed}): Firefox paints
     * a page half-parsed, before the render-blocking mark, which would show English words first.
     */
    static final String SWAP = "(function(){var d=document,r=d.documentElement,l=r.getAttribute('data-first-screen'),"
            + "t=l&&d.getElementById('first-screen-'+l);r.setAttribute('data-first-screen-placed','');if(!t){return;}"
            + "var n=d.querySelector('title');if(n){n.softmaxExplorerEnglish=n.cloneNode(true);"
            + "n.textContent=t.getAttribute('data-title');}"
            + "var b=d.body,e=d.createElement('template'),"
            + "w='[data-i18n],[data-i18n-label],[data-i18n-content]';e.id='first-screen-en';"
            + "while(b.firstChild!==t){e.content.appendChild(b.firstChild);}"
            + "var x=t.content.querySelectorAll(w),y=e.content.querySelectorAll(w);"
            + "for(var i=0;i<x.length;i++){x[i].softmaxExplorerEnglish=y[i];}"
            + "b.insertBefore(t.content,t);b.insertBefore(e,t);r.setAttribute('lang',l);})();";

    static {
        StringBuilder own = new StringBuilder();
        StringBuilder linkable = new StringBuilder(Language.ENGLISH.key() + "|" + Language.AUTO.key());
        for (Language language : Language.values()) {
            if (language.ownTable()) {
                own.append(own.length() == 0 ? "" : ",").append('\'').append(language.key()).append('\'');
                linkable.append('|').append(language.key());
            }
        }
        BOOT = "(function(){var r=document.documentElement,h=location.hash,"
                + "m=/^#lang=(" + linkable + ")$/i.exec(h),w=m?m[1].toLowerCase():h.length>1?null:'auto';"
                + "if(w==='auto'){w=(navigator.language||'').toLowerCase().split('-')[0];}"
                + "if(w===null){r.setAttribute('data-waiting','');}"
                + "else if([" + own + "].indexOf(w)>=0){r.setAttribute('data-first-screen',w);}"
                + "var edits=[],d=document;function note(e){edits.push([e.type,e.target]);}"
                + "d.addEventListener('input',note,true);d.addEventListener('change',note,true);"
                + "window.softmaxExplorerEarlyEdits=function(){d.removeEventListener('input',note,true);"
                + "d.removeEventListener('change',note,true);delete window.softmaxExplorerEarlyEdits;return edits;};})();";
    }

    private FirstScreenPage() {
    }

    /** The page with the default state's first screen written in, in the English of this table. */
    static String render(String html, Map<String, String> english) {
        return render(html, english, english, Language.ENGLISH);
    }

    /**
     * The page with each other language's first screen in a template before the mark, and the
     * script that puts one in place; {@code source} is index.html as written, {@code page} the
     * English page made from it.
     */
    static String withOtherLanguages(String page, String source, StringTables tables) {
        StringBuilder templates = new StringBuilder();
        for (Language language : Language.values()) {
            if (language.ownTable()) {
                String translated = chosen(tables.words(render(source, tables.table(language.key()), tables.english(),
                        language), language.key()), language);
                Matcher title = TITLE.matcher(translated);
                if (!title.find()) {
                    throw new IllegalStateException("index.html has no <title>");
                }
                // The title's text is escaped already, as an attribute's value must be.
                templates.append("<template id=\"first-screen-").append(language.key()).append("\" data-title=\"")
                        .append(title.group(1)).append("\">").append(firstScreen(translated)).append("</template>\n");
            }
        }
        if (!page.contains(MARK)) {
            throw new IllegalStateException("index.html has no " + MARK + " where its first screen ends");
        }
        return page.replace(MARK, templates + "<script>" + SWAP + "</script>\n" + MARK);
    }

    /** The page with the toolbar's language menu on the language, as the script shows it. */
    private static String chosen(String page, Language language) {
        String option = "<option value=\"" + language.key() + "\" lang=\"" + language.key() + "\">";
        if (!page.contains(option)) {
            throw new IllegalStateException("index.html's language menu has no " + option);
        }
        return page.replace(option, option.substring(0, option.length() - 1) + " selected>");
    }

    /** What the body holds before the mark: the first screen, as the swap script moves it. */
    private static String firstScreen(String page) {
        Matcher body = BODY_START.matcher(page);
        if (!body.find()) {
            throw new IllegalStateException("index.html has no <body>");
        }
        return page.substring(body.end(), page.indexOf(MARK));
    }

    private static String render(String html, Map<String, String> words, Map<String, String> english,
            Language language) {
        Frame frame = Frame.of(State.defaults(), null, Messages.of(words::get, english::get, language), false);
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
