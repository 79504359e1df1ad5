package dev.softmaxexplorer.web.browser;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.browser.Window;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLInputElement;

/** Small DOM conveniences; every text goes in as text (never as markup), so names cannot inject HTML. */
public final class Dom {
    public static final HTMLDocument DOCUMENT = Window.current().getDocument();

    private Dom() {
    }

    /**
     * The element with this id. The page's code and index.html must agree on every id: a missing
     * one stops the page with its name, instead of failing later, elsewhere, on a null.
     *
     * @throws MissingElement if the page has no such element
     */
    public static HTMLElement byId(String id) {
        HTMLElement element = DOCUMENT.getElementById(id);
        if (element == null) {
            throw new MissingElement(id);
        }
        return element;
    }

    /** {@link #byId(String)}, as the element type the caller knows it to be. */
    public static <T extends HTMLElement> T byId(String id, Class<T> type) {
        return byId(id).cast();
    }

    public static <T extends HTMLElement> T create(String tag) {
        return DOCUMENT.createElement(tag).cast();
    }

    public static HTMLElement create(String tag, String className, String text) {
        HTMLElement element = create(tag);
        if (className != null) {
            element.setClassName(className);
        }
        if (text != null) {
            element.setTextContent(text);
        }
        return element;
    }

    public static void clear(HTMLElement element) {
        while (element.getFirstChild() != null) {
            element.removeChild(element.getFirstChild());
        }
    }

    /**
     * Sets text only when it changed: rewriting equal text still costs a layout in some browsers.
     * Compared in the browser, so the element's text is not copied into a Java string (these
     * helpers run dozens of times a frame).
     */
    @JSBody(params = {"element", "text"}, script = "if (element.textContent !== text) { element.textContent = text; }")
    public static native void text(HTMLElement element, String text);

    @JSBody(params = {"element", "name", "value"},
            script = "if (element.getAttribute(name) !== value) { element.setAttribute(name, value); }")
    public static native void attribute(HTMLElement element, String name, String value);

    /**
     * Shows a value in a field or slider unless the person is in it: focused fields are never
     * rewritten, so typing "1e" on the way to "1e3" is not undone.
     */
    @JSBody(params = {"input", "text"},
            script = "if (document.activeElement !== input && input.value !== text) { input.value = text; }")
    public static native void value(HTMLInputElement input, String text);

    /** Parses HTML the page wrote itself (never a person's text unescaped) at the end of an element. */
    @JSBody(params = {"element", "html"}, script = "element.insertAdjacentHTML('beforeend', html);")
    public static native void appendHtml(HTMLElement element, String html);

    @JSBody(params = "element", script = "return document.activeElement === element;")
    public static native boolean isFocused(HTMLElement element);

    @JSBody(params = {"element", "hidden"}, script = "element.hidden = hidden;")
    public static native void hidden(HTMLElement element, boolean hidden);

    @JSBody(params = {"element", "checked"}, script = "element.checked = checked;")
    public static native void checked(HTMLElement element, boolean checked);

    @JSBody(params = {"element", "target"}, script = "return element.contains(target);")
    public static native boolean contains(HTMLElement element, JSObject target);

    @JSBody(params = "details", script = "return !!details.open;")
    public static native boolean isOpen(HTMLElement details);

    @JSBody(params = {"details", "open"}, script = "details.open = open;")
    public static native void open(HTMLElement details, boolean open);

    @JSBody(params = "element", script = "return !!element.checked;")
    public static native boolean isChecked(HTMLElement element);
}
