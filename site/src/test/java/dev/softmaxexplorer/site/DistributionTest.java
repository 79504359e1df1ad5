package dev.softmaxexplorer.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.openqa.selenium.support.ui.ExpectedConditions.frameToBeAvailableAndSwitchToIt;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The deliverables where teachers and students open them: the single file by double-click, inside
 * {@code <iframe sandbox="allow-scripts">} from a folder and from a web server, and the folder
 * itself, all without a single network request or policy violation.
 */
class DistributionTest {
    private static final String SANDBOXED = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<title>Course page</title><link rel=\"icon\" href=\"data:,\"></head><body><iframe id=\"explorer\" title=\"Softmax Explorer\""
            + " sandbox=\"allow-scripts\" width=\"1000\" height=\"800\" src=\"softmax-explorer.html#z=3,1,0\">"
            + "</iframe></body></html>";

    private static Browser browser;
    private static Path courseSite;
    private static HttpServer server;

    @BeforeAll
    static void start() throws IOException {
        browser = Browser.start();
        courseSite = Files.createTempDirectory("course-site");
        Files.copy(singleFile(), courseSite.resolve("softmax-explorer.html"));
        Files.writeString(courseSite.resolve("course.html"), SANDBOXED, StandardCharsets.UTF_8);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            Path file = courseSite.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
            boolean found = file.startsWith(courseSite) && Files.isRegularFile(file);
            byte[] body = found ? Files.readAllBytes(file) : new byte[0];
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(found ? 200 : 404, found ? body.length : -1);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterAll
    static void stop() throws IOException {
        server.stop(0);
        browser.close();
        for (String name : List.of("softmax-explorer.html", "course.html")) {
            Files.deleteIfExists(courseSite.resolve(name));
        }
        Files.deleteIfExists(courseSite);
    }

    @AfterEach
    void noErrors() {
        browser.driver.switchTo().defaultContent();
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void singleFileWorksByDoubleClick() {
        browser.open(singleFile(), "");
        watchViolations();
        browser.waitForText("p1", "0.665241");
        assertNothingFetched();
    }

    /** The single file can load no other file: every language's words are inside it. */
    @Test
    void singleFileShowsJapaneseWithoutLoadingAFile() {
        browser.open(singleFile(), "lang=ja");
        watchViolations();
        browser.waitForText("inputs-title", "入力");
        assertEquals(0L, browser.script("return document.querySelectorAll('script[src]').length;"));
        assertNothingFetched();
    }

    @Test
    void singleFileWorksInASandboxedIframeFromAFolder() {
        browser.open(courseSite.resolve("course.html"), "");
        showsThreeOneZeroInTheFrame();
    }

    @Test
    void singleFileWorksInASandboxedIframeOverHttp() {
        browser.driver.get("http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort()
                + "/course.html");
        showsThreeOneZeroInTheFrame();
    }

    @Test
    void folderWorksWithoutAViolation() {
        browser.open(Browser.siteFile("index.html"), "");
        watchViolations();
        browser.waitForText("p1", "0.665241");
        assertNothingFetched();
    }

    private static void showsThreeOneZeroInTheFrame() {
        browser.waiting().until(frameToBeAvailableAndSwitchToIt(By.id("explorer")));
        watchViolations();
        // z = [3, 1, 0]: p1 = e^3 / (e^3 + e + 1) = 20.0855369 / 23.8038187 = 0.8437947.
        browser.waitForText("p1", "0.843795");
        assertNothingFetched();
    }

    /** Counts Content-Security-Policy violations from here on; a blocked request would be one. */
    private static void watchViolations() {
        browser.script("window.__violations = [];"
                + "document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.blockedURI));");
    }

    /** No policy violation, and no resource fetched over the network (file:// loads are not listed). */
    private static void assertNothingFetched() {
        assertEquals(List.of(), browser.script("return window.__violations;"));
        assertEquals(0L, browser.script("return performance.getEntriesByType('resource').length;"));
    }

    private static Path singleFile() {
        return Path.of(System.getProperty("single.file", "target/softmax-explorer.html")).toAbsolutePath();
    }
}
