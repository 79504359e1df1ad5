package dev.softmaxexplorer.site;

import java.util.List;

/**
 * What the engine smoke suite needs from a browser, whatever drives it: WebDriver classic through
 * Selenium (Chromium, WebKit) or WebDriver BiDi (Firefox). Input goes through the driver's input
 * actions, so the page receives trusted pointer and key events as from a person.
 */
interface EnginePage extends Scripting, AutoCloseable {
    /** Navigates the tab to this URL and waits for its load event. */
    void open(String url);

    /** Scrolls the element into the middle of the view and clicks its centre with the mouse. */
    void click(String id);

    /** Clicks a text field, selects its content with Ctrl+A and types this text over it. */
    void type(String id, String text);

    /**
     * Focuses the element and presses these keys one after the other (WebDriver key codes, such as
     * {@code Keys.END}). The focus is set by script: a click on a slider would also move its thumb.
     */
    void press(String id, CharSequence... keys);

    /**
     * Scrolls the element into the middle of the view, presses the mouse on its centre, moves
     * straight down by {@code dy} CSS pixels (up if negative) in ten steps and lets go.
     */
    void drag(String id, int dy);

    /** The console errors and uncaught exceptions seen since the last call, in the engine's words. */
    List<String> consoleErrors();

    @Override
    void close();
}
