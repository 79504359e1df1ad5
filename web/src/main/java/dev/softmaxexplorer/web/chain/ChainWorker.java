package dev.softmaxexplorer.web.chain;

import dev.softmaxexplorer.core.SamplerChain;
import dev.softmaxexplorer.core.SamplerChain.Stage;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.typedarrays.Float64Array;

/**
 * The chain in a worker: the same script as the page ({@code main(["worker"])}, see
 * {@link ChainThread}), so the same core and the same bits. It keeps one vector's input stage and
 * a {@link ChainRun}, answers each request with its report, and says when it is listening
 * ({@link ChainMessages}).
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
        post(ChainMessages.ready());
    }

    private void receive(JSObject message) {
        Float64Array vector = ChainMessages.vectorOf(message);
        if (vector != null) {
            double[] logits = vector.copyToJavaArray();
            input = SamplerChain.input(logits);
            size = logits.length;
            run = new ChainRun();
            return;
        }
        int id = ChainMessages.idOf(message);
        try {
            ChainRequest request = ChainRequest.fromNumbers(ChainMessages.requestOf(message).copyToJavaArray());
            post(ChainMessages.report(id, Float64Array.copyFromJavaArray(run.run(input, size, request).numbers())));
        } catch (RuntimeException e) {
            post(ChainMessages.error(id, e.getClass().getSimpleName() + ": " + e.getMessage()));
        }
    }

    @JSBody(params = "receiver", script = "self.onmessage = function (event) { receiver(event.data); };")
    private static native void listen(ChainMessages.Receiver receiver);

    /** Posts to the page; a report's array is moved, not copied. */
    @JSBody(params = "message", script = "self.postMessage(message, message.report ? [message.report.buffer] : []);")
    private static native void post(JSObject message);
}
