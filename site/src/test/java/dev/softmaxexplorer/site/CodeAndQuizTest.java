package dev.softmaxexplorer.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.softmaxexplorer.core.Pipeline.Mode;
import dev.softmaxexplorer.core.Precision;
import dev.softmaxexplorer.web.quiz.Question;
import dev.softmaxexplorer.web.quiz.Quiz;
import dev.softmaxexplorer.web.state.Fields;
import dev.softmaxexplorer.web.state.HashCodec;
import dev.softmaxexplorer.web.state.State;
import dev.softmaxexplorer.web.text.CodeSnippet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/** The "Copy as code" and "Predict, then reveal" views, used as a person would, from file://. */
class CodeAndQuizTest extends BrowserTest {
    /** A state with every input away from its default, and a name that needs escaping in Python. */
    private static final State STATE = State.defaults().with(Fields.CLASS_COUNT, 4)
            .with(Fields.LOGITS, new double[] {1.5, -0.25, 3, 0.1})
            .with(Fields.NAMES, 1, "say \"hi\"")
            .with(Fields.TEMPERATURE, 0.7).with(Fields.LABEL_SMOOTHING, 0.05).with(Fields.TARGET, 1).with(Fields.SAMPLING_SEED, 9);

    private void open(State state) {
        // A fresh load: opening the same file with another hash would only fire hashchange, and the
        // quiz's chosen answers (transient, not in the hash) would carry over between tests.
        browser.load(HashCodec.encode(state));
        browser.consoleErrors();
        String expected = CodeSnippet.numpy(state);
        browser.waiting().until(d -> expected.equals(textContent("numpy-code")));
    }

    private String textContent(String id) {
        browser.reveal(java.util.List.of(id));
        return (String) browser.script("return document.getElementById(arguments[0]).textContent;", id);
    }

    private static String reveal(Question question, int chosen) {
        return question.reveal(chosen, EnglishWords.WORDS);
    }

    private static Question question(State state, String id) {
        return Quiz.questions(state, EnglishWords.WORDS).stream().filter(q -> q.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void theSnippetsOnThePageAreCodeSnippetsForTheLinkedState() {
        open(STATE);
        assertEquals(CodeSnippet.numpy(STATE), textContent("numpy-code"));
        assertEquals(CodeSnippet.pytorch(STATE), textContent("pytorch-code"));
        assertTrue(textContent("numpy-code").contains("names = [\"Class 1\", \"say \\\"hi\\\"\", \"Class 3\", \"Class 4\"]"));
        assertEquals(false, browser.element("code-note").isDisplayed());
        assertTrue(browser.element("copy-numpy").getSize().getHeight() >= 44);

        // Typing T at the top of the page (the programs off screen), then scrolling back: the new T is there.
        WebElement temperature = browser.element("temperature");
        temperature.sendKeys(Keys.chord(Keys.CONTROL, "a"), "2.5");
        State warmer = STATE.with(Fields.TEMPERATURE, 2.5);
        browser.script("document.getElementById('code-view').scrollIntoView();");
        browser.waiting().until(d -> CodeSnippet.numpy(warmer).equals(textContent("numpy-code")));
        assertEquals(CodeSnippet.pytorch(warmer), textContent("pytorch-code"));
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void theCopyButtonsCopyTheProgramOrShowItSelected() {
        open(STATE);
        // The clipboard itself is the browser's; what the page controls is the text it hands over and
        // what it says. A stand-in records the text, as a granted clipboard would receive it.
        browser.script("navigator.clipboard.writeText = function (t) { window.copiedText = t; return Promise.resolve(); };");
        browser.element("copy-numpy").click();
        browser.waiting().until(d -> "NumPy code copied.".equals(textContent("code-copy-status")));
        assertEquals(CodeSnippet.numpy(STATE), browser.script("return window.copiedText;"));
        browser.element("copy-pytorch").click();
        browser.waiting().until(d -> "PyTorch code copied.".equals(textContent("code-copy-status")));
        assertEquals(CodeSnippet.pytorch(STATE), browser.script("return window.copiedText;"));

        // A refusal (an iframe without the clipboard permission) shows the program selected for a manual copy.
        browser.script("navigator.clipboard.writeText = function () { return Promise.reject(new Error('denied')); };");
        browser.element("copy-numpy").click();
        WebElement fallback = browser.element("code-copy-fallback");
        browser.waiting().until(d -> fallback.isDisplayed());
        assertEquals(CodeSnippet.numpy(STATE), fallback.getAttribute("value"));
        assertEquals("code-copy-fallback", browser.script("return document.activeElement.id;"));
        assertTrue(textContent("code-copy-status").startsWith("This browser refused the clipboard here"));
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void answeringRevealsTheExplanationWithTheLiveNumbers() {
        open(STATE);
        Question shift = question(STATE, "shift");
        assertEquals(shift.prompt(), textContent("quiz-shift-prompt"));
        assertEquals("", textContent("quiz-shift-reveal"));
        WebElement wrong = browser.element("quiz-shift-0");
        assertTrue(wrong.getSize().getHeight() >= 44);
        wrong.click();
        browser.waiting().until(d -> reveal(shift, 0).equals(textContent("quiz-shift-reveal")));
        assertTrue(reveal(shift, 0).startsWith("Not quite: the answer is \u201CStill "));
        assertEquals("true", wrong.getAttribute("aria-pressed"));
        assertEquals("polite", browser.element("quiz-shift-reveal").getAttribute("aria-live"));

        Question sampling = question(STATE, "sampling");
        browser.element("quiz-sampling-1").click();
        browser.waiting().until(d -> reveal(sampling, 1).equals(textContent("quiz-sampling-reveal")));
        assertTrue(reveal(sampling, 1).startsWith("Right. Sampling draws each token"));

        // The revealed answer follows the inputs: a new T rewords it with the new numbers.
        WebElement temperature = browser.element("temperature");
        temperature.sendKeys(Keys.chord(Keys.CONTROL, "a"), "2");
        State warmer = STATE.with(Fields.TEMPERATURE, 2.0);
        browser.waiting().until(d -> reveal(question(warmer, "sampling"), 1).equals(textContent("quiz-sampling-reveal")));
        assertEquals(reveal(question(warmer, "shift"), 0), textContent("quiz-shift-reveal"));

        browser.element("quiz-reset").click();
        browser.waiting().until(d -> "".equals(textContent("quiz-shift-reveal")));
        assertEquals("false", wrong.getAttribute("aria-pressed"));
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void aQuestionCanBeAnsweredWithTheKeyboardOnly() {
        open(STATE);
        browser.reveal(List.of("quiz-temperature-0"));
        browser.script("document.getElementById('quiz-temperature-0').focus();");
        new Actions(browser.driver).sendKeys(Keys.TAB).sendKeys(Keys.SPACE).perform();
        Question temperature = question(STATE, "temperature");
        browser.waiting().until(d -> reveal(temperature, 1).equals(textContent("quiz-temperature-reveal")));
        assertTrue(reveal(temperature, 1).startsWith("Right. "));
        assertEquals("quiz-temperature-1", browser.script("return document.activeElement.id;"));
        new Actions(browser.driver).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
        assertEquals("quiz-temperature-0", browser.script("return document.activeElement.id;"));
        new Actions(browser.driver).sendKeys(Keys.ENTER).perform();
        browser.waiting().until(d -> reveal(temperature, 0).equals(textContent("quiz-temperature-reveal")));
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void anExtremeStateRendersBothViewsWithoutAnError() {
        double[] huge = new double[10];
        for (int i = 0; i < huge.length; i++) {
            huge[i] = i % 3 == 0 ? 1e6 : -1e6 + i;
        }
        State extreme = State.defaults().with(Fields.CLASS_COUNT, 10).with(Fields.LOGITS, huge).with(Fields.TEMPERATURE, 0.05).with(Fields.TARGET, 9)
                .with(Fields.MODE, Mode.NAIVE).with(Fields.PRECISION, Precision.FLOAT16).with(Fields.LABEL_SMOOTHING, 0.5);
        open(extreme);
        assertEquals(CodeSnippet.pytorch(extreme), textContent("pytorch-code"));
        assertEquals("The page is showing float16, naive; these programs compute the exact float64 values, as Copy CSV"
                + " does.", textContent("code-note"));
        for (Question q : Quiz.questions(extreme, EnglishWords.WORDS)) {
            browser.element("quiz-" + q.id() + "-0").click();
            browser.waiting().until(d -> reveal(q, 0).equals(textContent("quiz-" + q.id() + "-reveal")));
        }
        assertEquals(List.of(), browser.consoleErrors());
    }
}
