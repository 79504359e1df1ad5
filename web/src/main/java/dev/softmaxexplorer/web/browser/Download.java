package dev.softmaxexplorer.web.browser;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.typedarrays.Int8Array;

/**
 * Saves a file made in the page: a {@code Blob} behind an {@code <a download>} clicked by script,
 * which works from {@code file://} and in the single file, sends nothing anywhere and needs no
 * permission. A page embedded in a sandboxed frame without {@code allow-downloads} gets no file
 * and no error: the browser drops it silently, so the caller says so when the page is embedded.
 */
public final class Download {
    private Download() {
    }

    /** Saves bytes under this name (a view of the array is handed to the Blob, which copies it). */
    public static void bytes(String name, byte[] bytes, String type) {
        save(name, Int8Array.fromJavaArray(bytes), type);
    }

    /** Saves text under this name, encoded as UTF-8. */
    public static void text(String name, String text, String type) {
        save(name, textPart(text), type);
    }

    /** Whether the page is inside another page's frame, whose sandbox may forbid downloads. */
    @JSBody(script = "return window.parent !== window;")
    public static native boolean embedded();

    @JSBody(params = "text", script = "return text;")
    private static native JSObject textPart(String text);

    @JSBody(params = {"name", "data", "type"}, script = "var url = URL.createObjectURL(new Blob([data], {type: type}));"
            + " var a = document.createElement('a'); a.href = url; a.download = name; a.hidden = true;"
            + " document.body.appendChild(a); a.click(); a.remove();"
            // The link is followed asynchronously: the URL stays valid long enough for the save to start.
            + " setTimeout(function () { URL.revokeObjectURL(url); }, 60000);")
    private static native void save(String name, JSObject data, String type);
}
