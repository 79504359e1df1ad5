package dev.softmaxexplorer.web.chain;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.typedarrays.Float64Array;

/**
 * The messages between the page and the chain's worker, made and read in one place. To the
 * worker: {@code {vector}} (the logits) and {@code {id, request}}; from it: {@code {ready}},
 * {@code {id, report}} and {@code {id, error}}. Numbers travel as {@code Float64Array}s, which
 * keep every double's bits.
 */
final class ChainMessages {
    private ChainMessages() {
    }

    /** Hears the messages of the other side. */
    @JSFunctor
    interface Receiver extends JSObject {
        void receive(JSObject message);
    }

    @JSBody(params = "logits", script = "return {vector: logits};")
    static native JSObject vector(Float64Array logits);

    @JSBody(params = {"id", "request"}, script = "return {id: id, request: request};")
    static native JSObject request(int id, Float64Array request);

    @JSBody(script = "return {ready: true};")
    static native JSObject ready();

    @JSBody(params = {"id", "report"}, script = "return {id: id, report: report};")
    static native JSObject report(int id, Float64Array report);

    @JSBody(params = {"id", "error"}, script = "return {id: id, error: error};")
    static native JSObject error(int id, String error);

    /** The logits of a vector message, or null for another message. */
    @JSBody(params = "message", script = "return message.vector || null;")
    static native Float64Array vectorOf(JSObject message);

    @JSBody(params = "message", script = "return message.id;")
    static native int idOf(JSObject message);

    @JSBody(params = "message", script = "return message.request;")
    static native Float64Array requestOf(JSObject message);

    @JSBody(params = "message", script = "return !!message.ready;")
    static native boolean isReady(JSObject message);

    @JSBody(params = "message", script = "return message.report;")
    static native Float64Array reportOf(JSObject message);

    /** The error of an error message, or null for another message. */
    @JSBody(params = "message", script = "return message.error === undefined ? null : String(message.error);")
    static native String errorOf(JSObject message);
}
