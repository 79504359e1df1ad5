package dev.softmaxexplorer.web.probe;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;

/**
 * Entry point of {@code probe.js}, a test-only build: it exposes {@link ProbeProtocol#run} to the
 * page as {@code window.softmaxProbe(request)} so that a browser test can run core's functions in
 * the compiled JavaScript and compare the result bits with the JVM's.
 */
public final class ProbeMain {
    private ProbeMain() {
    }

    @JSFunctor
    interface Handler extends JSObject {
        String handle(String request);
    }

    @JSBody(params = "handler", script = "window.softmaxProbe = handler;")
    private static native void install(Handler handler);

    public static void main(String[] args) {
        install(ProbeProtocol::run);
    }
}
