package dev.softmaxexplorer.site;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.softmaxexplorer.core.SoftmaxResult;
import dev.softmaxexplorer.web.text.Numbers;
import dev.softmaxexplorer.web.workbench.ByteSource;
import dev.softmaxexplorer.web.workbench.Loaded;
import dev.softmaxexplorer.web.workbench.NpyFile;
import dev.softmaxexplorer.web.workbench.ResultFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Files in and out of the workbench as a person moves them: the 50,257-class float16 {@code .npy}
 * made by the web module's {@code make_workbench_files.py} dropped on the drop zone (Selenium
 * cannot drag a file from the desktop, so the page gets the same {@code drop} event with a
 * {@code DataTransfer} holding the file's bytes), and the saved p, log p, gradient and CSV, which
 * Chromium writes to a download folder set through the DevTools protocol, compared byte for byte
 * with what the JVM writes from core's results.
 */
class WorkbenchFilesTest extends BrowserTest {
    private static final Path GPT2 = Path.of("..", "web", "src", "test", "resources", "workbench", "npy",
            "gpt2-50257-f2.npy");
    private Path downloads;

    @BeforeEach
    void downloadHere() throws IOException {
        downloads = Files.createTempDirectory("downloads");
        browser.driver.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath",
                downloads.toAbsolutePath().toString()));
    }

    @AfterEach
    void removeDownloads() throws IOException {
        try (var files = Files.list(downloads)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(downloads);
    }

    private List<List<String>> topRows() {
        @SuppressWarnings("unchecked")
        List<List<String>> rows = (List<List<String>>) browser.script("return Array.from(document.querySelectorAll("
                + "'#workbench-top-body tr')).map(function (r) { return Array.from(r.cells).map(function (c) {"
                + " return c.innerText.trim(); }); });");
        return rows;
    }

    /** Drops the file on the workbench's drop zone, scrolled into view first as a person would. */
    private void drop(Path file) throws IOException {
        String bytes = Base64.getEncoder().encodeToString(Files.readAllBytes(file));
        browser.script("var zone = document.getElementById('workbench-drop'); zone.scrollIntoView({block: 'center'});"
                + " var text = atob(arguments[0]); var bytes = new Uint8Array(text.length);"
                + " for (var i = 0; i < text.length; i++) { bytes[i] = text.charCodeAt(i); }"
                + " var data = new DataTransfer(); data.items.add(new File([bytes], arguments[1]));"
                + " zone.dispatchEvent(new DragEvent('dragenter', {dataTransfer: data, bubbles: true, cancelable: true}));"
                + " zone.dispatchEvent(new DragEvent('dragover', {dataTransfer: data, bubbles: true, cancelable: true}));"
                + " window.workbenchDragging = zone.classList.contains('dragging');"
                + " zone.dispatchEvent(new DragEvent('drop', {dataTransfer: data, bubbles: true, cancelable: true}));",
                bytes, file.getFileName().toString());
    }

    /** Presses a save button (scrolled into view) and waits for Chromium to finish writing the file. */
    private byte[] save(String button, String file) throws IOException {
        WebElement element = browser.element(button);
        browser.script("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
        Path saved = downloads.resolve(file);
        browser.waiting().until(d -> Files.exists(saved) && !Files.exists(downloads.resolve(file + ".crdownload")));
        return Files.readAllBytes(saved);
    }

    private static Loaded gpt2() throws IOException {
        NpyFile npy = NpyFile.read(ByteSource.of(Files.readAllBytes(GPT2))).value();
        return Loaded.of(npy.row(0).value(), GPT2.getFileName().toString());
    }

    @Test
    void aDroppedVocabularySizedFileShowsTopClassesRankAndTheFloat16Verdict() throws IOException {
        browser.load("");
        drop(GPT2);
        assertEquals(Boolean.TRUE, browser.script("return window.workbenchDragging;"), "the zone shows the drag");
        browser.waiting().until(d -> topRows().size() == 21);
        List<List<String>> rows = topRows();
        // make_workbench_files.py's mpmath references: classes 42, 1234, 7 with p 0.633774584683215,
        // 0.2993739157816786, 0.06679934977262848.
        assertEquals(List.of("#42", Numbers.compact(0.633774584683215)), List.of(rows.get(0).get(2), rows.get(0).get(4)));
        assertEquals(List.of("#1234", Numbers.compact(0.2993739157816786)), List.of(rows.get(1).get(2), rows.get(1).get(4)));
        assertEquals(List.of("#7", Numbers.compact(0.06679934977262848)), List.of(rows.get(2).get(2), rows.get(2).get(4)));
        assertEquals("K = 50,257 classes from gpt2-50257-f2.npy, stored as float16, read exactly. This vector is not in"
                + " the link.", browser.text("workbench-source"));
        assertEquals("Use float16 for the page's pipeline (naive)", browser.text("workbench-use-precision"));

        browser.type("workbench-target", "1234");
        // Rank 2, loss 1.2060619324295994 (mpmath).
        browser.waiting().until(d -> browser.text("workbench-metrics").contains("rank 2, p = "
                + Numbers.compact(0.2993739157816786) + ", loss = " + Numbers.compact(1.2060619324295994) + "."));
        // Largest z = 18.25 > 11.09 (float16's exp overflow threshold): naive float16 overflows for
        // every T below 18.25 / 11.090110718526951 = 1.6456.
        WebElement float16 = browser.driver.findElement(By.cssSelector("#workbench-verdicts li[data-precision=float16]"));
        browser.script("arguments[0].scrollIntoView({block: 'center'});", float16);
        assertTrue(float16.getText().startsWith("float16: largest z/T = 18.25; naive overflows for every T below 1.65,"
                + " so at this T it returns NaN"), float16.getText());
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void theStepTableShowsTheTopClassesAndWhereTheFirstInfinityArose() throws IOException {
        browser.load("");
        drop(GPT2);
        browser.waiting().until(d -> topRows().size() == 21);
        // The file is float16: the page offers its naive pipeline in float16.
        WebElement offer = browser.driver.findElement(By.cssSelector("#workbench-use-precision button"));
        browser.script("arguments[0].scrollIntoView({block: 'center'});", offer);
        offer.click();
        WebElement summary = browser.driver.findElement(By.cssSelector("#workbench-steps summary"));
        browser.script("arguments[0].scrollIntoView({block: 'center'});", summary);
        summary.click();
        // Naive float16 at T = 1: e^x overflows above x = 11.09, and classes 42, 1234 and 7 have z =
        // 18.25, 17.5 and 16 (every other logit is below 5). The pipeline meets the exponentials in
        // class order, so the first Infinity is e^16 of class 7, the third largest.
        browser.waiting().until(d -> browser.text("workbench-steps-caption").endsWith(
                "The first Infinity or NaN arose at e^x of #7 (rank 3)."));
        @SuppressWarnings("unchecked")
        List<List<String>> rows = (List<List<String>>) browser.script("return Array.from(document.querySelectorAll("
                + "'#workbench-steps-body tr')).map(function (r) { return Array.from(r.cells).map(function (c) {"
                + " return c.innerText.trim(); }); });");
        // The top ten, then the true class 0, which is not among them.
        assertEquals(11, rows.size());
        assertEquals(List.of("3", "#7", "16", "16", "Infinity \u2190 first", "NaN", "NaN"), rows.get(2));
        assertEquals(List.of("1", "#42", "18.25", "18.25", "Infinity", "NaN", "NaN"), rows.get(0));
        assertEquals("#0", rows.get(10).get(1));
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void savedResultsAreTheJvmsBytesAndNumPysFormat() throws IOException {
        browser.load("t=0.7");
        drop(GPT2);
        browser.waiting().until(d -> topRows().size() == 21);
        browser.type("workbench-target", "1234");
        browser.waiting().until(d -> browser.text("workbench-metrics").contains("rank 2"));
        Loaded loaded = gpt2().withTarget(1234);
        SoftmaxResult exact = loaded.evaluate(0.7, 0);

        byte[] p = save("workbench-save-p", ResultFiles.PROBABILITIES);
        assertArrayEquals(ResultFiles.probabilities(exact), p);
        // NumPy's layout: the header is 118 bytes after 10, the data little-endian from byte 128.
        assertEquals("\u0093NUMPY", new String(p, 0, 6, StandardCharsets.ISO_8859_1));
        assertEquals(128 + 8 * 50_257, p.length);
        double p42 = ByteBuffer.wrap(p, 128 + 8 * 42, 8).order(ByteOrder.LITTLE_ENDIAN).getDouble();
        assertEquals(exact.probability(42), p42);
        assertTrue(browser.text("workbench-save-status").equals("The browser is saving p.npy (50,257 classes)."),
                browser.text("workbench-save-status"));

        assertArrayEquals(ResultFiles.logProbabilities(exact), save("workbench-save-log-p", ResultFiles.LOG_PROBABILITIES));
        assertArrayEquals(ResultFiles.gradient(exact), save("workbench-save-gradient", ResultFiles.GRADIENT));
        assertArrayEquals(ResultFiles.logits(loaded), save("workbench-save-logits", ResultFiles.LOGITS));
        String csv = new String(save("workbench-save-csv", ResultFiles.CSV), StandardCharsets.UTF_8);
        assertEquals(ResultFiles.csv(exact), csv);
        assertTrue(csv.startsWith("index,p,log_p,gradient\n0,"), csv.substring(0, 40));
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void theCodeViewLoadsTheSavedLogits() throws IOException {
        browser.load("");
        drop(GPT2);
        browser.waiting().until(d -> topRows().size() == 21);
        WebElement numpy = browser.element("numpy-code");
        browser.script("arguments[0].scrollIntoView({block: 'center'});", numpy);
        browser.waiting().until(d -> numpy.getText().contains("z = np.load(\"logits.npy\")"));
        assertTrue(numpy.getText().contains("the 50257 logits of \"gpt2-50257-f2.npy\" as float64"), numpy.getText());
        assertTrue(numpy.getText().length() < 2000, "no logit is inlined");
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void theSingleFileSavesTooInJapanese() throws IOException {
        browser.driver.get("about:blank");
        browser.open(Path.of(System.getProperty("single.file", "target/softmax-explorer.html")).toAbsolutePath(), "lang=ja");
        browser.waiting().until(d -> "ワークベンチ：自分のロジットで試す".equals(browser.text("workbench-view-title")));
        WebElement area = browser.element("workbench-text");
        browser.script("arguments[0].scrollIntoView({block: 'center'});", area);
        area.sendKeys("0, 0, -inf");
        browser.element("workbench-read").click();
        browser.waiting().until(d -> topRows().size() == 3);
        assertEquals("保存形式：10進のテキスト（各数を最も近い double として読み込みました）", 
                browser.text("workbench-source").split("。")[1]);
        // p = (1/2, 1/2, 0), log p = (-ln 2, -ln 2, -inf), gradient p - y with y = (1, 0, 0).
        assertEquals("index,p,log_p,gradient\n0,0.5,-0.6931471805599453,-0.5\n1,0.5,-0.6931471805599453,0.5\n"
                + "2,0,-Infinity,0\n", new String(save("workbench-save-csv", ResultFiles.CSV), StandardCharsets.UTF_8));
        assertEquals("ブラウザーが softmax.csv（3 クラス）を保存しています。", browser.text("workbench-save-status"));
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void aSandboxedFrameSaysItMayForbidTheDownload() throws IOException {
        // A notebook's <iframe sandbox="allow-scripts" srcdoc=...> of the single file, escaped as
        // Python's html.escape(quote=True) does: scripts run, downloads are not allowed.
        Path host = downloads.resolveSibling(downloads.getFileName() + "-host.html");
        String single = Files.readString(Path.of(System.getProperty("single.file", "target/softmax-explorer.html")),
                StandardCharsets.UTF_8);
        String escaped = single.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;").replace("'", "&#x27;");
        Files.writeString(host, "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Host</title>"
                + "<link rel=\"icon\" href=\"data:,\"></head><body><iframe id=\"explorer\" title=\"Softmax Explorer\""
                + " sandbox=\"allow-scripts\" style=\"width:900px;height:700px\" srcdoc=\"" + escaped
                + "\"></iframe></body></html>", StandardCharsets.UTF_8);
        try {
            browser.driver.get(host.toUri().toString());
            browser.driver.switchTo().frame("explorer");
            browser.waiting().until(d -> "Workbench: your own logits".equals(browser.text("workbench-view-title")));
            browser.script("arguments[0].scrollIntoView({block: 'center'});", browser.element("workbench-text"));
            browser.element("workbench-text").sendKeys("1, 2, 3");
            browser.element("workbench-read").click();
            browser.waiting().until(d -> topRows().size() == 3);
            browser.script("arguments[0].scrollIntoView({block: 'center'});", browser.element("workbench-save-p"));
            browser.element("workbench-save-p").click();
            browser.waiting().until(d -> browser.text("workbench-save-status").contains(
                    "This page is inside another page: if no file arrives, that page does not allow downloads."));
        } finally {
            browser.driver.switchTo().defaultContent();
            // Chromium logs the download it blocked; read it here so the next test starts clean.
            browser.consoleErrors();
            Files.delete(host);
        }
    }
}
