package dev.softmaxexplorer.web.chain;

import dev.softmaxexplorer.core.SamplerChain;
import dev.softmaxexplorer.core.SamplerChain.Stage;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.typedarrays.Float64Array;

/**
 * The chain in a worker: the same script as the page ({@code main(["worker"])}, see
 * {@link ChainThread}), so the same core and the same bits. It keeps one vector's input stage and
 * a {@link ChainRun}, answers each request with its report, and says when it is listening.
 * Messages: {@code {vector}} sets the logits, {@code {id, request}} asks; the answers are
 * {@code {ready}}, {@code {id, report}} and {@code {id, error}}.
 */
public final class ChainWorker {
    private Stage input;
    private int size;
    private ChainRun run = new ChainRun();

    private ChainWorker() {
    }

    /** Listens for the page's messages; called instead of the page's start inside a worker. */
    public static void start() {
        ChainWorker worker = new ChainWorker();
        listen(worker::receive);
        postReady();
    }

    private void receive(JSObject message) {
        Float64Array vector = vectorOf(message);
        if (vector != null) {
            double[] logits = vector.copyToJavaArray();
            input = SamplerChain.input(logits);
            size = logits.length;
            run = new ChainRun();
            return;
        }
        int id = idOf(message);
        try {
            ChainRequest request = ChainRequest.fromNumbers(requestOf(message).copyToJavaArray());
            postReport(id, Float64Array.copyFromJavaArray(run.run(input, size, request).numbers()));
        } catch (RuntimeException e) {
            postError(id, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    @JSFunctor
    interface Receiver extends JSObject {
        void receive(JSObject message);
    }

    @JSBody(params = "receiver", script = "self.onmessage = function (event) { receiver(event.data); };")
    private static native void listen(Receiver receiver);

    @JSBody(script = "self.postMessage({ready: true});")
    private static native void postReady();

    @JSBody(params = "message", script = "return message.vector || null;")
    private static native Float64Array vectorOf(JSObject message);

    @JSBody(params = "message", script = "return message.id;")
    private static native int idOf(JSObject message);

    @JSBody(params = "message", script = "return message.request;")
    private static native Float64Array requestOf(JSObject message);

    @JSBody(params = {"id", "report"}, script = "self.postMessage({id: id, report: report}, [report.buffer]);")
    private static native void postReport(int id, Float64Array report);

    @JSBody(params = {"id", "error"}, script = "self.postMessage({id: id, error: error});")
    private static native void postError(int id, String error);
}
