package dev.softmaxexplorer.web.chain;

import dev.softmaxexplorer.core.SamplerChain.Stage;
import java.util.function.Supplier;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.typedarrays.Float64Array;

/**
 * Where the chain view's runs happen. On a large vector a run's exact arithmetic (some 7 ms at
 * K = 50,257 with filters that cut) would take half of every frame while T moves, so it runs in a
 * worker and the page draws the worker's latest answer: a move shows one frame later, but the
 * page keeps its frames. The worker runs the page's own script, started from its source text
 * (the site's build wraps the script in a function, {@code softmaxExplorerScript}, whose text
 * becomes the worker's), so the folder, the single file and a sandboxed frame need no other file
 * and the bits are the page's. Small vectors, the first run on each vector, print, and every
 * browser or policy that refuses a worker run here, on the page's thread.
 */
public final class ChainThread {
    /** Below this many classes a run costs less than its messages: it runs on the page's thread. */
    public static final int WORKER_FROM = 4_096;

    /** An answer: the request and the report of its run, for the vector it ran on, and whether the worker ran it. */
    public record Answer(ChainRequest request, ChainReport report, Object vector, boolean worker) {
    }

    private final ChainRun here = new ChainRun();
    private JSObject worker;
    private boolean failed;
    private boolean ready;
    private Object sentVector;
    private int sentId;
    private ChainRequest inFlight;
    private Object inFlightVector;
    private ChainRequest waiting;
    private Answer latest;
    private Supplier<double[]> latestLogits;
    private Runnable answered = () -> { };

    /**
     * The answer to draw now: the run of this request, on this thread or from the worker, or, while
     * the worker runs it, the worker's latest answer on the same vector. {@code answered} is called
     * when a worker's answer arrives, so that the caller draws again.
     *
     * @param vector what identifies the logits (a workbench vector), or null for the page's own
     * @param logits the vector's logits, asked for only when the worker needs them (never for the page's own)
     * @param input the input stage, asked for only when the run is here
     * @param k how many classes
     * @param here whether the run must be here now (print: the browser prints what the page holds)
     */
    public Answer answer(Object vector, Supplier<double[]> logits, Supplier<Stage> input, int k, ChainRequest request,
            boolean here, Runnable answered) {
        this.answered = answered;
        latestLogits = logits;
        if (here || vector == null || k < WORKER_FROM || !started()) {
            return runHere(vector, input, k, request);
        }
        sendVector(vector, logits);
        if (latest == null || latest.vector() != vector) {
            // Nothing of this vector to show yet: this run is here, the next ones there.
            return runHere(vector, input, k, request);
        }
        if (!latest.request().equals(request)) {
            if (inFlight == null) {
                send(request, vector);
            } else {
                waiting = request;
            }
        }
        return latest;
    }

    private Answer runHere(Object vector, Supplier<Stage> input, int k, ChainRequest request) {
        Answer answer = new Answer(request, here.run(input.get(), k, request), vector, false);
        latest = answer;
        return answer;
    }

    private void sendVector(Object vector, Supplier<double[]> logits) {
        if (vector != sentVector) {
            post(worker, ChainMessages.vector(Float64Array.copyFromJavaArray(logits.get())));
            sentVector = vector;
        }
    }

    /** Whether the worker is listening, starting it on the first call. */
    private boolean started() {
        if (worker == null && !failed) {
            worker = startWorker(this::receive);
            failed = worker == null;
        }
        return ready && !failed;
    }

    private void send(ChainRequest request, Object vector) {
        inFlight = request;
        inFlightVector = vector;
        post(worker, ChainMessages.request(++sentId, Float64Array.copyFromJavaArray(request.numbers())));
    }

    private void receive(JSObject message) {
        if (ChainMessages.isReady(message)) {
            ready = true;
            // The view shows a run made here while the worker started: the worker runs it again,
            // so that from now on what the view shows comes from there (the same numbers).
            if (latest != null && latest.vector() != null && inFlight == null) {
                sendVector(latest.vector(), latestLogits);
                send(latest.request(), latest.vector());
            }
            return;
        }
        String error = ChainMessages.errorOf(message);
        if (error != null || ChainMessages.idOf(message) != sentId || inFlight == null) {
            // A run the worker could not do, or a worker gone wrong: every run is here from now on.
            fail();
            return;
        }
        ChainReport report = ChainReport.fromNumbers(ChainMessages.reportOf(message).copyToJavaArray());
        latest = new Answer(inFlight, report, inFlightVector, true);
        inFlight = null;
        if (waiting != null && sentVector == latest.vector()) {
            send(waiting, sentVector);
        }
        waiting = null;
        answered.run();
    }

    private void fail() {
        failed = true;
        ready = false;
        inFlight = null;
        waiting = null;
        if (worker != null) {
            terminate(worker);
        }
        answered.run();
    }

    /**
     * A worker running the page's script, or null where there is none to be had (no Worker, no
     * wrapped script, a policy without {@code worker-src blob:}). An error in the worker (its
     * start included) comes as a message with an error, not to the console: the page goes on.
     */
    @JSBody(params = "receiver", script = "if (typeof Worker !== 'function' || typeof softmaxExplorerScript !== 'function'"
            + " || typeof Blob !== 'function' || typeof URL === 'undefined') { return null; }"
            + " var workerSource = softmaxExplorerScript.toString() + '\\nsoftmaxExplorerScript();\\nmain([\"worker\"]);';"
            + " var workerUrl = URL.createObjectURL(new Blob([workerSource], {type: 'text/javascript'}));"
            + " var started;"
            + " try { started = new Worker(workerUrl); } catch (refused) { URL.revokeObjectURL(workerUrl); return null; }"
            + " started.onmessage = function (event) { if (event.data && event.data.ready) { URL.revokeObjectURL(workerUrl); }"
            + " receiver(event.data); };"
            + " started.onerror = function (event) { event.preventDefault(); receiver({error: String(event.message)}); };"
            + " started.onmessageerror = function () { receiver({error: 'messageerror'}); };"
            + " return started;")
    private static native JSObject startWorker(ChainMessages.Receiver receiver);

    @JSBody(params = {"worker", "message"}, script = "worker.postMessage(message);")
    private static native void post(JSObject worker, JSObject message);

    @JSBody(params = "worker", script = "worker.terminate();")
    private static native void terminate(JSObject worker);
}
