package dev.softmaxexplorer.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A page whose HTML lacks an element the code wires stops at start-up and names it. */
class StartUpTest extends BrowserTest {
    @TempDir
    Path folder;

    @Test
    void aMissingElementIsNamedAtStartUp() throws IOException {
        try (Stream<Path> files = Files.list(Browser.siteFile("index.html").getParent())) {
            for (Path file : files.toList()) {
                Files.copy(file, folder.resolve(file.getFileName()));
            }
        }
        Path page = folder.resolve("index.html");
        String html = Files.readString(page, StandardCharsets.UTF_8);
        String theoryButton = "<button id=\"lesson-theory\" type=\"button\" class=\"link\"></button>";
        Files.writeString(page, html.replace(theoryButton, ""), StandardCharsets.UTF_8);

        browser.open(page, "");
        browser.waiting().until(d -> browser.element("fatal").isDisplayed());
        assertEquals("Softmax Explorer could not start: index.html has no element with id 'lesson-theory'.",
                browser.text("fatal"));
    }
}
