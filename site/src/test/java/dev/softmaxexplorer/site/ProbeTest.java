package dev.softmaxexplorer.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.softmaxexplorer.web.probe.ProbeProtocol;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;

/** A test that runs core through the probe page in Chromium and on the JVM and requires the same bits. */
abstract class ProbeTest extends BrowserTest {

    @BeforeAll
    static void openProbe() {
        browser.open(Browser.probeFile("probe.html"), "");
        browser.waiting().until(d -> browser.script("return typeof window.softmaxProbe === 'function'"));
    }

    /** Runs the probe calls on the JVM and in Chromium; any answer that differs fails, the first five shown. */
    static void compare(List<String> calls) {
        String request = String.join("\n", calls) + "\n";
        String[] jvm = ProbeProtocol.run(request).split("\n");
        String[] chromium = ((String) browser.script("return window.softmaxProbe(arguments[0]);", request))
                .split("\n");
        assertEquals(calls.size(), jvm.length);
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            if (!jvm[i].equals(chromium[i])) {
                differences.add(abbreviate(calls.get(i)) + "\n  JVM:      " + abbreviate(jvm[i])
                        + "\n  Chromium: " + abbreviate(chromium[i]));
            }
        }
        assertEquals(List.of(), differences.subList(0, Math.min(5, differences.size())),
                differences.size() + " of " + calls.size() + " calls differ; the first ones");
        assertEquals(List.of(), browser.consoleErrors());
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }
}
