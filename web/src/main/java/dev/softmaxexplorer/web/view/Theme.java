package dev.softmaxexplorer.web.view;

import org.teavm.jso.JSBody;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * The colours and fonts of the charts, read from the stylesheet's custom properties so that the
 * canvas follows the light, dark and projector themes exactly like the HTML around it.
 */
public record Theme(String foreground, String muted, String grid, String trueClass, String otherClass,
        String predicted, String bad, String font, String smallFont) {

    public static Theme of(HTMLElement element) {
        String family = property(element, "--font");
        double scale = fontScale();
        return new Theme(property(element, "--fg"), property(element, "--muted"), property(element, "--grid"),
                property(element, "--true"), property(element, "--other"), property(element, "--predicted"),
                property(element, "--bad"), px(14 * scale) + " " + family, px(12 * scale) + " " + family);
    }

    private static String px(double size) {
        return Math.round(size) + "px";
    }

    @JSBody(params = {"element", "name"}, script = "return getComputedStyle(element).getPropertyValue(name).trim();")
    private static native String property(HTMLElement element, String name);

    /** The root font size relative to 16px, so the projector theme's larger text reaches the canvas. */
    @JSBody(script = "return parseFloat(getComputedStyle(document.documentElement).fontSize) / 16 || 1;")
    private static native double fontScale();
}
