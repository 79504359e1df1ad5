package dev.softmaxexplorer.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A page whose HTML lacks an element the code wires stops at start-up and names it. */
class StartUpTest extends BrowserTest {
    @TempDir
    Path folder;

    @Test
    void aMissingElementIsNamedAtStartUp() throws IOException {
        String theoryButton = "<button id=\"lesson-theory\" type=\"button\" class=\"link\"></button>";
        Path page = Browser.copyOfSite(folder, theoryButton, "");

        browser.open(page, "");
        browser.waiting().until(d -> browser.element("fatal").isDisplayed());
        assertEquals("Softmax Explorer could not start: index.html has no element with id 'lesson-theory'.",
                browser.text("fatal"));
    }
}
