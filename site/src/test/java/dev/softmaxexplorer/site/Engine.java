package dev.softmaxexplorer.site;

/** The three browser engines students bring, each started fresh as Debian ships it. */
enum Engine {
    /** Debian's chromium and chromedriver through Selenium; console errors from the browser log. */
    CHROMIUM {
        @Override
        EnginePage start() {
            Browser browser = Browser.start();
            return new SeleniumPage(browser.driver, page -> browser.consoleErrors(), browser::close);
        }
    },
    /** Debian's firefox-esr over WebDriver BiDi; console errors from BiDi's log events. */
    FIREFOX {
        @Override
        EnginePage start() {
            return Firefox.start();
        }
    },
    /** WebKitGTK's MiniBrowser through WebKitWebDriver under Xvfb; console errors from a hook (see SeleniumPage.HOOK). */
    WEBKIT {
        @Override
        EnginePage start() {
            return WebKit.start();
        }
    };

    abstract EnginePage start();
}
