package dev.softmaxexplorer.site;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.remote.RemoteWebDriver;

/** An {@link EnginePage} over a Selenium WebDriver session (W3C WebDriver classic): Chromium and WebKit. */
final class SeleniumPage implements EnginePage {
    /** Where the console errors come from: the engine's own log, or a hook the page is given after each load. */
    interface Console {
        default void opened(SeleniumPage page) {
        }

        List<String> errors(SeleniumPage page);
    }

    /**
     * For a driver without a log endpoint or BiDi: after each load, wrap {@code console.error} and
     * listen for uncaught errors and rejections; the errors are kept in the page. What happens
     * during the load itself is seen only through the page's own error box, {@code #fatal}, which
     * the smoke scenario reads in every engine.
     */
    static final Console HOOK = new Console() {
        @Override
        public void opened(SeleniumPage page) {
            page.script("var seen = window.softmaxExplorerEngineErrors = [];"
                    + " var error = console.error;"
                    + " console.error = function () { seen.push(Array.prototype.join.call(arguments, ' '));"
                    + "   return error.apply(console, arguments); };"
                    + " window.addEventListener('error', function (e) { seen.push(String(e.message)); });"
                    + " window.addEventListener('unhandledrejection', function (e) { seen.push(String(e.reason)); });");
        }

        @SuppressWarnings("unchecked")
        @Override
        public List<String> errors(SeleniumPage page) {
            return (List<String>) page.script("var seen = window.softmaxExplorerEngineErrors || [];"
                    + " window.softmaxExplorerEngineErrors = []; return seen;");
        }
    };

    private final RemoteWebDriver driver;
    private final Console console;
    private final AutoCloseable session;

    SeleniumPage(RemoteWebDriver driver, Console console, AutoCloseable session) {
        this.driver = driver;
        this.console = console;
        this.session = session;
    }

    @Override
    public void open(String url) {
        driver.get(url);
        console.opened(this);
    }

    @Override
    public Object script(String code, Object... args) {
        return driver.executeScript(code, args);
    }

    @Override
    public void click(String id) {
        new Actions(driver).moveToElement(inView(id)).click().perform();
    }

    @Override
    public void type(String id, String text) {
        new Actions(driver).moveToElement(inView(id)).click()
                .keyDown(Keys.CONTROL).sendKeys("a").keyUp(Keys.CONTROL).sendKeys(text).perform();
    }

    @Override
    public void press(String id, CharSequence... keys) {
        script("arguments[0].focus();", inView(id));
        new Actions(driver).sendKeys(keys).perform();
    }

    @Override
    public void drag(String id, int dy) {
        Actions moves = new Actions(driver).moveToElement(inView(id)).clickAndHold();
        for (int step = 1; step <= 10; step++) {
            moves.moveByOffset(0, dy * step / 10 - dy * (step - 1) / 10);
        }
        moves.release().perform();
    }

    @Override
    public List<String> consoleErrors() {
        return console.errors(this);
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (Exception e) {
            throw new IllegalStateException("cannot close the browser", e);
        }
    }

    /** W3C actions do not scroll: bring the element to the middle of the view (clear of the sticky control strip). */
    private WebElement inView(String id) {
        WebElement element = driver.findElement(By.id(id));
        script("arguments[0].scrollIntoView({block: 'center', inline: 'center'});", element);
        return element;
    }
}
