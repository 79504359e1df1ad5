package dev.softmaxexplorer.web.browser;

import dev.softmaxexplorer.web.quiz.Score;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.browser.Window;

/**
 * The learning management system the page runs in, if any: a SCORM 1.2 session (the package the
 * build writes, {@code softmax-explorer-scorm.zip}). It reports the lesson status (incomplete from
 * the start, completed once the lessons are finished, passed or failed from the quiz at
 * {@link Score#MASTERY_PERCENT}), the quiz's best score in percent, and the time spent, and ends
 * the session when the page is left.
 * <p>
 * Without an LMS, or with one whose API throws or refuses, the page works as everywhere else and
 * says nothing: a learner cannot act on an LMS error, and the teacher sees the missing record.
 */
public final class LearningSystem {
    private static final String STATUS = "cmi.core.lesson_status";
    private static final String RAW = "cmi.core.score.raw";

    /** The SCORM API object, or null when the page is not in a live session. */
    private JSObject api;
    private String status;
    /** The best score recorded, this session or before, in percent; -1 when none. */
    private int best = -1;
    private final double started = Timing.now();

    private LearningSystem(JSObject api) {
        this.api = api;
    }

    /**
     * Looks for the API where SCORM 1.2 puts it (a window named {@code API} among the page's
     * parents, then among its opener's) and starts a session in it.
     */
    public static LearningSystem connect() {
        LearningSystem system = new LearningSystem(findApi());
        system.start();
        return system;
    }

    private void start() {
        if (api == null) {
            return;
        }
        if (!"true".equals(call(api, "LMSInitialize", "", null))) {
            api = null;
            return;
        }
        status = orEmpty(call(api, "LMSGetValue", STATUS, null));
        best = wholeNumber(orEmpty(call(api, "LMSGetValue", RAW, null)));
        if (status.isEmpty() || status.equals("not attempted")) {
            status = "incomplete";
            set(STATUS, status);
        }
        call(api, "LMSCommit", "", null);
        Window.current().addEventListener("pagehide", e -> finish());
    }

    /** The learner went through the last lesson step: completed, unless the quiz already said more. */
    public void lessonsFinished() {
        if (api != null && (status.equals("incomplete") || status.equals("browsed"))) {
            status = "completed";
            set(STATUS, status);
            call(api, "LMSCommit", "", null);
        }
    }

    /**
     * An attempt at the quiz is complete: recorded if it is the best so far; passed or failed
     * from the best score, never back from passed.
     */
    public void quizAnswered(Score score) {
        if (api == null || score.percent() <= best) {
            return;
        }
        best = score.percent();
        set("cmi.core.score.min", "0");
        set("cmi.core.score.max", "100");
        set(RAW, Integer.toString(best));
        status = score.passed() || status.equals("passed") ? "passed" : "failed";
        set(STATUS, status);
        call(api, "LMSCommit", "", null);
    }

    private void finish() {
        if (api == null) {
            return;
        }
        set("cmi.core.session_time", timespan(Timing.now() - started));
        call(api, "LMSCommit", "", null);
        call(api, "LMSFinish", "", null);
        api = null;
    }

    private void set(String element, String value) {
        call(api, "LMSSetValue", element, value);
    }

    /** A CMITimespan, HHHH:MM:SS.SS, of a duration in milliseconds. */
    static String timespan(double milliseconds) {
        long hundredths = Math.round(milliseconds / 10);
        long seconds = hundredths / 100;
        return pad(Math.min(seconds / 3600, 9999), 4) + ":" + pad(seconds / 60 % 60, 2) + ":"
                + pad(seconds % 60, 2) + "." + pad(hundredths % 100, 2);
    }

    private static String pad(long value, int digits) {
        StringBuilder text = new StringBuilder(Long.toString(value));
        while (text.length() < digits) {
            text.insert(0, '0');
        }
        return text.toString();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    /** The whole number a score element holds, or -1 when it holds none (empty, a decimal, words). */
    private static int wholeNumber(String text) {
        if (text.isEmpty() || text.length() > 3) {
            return -1;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return -1;
            }
        }
        return Integer.parseInt(text);
    }

    /**
     * The nearest window named API: the page's own and up to ten parents, then its opener's. A
     * window of another origin on the way (a course page around the LMS's frame) cannot be read
     * and is passed over.
     */
    @JSBody(script = "function search(w) {"
            + "  for (var level = 0; w && level <= 10; level++) {"
            + "    try { if (w.API && typeof w.API.LMSInitialize === 'function') { return w.API; } } catch (e) { }"
            + "    var up = null; try { up = w.parent; } catch (e) { }"
            + "    if (!up || up === w) { return null; } w = up;"
            + "  }"
            + "  return null;"
            + "}"
            + "var opener = null; try { opener = window.opener; } catch (e) { }"
            + "return search(window) || (opener ? search(opener) : null);")
    private static native JSObject findApi();

    /** Calls an API function with one or two arguments; its answer as text, or null if it threw. */
    @JSBody(params = {"api", "name", "first", "second"}, script = "try {"
            + "  var answer = second === null ? api[name](first) : api[name](first, second);"
            + "  return answer === undefined || answer === null ? '' : String(answer);"
            + "} catch (e) { return null; }")
    private static native String call(JSObject api, String name, String first, String second);
}
