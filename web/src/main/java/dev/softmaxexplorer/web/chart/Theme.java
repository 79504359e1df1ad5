package dev.softmaxexplorer.web.chart;

import org.teavm.jso.dom.html.HTMLElement;

/**
 * The colours and fonts of the charts, read from the stylesheet's custom properties so that the
 * canvas follows the light, dark and projector themes exactly like the HTML around it.
 */
public record Theme(String foreground, String muted, String grid, String trueClass, String otherClass,
        String predicted, String bad, String font, String smallFont) {

    private static String cachedKey = "";
    private static Theme cached;

    /**
     * The theme in force. Reading computed styles forces a style recalculation, so the result is
     * kept until the page's colour scheme or the system's light/dark preference changes.
     */
    public static Theme of(HTMLElement element) {
        String key = Css.schemeKey();
        if (cached == null || !key.equals(cachedKey)) {
            cached = read(element);
            cachedKey = key;
        }
        return cached;
    }

    private static Theme read(HTMLElement element) {
        String family = Css.property(element, "--font");
        double scale = Css.rootFontScale();
        return new Theme(Css.property(element, "--fg"), Css.property(element, "--muted"),
                Css.property(element, "--grid"), Css.property(element, "--true"), Css.property(element, "--other"),
                Css.property(element, "--predicted"), Css.property(element, "--bad"),
                px(14 * scale) + " " + family, px(12 * scale) + " " + family);
    }

    private static String px(double size) {
        return (int) Math.floor(size + 0.5) + "px";
    }
}
