package dev.softmaxexplorer.web;

import dev.softmaxexplorer.web.state.Language;
import dev.softmaxexplorer.web.text.Markup;
import dev.softmaxexplorer.web.text.Messages;
import java.util.ArrayList;
import java.util.List;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.xml.Node;
import org.teavm.jso.dom.xml.NodeList;

/**
 * The page's words in the language the state asks for. The site build inlines every string table
 * as a data block ({@code <script type="application/json" id="strings-ja">}, never executed) and
 * writes the English words into the static elements; this class reads the tables, switches the
 * static elements (those with {@code data-i18n}, {@code data-i18n-label} or
 * {@code data-i18n-content}) without a reload, sets {@code <html lang dir>}, and gives the panels
 * their words through {@link #words()}.
 */
public final class Translation {
    private static final Messages.Table ENGLISH = lookUpIn(table("en"));
    private static Messages words = Messages.of(ENGLISH, ENGLISH, Language.ENGLISH);
    private static String trueWordShown;

    private Translation() {
    }

    /** The words of the language now shown. */
    public static Messages words() {
        return words;
    }

    /** Shows the page in the state's language (for {@link Language#AUTO}, the browser's). */
    static void show(Language chosen) {
        Language shown = chosen.resolve(browserLanguage());
        HTMLElement root = Dom.DOCUMENT.getDocumentElement();
        if (shown != words.language()) {
            words = Messages.of(lookUpIn(table(shown.key())), ENGLISH, shown);
            translate(root, shown);
        }
        // The tables' "true class" mark is generated content in style.css, which reads its word here.
        String trueWord = words.text("table.true");
        if (!trueWord.equals(trueWordShown)) {
            trueWordShown = trueWord;
            root.getStyle().setProperty("--true-word", "\"" + trueWord.replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
        }
    }

    /** Puts the static elements' words, and the page's lang and dir, into the language shown. */
    private static void translate(HTMLElement root, Language shown) {
        root.setAttribute("lang", shown.key());
        root.setAttribute("dir", shown.rightToLeft() ? "rtl" : "ltr");
        NodeList<HTMLElement> texts = withAttribute("data-i18n");
        for (int i = 0; i < texts.getLength(); i++) {
            fill(texts.get(i), words.text(texts.get(i).getAttribute("data-i18n")));
        }
        NodeList<HTMLElement> labels = withAttribute("data-i18n-label");
        for (int i = 0; i < labels.getLength(); i++) {
            labels.get(i).setAttribute("aria-label", words.text(labels.get(i).getAttribute("data-i18n-label")));
        }
        NodeList<HTMLElement> contents = withAttribute("data-i18n-content");
        for (int i = 0; i < contents.getLength(); i++) {
            contents.get(i).setAttribute("content", words.text(contents.get(i).getAttribute("data-i18n-content")));
        }
    }

    private static Messages.Table lookUpIn(JSObject table) {
        return key -> lookUp(table, key);
    }

    /** Replaces an element's content by a template's text and allowed inline elements, all as text. */
    private static void fill(HTMLElement element, String template) {
        Dom.clear(element);
        List<Node> open = new ArrayList<>();
        open.add(element);
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
    }

    /** The string table of a language inlined by the build, or null when this page has none. */
    @JSBody(params = "language", script = "var e = document.getElementById('strings-' + language);"
            + " return e ? JSON.parse(e.textContent) : null;")
    private static native JSObject table(String language);

    @JSBody(params = {"table", "key"}, script = "return table !== null"
            + " && Object.prototype.hasOwnProperty.call(table, key) ? table[key] : null;")
    private static native String lookUp(JSObject table, String key);

    @JSBody(params = "attribute", script = "return document.querySelectorAll('[' + attribute + ']');")
    private static native NodeList<HTMLElement> withAttribute(String attribute);

    @JSBody(script = "return navigator.language || null;")
    private static native String browserLanguage();
}
