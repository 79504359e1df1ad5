package dev.softmaxexplorer.site;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.PointerInput;
import org.openqa.selenium.interactions.Sequence;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Debian Chromium driven through Debian's chromedriver, both found on the PATH (so
 * Selenium Manager never downloads anything), with a fresh profile and the browser console kept.
 */
final class Browser implements AutoCloseable, Scripting {
    private final Path profile;
    final ChromeDriver driver;

    private Browser(Path profile, ChromeDriver driver) {
        this.profile = profile;
        this.driver = driver;
    }

    static Browser start() {
        try {
            Path profile = Files.createTempDirectory("softmax-explorer-chromium");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(onPath("chromium"));
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--window-size=1280,900", "--user-data-dir=" + profile);
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(onPath("chromedriver")))
                    .usingAnyFreePort()
                    .build();
            ChromeDriver driver = new ChromeDriver(service, options);
            // CoreBitsTest runs thousands of core calls (K up to 4096) in one script; on a busy
            // two-core machine that outlasts Selenium's 30 s default script timeout.
            driver.manage().timeouts().scriptTimeout(Duration.ofMinutes(5));
            return new Browser(profile, driver);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a Chromium profile directory", e);
        }
    }

    static Path siteFile(String name) {
        return Path.of(System.getProperty("site.dir", "target/site")).resolve(name).toAbsolutePath();
    }

    /**
     * A copy of the built folder in {@code folder}, with its index.html's text replaced (a page as
     * a broken copy or a loading browser has it); returns the copied index.html.
     */
    static Path copyOfSite(Path folder, String text, String replacement) throws IOException {
        try (java.util.stream.Stream<Path> files = Files.list(siteFile("index.html").getParent())) {
            for (Path file : files.toList()) {
                Files.copy(file, folder.resolve(file.getFileName()));
            }
        }
        Path page = folder.resolve("index.html");
        String html = Files.readString(page, StandardCharsets.UTF_8);
        if (!html.contains(text)) {
            throw new IllegalStateException("the built index.html has no " + text);
        }
        Files.writeString(page, html.replace(text, replacement), StandardCharsets.UTF_8);
        return page;
    }

    static Path probeFile(String name) {
        return Path.of(System.getProperty("probe.dir", "target/probe")).resolve(name).toAbsolutePath();
    }

    void open(Path file, String hash) {
        driver.get(file.toUri() + (hash.isEmpty() ? "" : "#" + hash));
    }

    /** Waits up to 10 s, checking every 10 ms (a render takes one frame, so the default 500 ms poll only adds delay). */
    WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
        wait.pollingEvery(Duration.ofMillis(10));
        return wait;
    }

    /**
     * A fresh load of the built page (never a same-document fragment navigation), waiting until
     * every view on screen or within a window's height of it has drawn. A view further down draws
     * as it comes near: the readers below ({@link #element}, {@link #text}, {@link #values} ...)
     * scroll to it first, as a person would.
     */
    void load(String hash) {
        loadUntil(hash, "softmax-explorer-settled");
    }

    /** A fresh load, then a scroll down through the whole page so that every view has drawn, and back to the top. */
    void loadWhole(String hash) {
        load(hash);
        while (scrollToBusyView(null)) {
            // One view at a time, each with the whole wait: a view may take a while to draw on a busy machine.
        }
        script("window.scrollTo(0, 0);");
        // Back at the top the control strip goes away (an observer's callback, a frame later).
        waiting().until(d -> (Boolean) script("var s = document.querySelector('.control-strip');"
                + " return !s || getComputedStyle(s).display === 'none';"));
    }

    /**
     * A fresh load that waits only for the first frame, for pages that never settle (fuzz mode
     * changes the state every frame).
     */
    void loadUnsettled(String hash) {
        loadUntil(hash, "softmax-explorer-render");
    }

    /** A fresh load of the built page, waiting for the page's performance entry of this name. */
    private void loadUntil(String hash, String entry) {
        driver.get("about:blank");
        open(siteFile("index.html"), hash);
        waiting().until(d -> (Boolean) script("return performance.getEntriesByName(arguments[0]).length > 0;", entry));
    }

    /**
     * An element to read or act on, scrolled to the middle of the window first when it lies outside
     * it, as a person brings a control into view before using it (and not under the control strip
     * at the top of the window, as the driver's own scrolling would leave it).
     */
    WebElement element(String id) {
        reveal(List.of(id));
        script("var e = document.getElementById(arguments[0]), s = document.getElementById('control-strip');"
                + " if (e && !(s && s.contains(e))) { var r = e.getBoundingClientRect(),"
                + " top = s && !s.hidden ? s.getBoundingClientRect().bottom : 0;"
                + " if (r.width + r.height > 0 && (r.top < top || r.bottom > innerHeight)) {"
                + " e.scrollIntoView({block: 'center'}); } }", id);
        return driver.findElement(By.id(id));
    }

    /**
     * Scrolls to the views that have not drawn the current state yet (the page draws a view far
     * below the screen only as it comes near, and marks it aria-busy until then) and hold one of
     * these elements, or, while one of them is not on the page at all, to each such view in turn,
     * as a person scrolls to a view before reading it; returns once none is left. Elements in views
     * that are up to date stay where they are.
     */
    void reveal(List<String> ids) {
        while (scrollToBusyView(ids)) {
            // Until every view holding one of them has drawn the current state.
        }
    }

    /**
     * Scrolls to a view that has not drawn the current state: one holding an element of these ids,
     * or while one of them is not on the page, or when ids is null, the first such view. Waits
     * until it has drawn and returns true, or returns false if there is none.
     */
    private boolean scrollToBusyView(List<String> ids) {
        Object busy = script("var ids = arguments[0], busy = null, missing = ids === null;"
                + " (ids || []).forEach(function (id) {"
                + " var e = document.getElementById(id), b = e && e.closest('[aria-busy=\"true\"]');"
                + " if (!e) { missing = true; } if (b && !busy) { busy = b; } });"
                + " if (!busy && missing) { busy = document.querySelector('[aria-busy=\"true\"]'); }"
                + " if (busy) { busy.scrollIntoView({block: 'start'}); return busy; } return null;", ids);
        if (busy == null) {
            return false;
        }
        waiting().until(d -> !"true".equals(((WebElement) busy).getDomAttribute("aria-busy")));
        return true;
    }

    /** Whether none of these elements is in a view that has not drawn the current state (see {@link #reveal}). */
    private boolean revealed(List<String> ids) {
        return !scrollToBusyView(ids);
    }

    /** The visible text of an element. */
    String text(String id) {
        return element(id).getText();
    }

    /** The current value of a form control (the DOM property, not the attribute). */
    String value(String id) {
        return element(id).getDomProperty("value");
    }

    /** The text a person sees (innerText) of several elements, read in one round trip. */
    @SuppressWarnings("unchecked")
    List<String> texts(List<String> ids) {
        reveal(ids);
        return (List<String>) script("return arguments[0].map(function (id) {"
                + " var e = document.getElementById(id); return e ? e.innerText.trim() : null; });", ids);
    }

    /** The values of several form controls, read in one round trip. */
    @SuppressWarnings("unchecked")
    List<String> values(List<String> ids) {
        reveal(ids);
        return (List<String>) script("return arguments[0].map(function (id) {"
                + " var e = document.getElementById(id); return e ? String(e.value) : null; });", ids);
    }

    boolean checked(String id) {
        return Boolean.parseBoolean(element(id).getDomProperty("checked"));
    }

    /** Replaces a text field's content by typing, as a person selecting all and typing would. */
    void type(String id, String text) {
        element(id).sendKeys(Keys.chord(Keys.CONTROL, "a"), text);
    }

    /** Opens a disclosure (a toolbar menu) by clicking its summary, as a person would, unless it is open. */
    void openMenu(String detailsId) {
        WebElement details = element(detailsId);
        if (!Boolean.parseBoolean(details.getDomProperty("open"))) {
            details.findElement(By.tagName("summary")).click();
        }
    }

    /** Chooses an option of a select by its value (or, for options without one, its text). */
    void choose(String id, String optionValue) {
        Select select = new Select(element(id));
        boolean hasValue = select.getOptions().stream().anyMatch(o -> optionValue.equals(o.getAttribute("value"))
                && o.getDomAttribute("value") != null);
        if (hasValue) {
            select.selectByValue(optionValue);
        } else {
            select.selectByVisibleText(optionValue);
        }
    }

    /** Waits until an element shows exactly this text. */
    void waitForText(String id, String text) {
        waiting().until(d -> revealed(List.of(id)) && ExpectedConditions.textToBe(By.id(id), text).apply(d));
    }

    /** Waits until a form control holds exactly this value. */
    void waitForValue(String id, String value) {
        waiting().until(d -> revealed(List.of(id)) && value.equals(value(id)));
    }

    /** Emulates a viewport of this CSS size and device pixel ratio (Chrome DevTools Protocol). */
    void emulate(int width, int height, double deviceScaleFactor) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", java.util.Map.of("width", width, "height",
                height, "deviceScaleFactor", deviceScaleFactor, "mobile", false));
    }

    void stopEmulating() {
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", java.util.Map.of());
    }

    /** An element's box in viewport pixels: left, top, width, height. */
    double[] box(String id) {
        @SuppressWarnings("unchecked")
        List<Number> r = (List<Number>) script("var r = document.getElementById(arguments[0])"
                + ".getBoundingClientRect(); return [r.left, r.top, r.width, r.height];", id);
        return new double[] {r.get(0).doubleValue(), r.get(1).doubleValue(), r.get(2).doubleValue(), r.get(3).doubleValue()};
    }

    /**
     * Presses at (fromX, fromY), moves in ten steps to (toX, toY) and, if asked, lets go, all in
     * viewport pixels, with a mouse or a finger: real pointer input. chromedriver does not deliver
     * a finger's lift sent in a later action call (no pointerup arrives), so a finger lets go in the
     * same call; a mouse can hold between two ({@link #release}).
     */
    void drag(PointerInput.Kind kind, double fromX, double fromY, double toX, double toY, boolean letGo) {
        PointerInput pointer = new PointerInput(kind, kind.name().toLowerCase());
        Sequence moves = new Sequence(pointer, 0);
        moves.addAction(pointer.createPointerMove(Duration.ZERO, PointerInput.Origin.viewport(), (int) fromX, (int) fromY));
        moves.addAction(pointer.createPointerDown(PointerInput.MouseButton.LEFT.asArg()));
        for (int step = 1; step <= 10; step++) {
            double f = step / 10.0;
            moves.addAction(pointer.createPointerMove(Duration.ofMillis(16), PointerInput.Origin.viewport(),
                    (int) Math.round(fromX + (toX - fromX) * f), (int) Math.round(fromY + (toY - fromY) * f)));
        }
        if (letGo) {
            moves.addAction(pointer.createPointerUp(PointerInput.MouseButton.LEFT.asArg()));
        }
        driver.perform(List.of(moves));
    }

    /** Lets go of what a held {@link #drag} holds. */
    void release(PointerInput.Kind kind) {
        PointerInput pointer = new PointerInput(kind, kind.name().toLowerCase());
        Sequence up = new Sequence(pointer, 0);
        up.addAction(pointer.createPointerUp(PointerInput.MouseButton.LEFT.asArg()));
        driver.perform(List.of(up));
    }

    /** Console messages at level SEVERE (errors, uncaught exceptions) since the last call. */
    List<String> consoleErrors() {
        List<String> errors = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
                errors.add(entry.getMessage());
            }
        }
        return errors;
    }

    @Override
    public Object script(String code, Object... args) {
        return driver.executeScript(code, args);
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }

    private static String onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            File candidate = new File(dir, program);
            if (candidate.canExecute()) {
                return candidate.getAbsolutePath();
            }
        }
        throw new IllegalStateException(program + " is not on the PATH; on Debian: apt-get install chromium chromium-driver"
                + " (.ci/run does this)");
    }

}
