package dev.softmaxexplorer.web.check;

import dev.softmaxexplorer.core.Format;
import dev.softmaxexplorer.core.SeededGenerator;
import org.teavm.jso.JSBody;
import org.teavm.jso.browser.Window;
import org.teavm.jso.core.JSArrayReader;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * The fuzz mode ({@code #fuzz=<seed>}): every animation frame it picks one of the page's controls
 * and does something random but plausible to it — a value typed into a field (numbers of every
 * size, garbage, markup), a slider moved, an option chosen, a box ticked, a button pressed, a
 * key or a pointer/touch event — the same sequence for the same seed, as the best teaching
 * simulations test themselves. It counts its actions in {@code window.softmaxExplorerFuzz}.
 */
public final class Fuzzer {
    private static final String[] TEXTS = {"", " ", "abc", "1e999", "-1e999", "-0", "  3 ", "NaN", "Infinity",
        "0", "1", "-1", "0.5", "2", "1000", "-745", "1e-3", "1e308", "5e-324", "1,5", "٣", "ｚ", "\u202e12",
        "<img src=x onerror=alert(1)>", "%41%", "9999999999999999999999999999999999999999", "0x10", "1e", "--1",
        "10", "0.05", "20", "0.1", "11.09375", "88.75", "709.79"};
    private static final String[] KEYS = {"ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", "Home", "End",
        "PageUp", "PageDown", "Enter", " ", "Tab", "Escape"};

    private final SeededGenerator random;
    private boolean running;

    public Fuzzer(int seed) {
        random = new SeededGenerator(seed);
    }

    /** Starts firing, one action a frame, until {@link #stop()}. */
    public void start() {
        if (!running) {
            running = true;
            Window.requestAnimationFrame(t -> tick());
        }
    }

    public void stop() {
        running = false;
    }

    private void tick() {
        if (!running) {
            return;
        }
        JSArrayReader<HTMLElement> controls = controls();
        if (controls.getLength() > 0) {
            act(controls.get(pick(controls.getLength())));
        }
        Window.requestAnimationFrame(t -> tick());
    }

    private void act(HTMLElement control) {
        String kind = kind(control);
        int action = pick(8);
        if (action == 0) {
            key(control, KEYS[pick(KEYS.length)]);
        } else if (action == 1) {
            pointer(control, random.nextDouble(), random.nextDouble(), pick(2) == 0);
        } else if (kind.equals("range")) {
            setValue(control, Format.shortest(min(control) + random.nextDouble() * (max(control) - min(control))),
                    "input");
        } else if (kind.equals("text") || kind.equals("textarea")) {
            setValue(control, text(), "input");
        } else if (kind.equals("select")) {
            chooseOption(control, pick(Math.max(1, optionCount(control))));
        } else {
            click(control);
        }
        count();
    }

    private String text() {
        int choice = pick(3);
        if (choice == 0) {
            double magnitude = Math.floor(random.nextDouble() * 40 - 20);
            double value = (random.nextDouble() * 2 - 1) * Format.parse("1e" + Format.shortest(magnitude));
            return Format.shortest(value);
        }
        return TEXTS[pick(TEXTS.length)];
    }

    private int pick(int n) {
        return (int) Math.floor(random.nextDouble() * n);
    }

    @JSBody(script = "return document.querySelectorAll('main input, main select, main button,"
            + " .views input, .views select, .views button, .views summary, .toolbar button, .toolbar select,"
            + " details summary');")
    private static native JSArrayReader<HTMLElement> controls();

    @JSBody(params = "e", script = "return e.tagName === 'SELECT' ? 'select' : e.tagName === 'TEXTAREA' ? 'textarea'"
            + " : e.tagName === 'INPUT' ? (e.type || 'text') : 'button';")
    private static native String kind(HTMLElement control);

    @JSBody(params = "e", script = "return parseFloat(e.min) || 0;")
    private static native double min(HTMLElement control);

    @JSBody(params = "e", script = "var m = parseFloat(e.max); return isNaN(m) ? 100 : m;")
    private static native double max(HTMLElement control);

    @JSBody(params = {"e", "value", "type"}, script = "e.value = value; e.dispatchEvent(new Event(type, {bubbles: true}));")
    private static native void setValue(HTMLElement control, String value, String type);

    @JSBody(params = "e", script = "return e.options ? e.options.length : 0;")
    private static native int optionCount(HTMLElement control);

    @JSBody(params = {"e", "index"}, script = "if (e.options && e.options.length) { e.selectedIndex = index;"
            + " e.dispatchEvent(new Event('change', {bubbles: true})); }")
    private static native void chooseOption(HTMLElement control, int index);

    @JSBody(params = "e", script = "e.click();")
    private static native void click(HTMLElement control);

    @JSBody(params = {"e", "key"}, script = "e.dispatchEvent(new KeyboardEvent('keydown', {key: key, bubbles: true}));"
            + " e.dispatchEvent(new KeyboardEvent('keyup', {key: key, bubbles: true}));")
    private static native void key(HTMLElement control, String key);

    @JSBody(params = {"e", "fx", "fy", "touch"}, script = "var r = e.getBoundingClientRect();"
            + " var x = r.left + fx * r.width, y = r.top + fy * r.height;"
            + " var kind = touch ? 'touch' : 'mouse';"
            + " ['pointerdown', 'pointermove', 'pointerup'].forEach(function (t) {"
            + "   e.dispatchEvent(new PointerEvent(t, {clientX: x, clientY: y, pointerType: kind, bubbles: true})); });")
    private static native void pointer(HTMLElement control, double fx, double fy, boolean touch);

    @JSBody(script = "var f = window.softmaxExplorerFuzz || (window.softmaxExplorerFuzz = {actions: 0, violations: 0});"
            + " f.actions++;")
    private static native void count();

    /** Reports a broken invariant where a test (and a person with the console open) will see it. */
    @JSBody(params = "text", script = "var f = window.softmaxExplorerFuzz || (window.softmaxExplorerFuzz = {actions: 0, violations: 0});"
            + " f.violations++; console.error('Softmax Explorer invariant broken: ' + text);")
    public static native void reportViolation(String text);
}
