package dev.softmaxexplorer.web.browser;

import dev.softmaxexplorer.web.workbench.ByteSource;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.typedarrays.Uint8Array;

/**
 * Files a person chooses (a file input) or drops (on a drop zone), read in the page: nothing is
 * sent anywhere. The size is known before reading, so a file too large is refused unread; the
 * bytes are read once into the browser's own array and read from there ({@link ByteSource}),
 * never copied into a Java array.
 */
public final class FileInput {
    private FileInput() {
    }

    /** What arrives for one file. */
    public interface Receiver {
        /** The file's name and size, before it is read: return false to leave it unread. */
        boolean accepts(String name, double size);

        /** Its bytes (for a file read as binary). */
        void bytes(String name, ByteSource bytes);

        /** Its text, decoded as UTF-8 (for a file read as text). */
        void text(String name, String text);
    }

    /** Whether a file of this name is read as bytes rather than as text. */
    public interface Binary {
        boolean test(String name);
    }

    @JSFunctor
    interface Arrival extends JSObject {
        void arrived(JSObject file);
    }

    @JSFunctor
    interface BytesArrival extends JSObject {
        void arrived(Uint8Array bytes);
    }

    @JSFunctor
    interface TextArrival extends JSObject {
        void arrived(String text);
    }

    /**
     * Reads the file chosen in {@code input} (an {@code <input type=file>}) and the files dropped
     * on {@code zone} (null for none), each time one arrives.
     */
    public static void listen(HTMLElement input, HTMLElement zone, Binary binary, Receiver receiver) {
        Arrival arrival = file -> read(file, binary, receiver);
        onChoose(input, arrival);
        if (zone != null) {
            onDrop(zone, arrival);
        }
    }

    private static void read(JSObject file, Binary binary, Receiver receiver) {
        String name = name(file);
        if (!receiver.accepts(name, size(file))) {
            return;
        }
        if (binary.test(name)) {
            readBytes(file, bytes -> receiver.bytes(name, new ByteSource() {
                @Override
                public int length() {
                    return bytes.getLength();
                }

                @Override
                public int at(int i) {
                    return bytes.get(i);
                }
            }));
        } else {
            readText(file, text -> receiver.text(name, text));
        }
    }

    @JSBody(params = {"input", "arrival"}, script = "input.addEventListener('change', function () {"
            + " var f = input.files && input.files[0]; if (f) { arrival(f); } input.value = ''; });")
    private static native void onChoose(HTMLElement input, Arrival arrival);

    @JSBody(params = {"zone", "arrival"}, script = ""
            + "zone.addEventListener('dragover', function (e) { e.preventDefault(); zone.classList.add('dragging'); });"
            + "zone.addEventListener('dragleave', function () { zone.classList.remove('dragging'); });"
            + "zone.addEventListener('drop', function (e) { e.preventDefault(); zone.classList.remove('dragging');"
            + " var f = e.dataTransfer && e.dataTransfer.files && e.dataTransfer.files[0]; if (f) { arrival(f); } });")
    private static native void onDrop(HTMLElement zone, Arrival arrival);

    @JSBody(params = "file", script = "return String(file.name || '');")
    private static native String name(JSObject file);

    @JSBody(params = "file", script = "return file.size;")
    private static native double size(JSObject file);

    @JSBody(params = {"file", "arrival"}, script = "var r = new FileReader();"
            + " r.onload = function () { arrival(new Uint8Array(r.result)); }; r.readAsArrayBuffer(file);")
    private static native void readBytes(JSObject file, BytesArrival arrival);

    @JSBody(params = {"file", "arrival"}, script = "var r = new FileReader();"
            + " r.onload = function () { arrival(String(r.result)); }; r.readAsText(file);")
    private static native void readText(JSObject file, TextArrival arrival);
}
