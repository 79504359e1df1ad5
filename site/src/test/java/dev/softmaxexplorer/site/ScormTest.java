package dev.softmaxexplorer.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openqa.selenium.support.ui.ExpectedConditions.frameToBeAvailableAndSwitchToIt;

import dev.softmaxexplorer.web.quiz.Question;
import dev.softmaxexplorer.web.quiz.Quiz;
import dev.softmaxexplorer.web.quiz.Score;
import dev.softmaxexplorer.web.state.Lesson;
import dev.softmaxexplorer.web.state.HashCodec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The SCORM package in a fake learning management system: the package unzipped and served over
 * loopback HTTP as an LMS serves it, launched in a frame of a page that holds a SCORM 1.2 API
 * recording every call. The learner's real clicks (the lessons, the quiz) become the LMS's record;
 * an API that throws or refuses changes nothing a learner sees.
 */
class ScormTest extends BrowserTest {
    private static final String ADLCP = "http://www.adlnet.org/xsd/adlcp_rootv1p2";
    private static final String STATUS = "cmi.core.lesson_status";

    /** An API that answers like an LMS with a learner who has not started: every call recorded. */
    private static final String WORKING = "var data = {'cmi.core.lesson_status': 'not attempted', 'cmi.core.score.raw': ''};"
            + "function api(name, answer) { return function () { calls.push([name].concat([].slice.call(arguments)));"
            + "  if (name === 'LMSSetValue') { data[arguments[0]] = arguments[1]; }"
            + "  return name === 'LMSGetValue' ? data[arguments[0]] || '' : answer; }; }";
    /** Every function throws. */
    private static final String THROWS = "function api(name) { return function () {"
            + " calls.push([name].concat([].slice.call(arguments))); throw new Error('LMS unavailable'); }; }";
    /** The session cannot start. */
    private static final String REFUSES = "function api(name) { return function () {"
            + " calls.push([name].concat([].slice.call(arguments))); return name === 'LMSGetLastError' ? '101' : 'false'; }; }";
    /** The session starts, then every call fails: an error code, or an exception from the commit. */
    private static final String FAILS_LATER = "function api(name) { return function () {"
            + " calls.push([name].concat([].slice.call(arguments)));"
            + " if (name === 'LMSCommit') { throw new Error('commit failed'); }"
            + " return name === 'LMSInitialize' ? 'true' : name === 'LMSGetLastError' ? '301' : 'false'; }; }";

    private static Path lms;
    private static GzipServer server;

    @BeforeAll
    static void installPackage() throws IOException {
        lms = Files.createTempDirectory("fake-lms");
        Path course = Files.createDirectories(lms.resolve("course"));
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(scormZip()))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                Files.copy(zip, course.resolve(entry.getName()));
            }
        }
        for (String name : List.of("working", "throws", "refuses", "fails-later")) {
            String api = switch (name) {
                case "working" -> WORKING;
                case "throws" -> THROWS;
                case "refuses" -> REFUSES;
                default -> FAILS_LATER;
            };
            Files.writeString(lms.resolve(name + ".html"), lmsPage(api), StandardCharsets.UTF_8);
        }
        server = new GzipServer(lms);
    }

    /** The LMS's player page: the API on its window, the SCO launched in a frame below it. */
    private static String lmsPage(String api) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Fake LMS</title>"
                + "<link rel=\"icon\" href=\"data:,\"><script>window.calls = [];" + api
                + "window.API = {};"
                + "['LMSInitialize', 'LMSFinish', 'LMSGetValue', 'LMSSetValue', 'LMSCommit', 'LMSGetLastError',"
                + " 'LMSGetErrorString', 'LMSGetDiagnostic'].forEach(function (name) {"
                + "  window.API[name] = api(name, name === 'LMSGetLastError' ? '0' : name.indexOf('Get') > 0 ? '' : 'true'); });"
                + "</script></head><body><h1>Week 3: softmax</h1><iframe id=\"sco\" title=\"Softmax Explorer\""
                + " style=\"width:1200px;height:800px;border:0\" src=\"course/" + manifestLaunch() + "\"></iframe></body></html>";
    }

    @AfterAll
    static void removePackage() throws IOException {
        server.close();
        try (Stream<Path> files = Files.walk(lms)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    @AfterEach
    void noErrors() {
        browser.driver.switchTo().defaultContent();
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void thePackageIsOneScoWithTheSingleFile() throws Exception {
        List<String> names = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(scormZip()))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                names.add(entry.getName());
            }
        }
        assertEquals(List.of("imsmanifest.xml", "softmax-explorer.html"), names);
        Document manifest = manifest();
        assertEquals("ADL SCORM", text(manifest, "schema"));
        assertEquals("1.2", text(manifest, "schemaversion"));
        assertEquals(1, manifest.getElementsByTagNameNS("*", "item").getLength());
        Element resource = (Element) manifest.getElementsByTagNameNS("*", "resource").item(0);
        assertEquals(1, manifest.getElementsByTagNameNS("*", "resource").getLength());
        assertEquals("webcontent", resource.getAttribute("type"));
        assertEquals("sco", resource.getAttributeNS(ADLCP, "scormtype"));
        assertEquals("softmax-explorer.html", resource.getAttribute("href"));
        assertEquals(Integer.toString(Score.MASTERY_PERCENT), text(manifest, "masteryscore"),
                "the LMS's pass mark is the page's");
        assertEquals(Files.readString(singleFile()), Files.readString(lms.resolve("course/softmax-explorer.html")));
    }

    @Test
    void theLessonsAndTheQuizAreReportedAndTheSessionEndsWhenThePageIsLeft() {
        launch("working");
        assertEquals(List.of(List.of("LMSInitialize", ""), List.of("LMSGetValue", STATUS),
                List.of("LMSGetValue", "cmi.core.score.raw"), List.of("LMSSetValue", STATUS, "incomplete"),
                List.of("LMSCommit", "")), calls());

        inFrame(() -> {
            browser.element("lesson-start").click();
            for (int step = 1; step <= Lesson.values().length; step++) {
                browser.element("lesson-next").click();
            }
            browser.waiting().until(d -> browser.element("lesson-start").isDisplayed());
        });
        assertEquals(List.of(List.of("LMSSetValue", STATUS, "completed"), List.of("LMSCommit", "")), callsFrom(5));

        List<Question> quiz = new ArrayList<>();
        inFrame(() -> {
            // The lessons left their last example in the page; Reset brings the defaults back, and
            // with them the quiz as the page asks it at the defaults (which choice is right).
            browser.element("reset").click();
            browser.waiting().until(d -> "".equals(browser.script("return location.hash.replace(/^#/, '');")));
            List<Question> questions = questionsShown();
            quiz.addAll(questions);
            // The first prediction is wrong; then the learner tries the right answer, which
            // explores and does not count. Every other prediction is right.
            Question first = questions.get(0);
            answer(first.id(), wrong(first));
            answer(first.id(), first.correct());
            for (Question question : questions.subList(1, questions.size())) {
                answer(question.id(), question.correct());
            }
        });
        // 8 of 9 right: 800 / 9 = 88.88... %, rounded 89, at least the pass mark of 80.
        assertEquals(9, quiz.size(), "the quiz's questions, as the expected score assumes");
        assertEquals(List.of(List.of("LMSSetValue", "cmi.core.score.min", "0"),
                List.of("LMSSetValue", "cmi.core.score.max", "100"), List.of("LMSSetValue", "cmi.core.score.raw", "89"),
                List.of("LMSSetValue", STATUS, "passed"), List.of("LMSCommit", "")), callsFrom(7));

        // A second, worse attempt (no right prediction) leaves the best one recorded.
        inFrame(() -> {
            browser.element("quiz-reset").click();
            for (Question question : quiz) {
                answer(question.id(), wrong(question));
            }
        });
        assertEquals(12, calls().size(), "calls: " + calls());

        browser.script("document.getElementById('sco').src = 'about:blank';");
        browser.waiting().until(d -> calls().size() == 15);
        List<List<String>> last = callsFrom(12);
        assertEquals(List.of("LMSSetValue", "cmi.core.session_time"), last.get(0).subList(0, 2));
        assertTrue(last.get(0).get(2).matches("\\d{4}:\\d{2}:\\d{2}\\.\\d{2}"), last.get(0).get(2));
        assertEquals(List.of(List.of("LMSCommit", ""), List.of("LMSFinish", "")), last.subList(1, 3));
    }

    /** The page learners see, whatever the LMS does: the numbers, the quiz's answers, no alarm. */
    @ParameterizedTest
    @ValueSource(strings = {"throws", "refuses", "fails-later"})
    void anLmsThatFailsChangesNothingALearnerSees(String lmsKind) {
        launch(lmsKind);
        inFrame(() -> {
            browser.type("z1", "3");
            // z = [3, 1, 0]: p1 = e^3 / (e^3 + e + 1) = 20.0855369 / 23.8038187 = 0.8437947.
            browser.waitForText("p1", "0.843795");
            for (Question question : questionsShown()) {
                answer(question.id(), 1);
            }
            browser.element("lesson-start").click();
            browser.waitForText("lesson-next", "Skip this step");
            assertTrue(browser.element("fatal").getDomProperty("hidden").equals("true"), "no error box");
            assertTrue(browser.element("notice").getDomProperty("hidden").equals("true"), "no notice");
        });
        if (lmsKind.equals("refuses") || lmsKind.equals("throws")) {
            assertEquals(List.of(List.of("LMSInitialize", "")), calls(), "no call after a session that did not start");
        }
    }

    private static void launch(String lmsKind) {
        browser.driver.get(server.url(lmsKind + ".html"));
        inFrame(() -> {
            browser.waitForText("p1", "0.665241");
            // Every view drawn, the quiz far below the screen included (it is built on its first draw).
            browser.waiting().until(d -> (Boolean) browser.script(
                    "return performance.getEntriesByName('softmax-explorer-settled').length > 0;"));
        });
    }

    /** The quiz's questions for the state in the page's link (in the current frame). */
    private static List<Question> questionsShown() {
        String hash = (String) browser.script("return location.hash.replace(/^#/, '');");
        return Quiz.questions(HashCodec.decode(hash).state(), EnglishWords.WORDS);
    }

    /** A choice that is not the question's right one. */
    private static int wrong(Question question) {
        return (question.correct() + 1) % question.choices().size();
    }

    /** Clicks an answer and waits for its reveal, as a learner reads it. */
    private static void answer(String question, int choice) {
        WebElement button = browser.element("quiz-" + question + "-" + choice);
        // In the fake LMS's short frame a button can sit under the control strip at the top, where
        // a person would scroll it down before tapping it.
        browser.script("arguments[0].scrollIntoView({block: 'center'});", button);
        button.click();
        browser.waiting().until(d -> !browser.text("quiz-" + question + "-reveal").isEmpty()
                && "true".equals(browser.element("quiz-" + question + "-" + choice).getDomAttribute("aria-pressed")));
    }

    private static void inFrame(Runnable action) {
        browser.driver.switchTo().defaultContent();
        browser.waiting().until(frameToBeAvailableAndSwitchToIt(By.id("sco")));
        try {
            action.run();
        } finally {
            browser.driver.switchTo().defaultContent();
        }
    }

    @SuppressWarnings("unchecked")
    private static List<List<String>> calls() {
        return (List<List<String>>) browser.script("return window.calls;");
    }

    private static List<List<String>> callsFrom(int index) {
        List<List<String>> all = calls();
        return all.subList(Math.min(index, all.size()), all.size());
    }

    private static String manifestLaunch() {
        try {
            Element resource = (Element) manifest().getElementsByTagNameNS("*", "resource").item(0);
            return resource.getAttribute("href");
        } catch (Exception e) {
            throw new IllegalStateException("the package's manifest cannot be read", e);
        }
    }

    private static Document manifest() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        try (InputStream in = Files.newInputStream(lms.resolve("course/imsmanifest.xml"))) {
            return factory.newDocumentBuilder().parse(in);
        }
    }

    private static String text(Document document, String localName) {
        return document.getElementsByTagNameNS("*", localName).item(0).getTextContent().trim();
    }

    private static Path scormZip() {
        return singleFile().resolveSibling("softmax-explorer-scorm.zip");
    }

    private static Path singleFile() {
        return Path.of(System.getProperty("single.file", "target/softmax-explorer.html")).toAbsolutePath();
    }
}
