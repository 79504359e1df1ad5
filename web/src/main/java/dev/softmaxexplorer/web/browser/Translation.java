package dev.softmaxexplorer.web.browser;

import dev.softmaxexplorer.web.state.Language;
import dev.softmaxexplorer.web.text.Markup;
import dev.softmaxexplorer.web.text.Messages;
import java.util.ArrayList;
import java.util.List;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.xml.Node;
import org.teavm.jso.dom.xml.NodeList;

/**
 * The page's words in the language the state asks for. The site build writes the English words
 * into the static elements and inlines the English table as a data block
 * ({@code <script type="application/json" id="strings-en">}, never executed, keeping only the words
 * the code uses). The single file inlines every other table the same way; the folder has them as
 * files ({@code strings-ja.js}), which this class loads when the language is first asked for, so
 * that a reader in English does not download Japanese (12 KB gzipped). It reads the tables,
 * switches the static elements (those with {@code data-i18n}, {@code data-i18n-label} or
 * {@code data-i18n-content}) without a reload, sets {@code <html lang dir>}, and gives the panels
 * their words through {@link #words()}. The page owns the one instance and hands the words to its
 * panels in each frame.
 */
public final class Translation {
    private final Messages.Table english = lookUpIn(table("en"));
    private Messages words = Messages.of(english, english, Language.ENGLISH);
    /** The style sheet's fallback for {@code --true-word} is the English word (see style.css). */
    private String trueWordShown = words.text("table.true");
    private EnglishPage englishPage;
    /**
     * The language of the first screen the build put in place (index.html's swap script), while
     * the rest of the page is still English, or null.
     */
    private String placedFirstScreen = Dom.DOCUMENT.getDocumentElement().getAttribute("data-first-screen");
    /** The language whose table file is loading, or null. */
    private Language loading;
    /** Languages whose table file failed to load: shown in English. */
    private final List<Language> unavailable = new ArrayList<>();
    private int generation;

    /** The words of the language now shown: the page hands them to its panels in each frame. */
    public Messages words() {
        return words;
    }

    /**
     * Shows the page in the state's language (for {@link Language#AUTO}, the browser's). A table
     * not yet loaded is requested, and the words shown stay as they are until it arrives, when
     * {@code arrived} runs; one that cannot be loaded leaves the page in English.
     */
    public void show(Language chosen, Runnable arrived) {
        Language shown = chosen.resolve(browserLanguage());
        HTMLElement root = Dom.DOCUMENT.getDocumentElement();
        JSObject table = null;
        if (shown.ownTable() && shown != words.language()) {
            table = table(shown.key());
            if (table == null && unavailable.contains(shown)) {
                shown = Language.ENGLISH;
            } else if (table == null) {
                load(shown, arrived);
                return;
            }
        }
        boolean firstScreenDiffers = placedFirstScreen != null && !placedFirstScreen.equals(shown.key());
        if (shown != words.language() || firstScreenDiffers) {
            words = Messages.of(lookUpIn(table), english, shown);
            translate(root, shown);
            placedFirstScreen = null;
            Embedding.wordErrors(words.format("page.uncaught-error", "error", "{error}"));
        }
        // The tables' "true class" mark is generated content in style.css, which reads its word here;
        // set only when it differs from the English the style sheet has (a change restyles the document).
        String trueWord = words.text("table.true");
        if (!trueWord.equals(trueWordShown)) {
            trueWordShown = trueWord;
            String quoted = trueWord.replace("\\", "\\\\").replace("\"", "\\\"");
            root.getStyle().setProperty("--true-word", "\"" + quoted + "\"");
        }
    }

    /** True while the table of the language asked for is loading: the words shown are not its yet. */
    public boolean waiting() {
        return loading != null;
    }

    /**
     * True while that table is loading for a first screen the build already shows in its language:
     * the page leaves it as it is until the words of the rest arrive.
     */
    public boolean waitingBehindPlacedFirstScreen() {
        return waiting() && placedFirstScreen != null;
    }

    /** Counts the table files that arrived or failed: each can change the words without a new state. */
    public int generation() {
        return generation;
    }

    /** The file of the table that could not be loaded for the language asked for, or null. */
    public String missingFile(Language chosen) {
        Language asked = chosen.resolve(browserLanguage());
        return unavailable.contains(asked) ? fileName(asked) : null;
    }

    private void load(Language language, Runnable arrived) {
        if (loading == language) {
            return;
        }
        loading = language;
        loadScript(fileName(language), loaded -> {
            if (!loaded || table(language.key()) == null) {
                unavailable.add(language);
            }
            loading = null;
            generation++;
            arrived.run();
        });
    }

    private static String fileName(Language language) {
        return "strings-" + language.key() + ".js";
    }

    /** Puts the static elements' words, and the page's lang and dir, into the language shown. */
    private void translate(HTMLElement root, Language shown) {
        root.setAttribute("lang", shown.key());
        root.setAttribute("dir", shown.rightToLeft() ? "rtl" : "ltr");
        if (englishPage == null) {
            englishPage = new EnglishPage();
        }
        // Only a language with a table of its own is filled from it; English and the pseudo-locales,
        // which are English underneath, come from the build's English content of each element.
        boolean ownTable = shown.ownTable();
        int copies = shown == Language.PSEUDO_LONG ? 2 : 1;
        for (int i = 0; i < englishPage.texts.size(); i++) {
            HTMLElement element = englishPage.texts.get(i);
            if (ownTable) {
                fill(element, words.text(element.getAttribute("data-i18n")));
            } else {
                restore(element, englishPage.originals.get(i), copies);
            }
        }
        for (int i = 0; i < englishPage.attributed.size(); i++) {
            HTMLElement element = englishPage.attributed.get(i);
            String attribute = englishPage.attributes.get(i);
            String original = englishPage.values.get(i);
            String key = element.getAttribute(attribute.equals("content") ? "data-i18n-content" : "data-i18n-label");
            element.setAttribute(attribute, ownTable ? words.text(key)
                    : copies == 2 ? original + " " + original : original);
        }
    }

    /**
     * The English the build wrote into the static elements (or their English twins), kept when
     * the page first leaves English: the inlined English table leaves those words out (they are
     * in the page already), so switching back, and the pseudo-locales, start from these copies.
     */
    private static final class EnglishPage {
        final List<HTMLElement> texts = new ArrayList<>();
        final List<Node> originals = new ArrayList<>();
        final List<HTMLElement> attributed = new ArrayList<>();
        final List<String> attributes = new ArrayList<>();
        final List<String> values = new ArrayList<>();

        EnglishPage() {
            NodeList<HTMLElement> elements = withAttribute("data-i18n");
            for (int i = 0; i < elements.getLength(); i++) {
                texts.add(elements.get(i));
                originals.add(english(elements.get(i)).cloneNode(true));
            }
            keep(withAttribute("data-i18n-label"), "aria-label");
            keep(withAttribute("data-i18n-content"), "content");
        }

        private void keep(NodeList<HTMLElement> elements, String attribute) {
            for (int i = 0; i < elements.getLength(); i++) {
                attributed.add(elements.get(i));
                attributes.add(attribute);
                values.add(english(elements.get(i)).getAttribute(attribute));
            }
        }
    }

    /** Gives an element copies of its build-time English children, separated by a space. */
    private static void restore(HTMLElement element, Node original, int copies) {
        Dom.clear(element);
        for (int copy = 0; copy < copies; copy++) {
            if (copy > 0) {
                element.appendChild(Dom.DOCUMENT.createTextNode(" "));
            }
            for (Node child = original.getFirstChild(); child != null; child = child.getNextSibling()) {
                element.appendChild(child.cloneNode(true));
            }
        }
    }

    private static Messages.Table lookUpIn(JSObject table) {
        return key -> lookUp(table, key);
    }

    /** Replaces an element's content by a template's text and allowed inline elements, all as text. */
    private static void fill(HTMLElement element, String template) {
        HTMLElement filled = (HTMLElement) element.cloneNode(false);
        List<Node> open = new ArrayList<>();
        open.add(filled);
        Markup.parse(template, new Markup.Sink() {
            @Override
            public void text(String text) {
                open.get(open.size() - 1).appendChild(Dom.DOCUMENT.createTextNode(text));
            }

            @Override
            public void open(String tag) {
                HTMLElement child = Dom.create(tag);
                open.get(open.size() - 1).appendChild(child);
                open.add(child);
            }

            @Override
            public void close(String tag) {
                // An unbalanced close in a table is ignored rather than closing the element itself.
                if (open.size() > 1) {
                    open.remove(open.size() - 1);
                }
            }
        });
        // Words the build wrote already (a first screen in this language) stay the same nodes: new
        // ones would be painted anew, a new largest contentful paint after the script.
        if (!sameNode(filled, element)) {
            Dom.clear(element);
            while (filled.getFirstChild() != null) {
                element.appendChild(filled.getFirstChild());
            }
        }
    }

    /**
     * The string table of a language, inlined by the build or set by its loaded file, or null when
     * this page has none (yet).
     */
    @JSBody(params = "language", script = "var e = document.getElementById('strings-' + language);"
            + " if (e) { return JSON.parse(e.textContent); }"
            + " var loaded = window.softmaxExplorerStrings;"
            + " return loaded && Object.prototype.hasOwnProperty.call(loaded, language) ? loaded[language] : null;")
    private static native JSObject table(String language);

    @JSFunctor
    interface Loaded extends JSObject {
        void done(boolean loaded);
    }

    /** Adds a script element for a file next to the page; {@code done} learns whether it ran. */
    @JSBody(params = {"file", "done"}, script = "var s = document.createElement('script');"
            + " s.src = file; s.onload = function () { done(true); };"
            + " s.onerror = function () { done(false); }; document.head.appendChild(s);")
    private static native void loadScript(String file, Loaded done);

    @JSBody(params = {"table", "key"}, script = "return table !== null"
            + " && Object.prototype.hasOwnProperty.call(table, key) ? table[key] : null;")
    private static native String lookUp(JSObject table, String key);

    /**
     * The element as the build wrote it in English: itself, or for a first screen the build wrote in
     * another language, its English twin (index.html's swap script).
     */
    @JSBody(params = "element", script = "return element.softmaxExplorerEnglish || element;")
    private static native HTMLElement english(HTMLElement element);

    @JSBody(params = {"a", "b"}, script = "return a.isEqualNode(b);")
    private static native boolean sameNode(Node a, Node b);

    @JSBody(params = "attribute", script = "return document.querySelectorAll('[' + attribute + ']');")
    private static native NodeList<HTMLElement> withAttribute(String attribute);

    @JSBody(script = "return navigator.language || null;")
    private static native String browserLanguage();
}
