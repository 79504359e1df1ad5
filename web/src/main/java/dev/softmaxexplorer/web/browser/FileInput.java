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

    /** Says, from a file's name and size before it is read, whether to read it. */
    public interface Gate {
        boolean accepts(String name, double size);
    }

    /** Receives a file's bytes. */
    public interface BytesReceiver {
        void bytes(String name, ByteSource bytes);
    }

    /** Receives a file's text, decoded as UTF-8. */
    public interface TextReceiver {
        void text(String name, String text);
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
     * on {@code zone} (null for none), each time one arrives and the gate lets it through: an
     * {@code .npy} file as bytes (when {@code bytes} is not null), any other as text.
     */
    public static void listen(HTMLElement input, HTMLElement zone, Gate gate, BytesReceiver bytes, TextReceiver text) {
        Arrival arrival = file -> read(file, gate, bytes, text);
        onChoose(input, arrival);
        if (zone != null) {
            onDrop(zone, arrival);
        }
    }

    private static void read(JSObject file, Gate gate, BytesReceiver bytesReceiver, TextReceiver textReceiver) {
        String name = name(file);
        if (!gate.accepts(name, size(file))) {
            return;
        }
        if (bytesReceiver != null && name.toLowerCase().endsWith(".npy")) {
            readBytes(file, bytes -> bytesReceiver.bytes(name, new ByteSource() {
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
            readText(file, text -> textReceiver.text(name, text));
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
