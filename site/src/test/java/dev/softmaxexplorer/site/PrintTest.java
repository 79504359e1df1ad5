package dev.softmaxexplorer.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;

/**
 * The printed handout, through Chromium's print-to-PDF: light on paper whatever the screen's
 * colours, the numbers in its text, no control, the charts redrawn at print resolution, on A4 and
 * on Letter. The pages are also rendered to PNG under target/print-pages, to be looked at.
 */
class PrintTest extends BrowserTest {
    /** Chromium's print-to-PDF fires no print events: this stands in for the browser's print dialog. */
    private static final String PRINT_DIALOG = "window.print = function () {"
            + " window.dispatchEvent(new Event('beforeprint')); window.printed = true; };";

    @AfterEach
    void noErrors() {
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void theHandoutOnA4IsLightAndHoldsTheNumbersButNoControls() throws IOException {
        String text;
        try (PDDocument pdf = printHandout("scheme=dark", new PageSize(29.7, 21.0), "a4")) {
            // The explorer, the views, the theory: since the sampler chain, sparsemax, attention and
            // calibration views came (issues 18 and 19) about twenty pages, not the screen's sixty.
            assertTrue(pdf.getNumberOfPages() >= 10 && pdf.getNumberOfPages() <= 24, "pages: " + pdf.getNumberOfPages());
            PDPage first = pdf.getPage(0);
            // 210 mm x 297 mm in points (1/72 inch): 595.3 x 841.9; Chromium rounds the size it is given.
            assertEquals(595.3, first.getMediaBox().getWidth(), 1);
            assertEquals(841.9, first.getMediaBox().getHeight(), 1);
            text = new PDFTextStripper().getText(pdf);
            BufferedImage page = new PDFRenderer(pdf).renderImageWithDPI(0, 48);
            assertTrue(lightShare(page) > 0.85, "light paper from a dark screen: " + lightShare(page));
            // Chromium prints a canvas by replaying its drawing as vector paths and text, sharp at
            // any zoom: no chart may come out as a screen bitmap. (Browsers that print a canvas's
            // pixels get the 3x redraw checked in printHandout.)
            int images = 0;
            for (PDPage printed : pdf.getPages()) {
                images += images(printed.getResources());
            }
            assertEquals(0, images, "raster images in the handout");
        }
        // z = [2, 1, 0]: p = e^z / (e^2 + e + 1) = 7.3890561 / 11.1073379, 2.7182818 / 11.1073379,
        // 1 / 11.1073379 = 0.665241, 0.244728, 0.0900306 (six significant digits); the loss
        // -ln 0.665241 = 0.407606.
        for (String number : List.of("0.665241", "0.244728", "0.0900306", "0.407606")) {
            assertTrue(text.contains(number), number + " in the handout");
        }
        assertTrue(text.contains("How it works"), "the theory and its formulas");
        for (String control : List.of("Copy link", "Print handout", "Reset quiz", "Start the lessons", "New seed")) {
            assertFalse(text.contains(control), control + " is a control, not part of a handout");
        }
    }

    @Test
    void theHandoutFitsLetterAndTheScreenComesBackAfterPrinting() throws IOException {
        try (PDDocument pdf = printHandout("scheme=projector&z=3,1,0&views=bars", new PageSize(27.94, 21.59), "letter")) {
            assertTrue(pdf.getNumberOfPages() >= 10 && pdf.getNumberOfPages() <= 24, "pages: " + pdf.getNumberOfPages());
            // 8.5 in x 11 in: 612 x 792 points.
            assertEquals(612, Math.round(pdf.getPage(0).getMediaBox().getWidth()));
            assertEquals(792, Math.round(pdf.getPage(0).getMediaBox().getHeight()));
            // z = [3, 1, 0]: p1 = e^3 / (e^3 + e + 1) = 20.0855369 / 23.8038187 = 0.8437947.
            assertTrue(new PDFTextStripper().getText(pdf).contains("0.843795"));
        }
        browser.script("window.dispatchEvent(new Event('afterprint'));");
        browser.waiting().until(d -> "projector".equals(browser.script("return document.documentElement.dataset.theme;")));
        assertEquals(false, browser.script("return document.documentElement.classList.contains('printing');"));
        // Back on screen, each chart's backing store is its CSS size at the screen's ratio (1 here) again.
        browser.waiting().until(d -> (Boolean) browser.script("var c = document.getElementById('probability-chart');"
                + " return c.width === Math.ceil(c.clientWidth * devicePixelRatio);"));
    }

    /**
     * Loads the page, chooses "Print handout" in the Share menu as a person would, checks that
     * the page is laid out for paper, and prints it to PDF.
     */
    private static PDDocument printHandout(String hash, PageSize size, String name) throws IOException {
        browser.load(hash);
        browser.script(PRINT_DIALOG);
        browser.openMenu("share");
        browser.element("print-handout").click();
        browser.waiting().until(d -> Boolean.TRUE.equals(browser.script("return window.printed;")));
        assertEquals(false, browser.script("return document.getElementById('share').open;"), "the menu closed");
        assertEquals("light", browser.script("return document.documentElement.dataset.theme;"));
        @SuppressWarnings("unchecked")
        Map<String, Number> chart = (Map<String, Number>) browser.script("var c = document.getElementById('probability-chart');"
                + " return {backing: c.width, css: c.clientWidth};");
        assertEquals(Math.ceil(chart.get("css").doubleValue() * 3), chart.get("backing").doubleValue(),
                "the chart redrawn at 3 backing pixels a CSS pixel, for the printed layout: " + chart);
        PrintOptions options = new PrintOptions();
        options.setPageSize(size);
        byte[] bytes = Base64.getDecoder().decode(browser.driver.print(options).getContent());
        Path folder = Files.createDirectories(Path.of(System.getProperty("print.dir", "target/print-pages")));
        Files.write(folder.resolve(name + ".pdf"), bytes);
        PDDocument pdf = Loader.loadPDF(bytes);
        PDFRenderer renderer = new PDFRenderer(pdf);
        for (int i = 0; i < pdf.getNumberOfPages(); i++) {
            ImageIO.write(renderer.renderImageWithDPI(i, 72), "png", folder.resolve(name + "-" + (i + 1) + ".png").toFile());
        }
        return pdf;
    }

    /** The share of pixels that are nearly white. */
    private static double lightShare(BufferedImage image) {
        long light = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int lowest = Math.min((rgb >> 16) & 0xff, Math.min((rgb >> 8) & 0xff, rgb & 0xff));
                light += lowest > 200 ? 1 : 0;
            }
        }
        return (double) light / ((long) image.getWidth() * image.getHeight());
    }

    /** The raster images drawn with these resources, in forms too. */
    private static int images(PDResources resources) throws IOException {
        int count = 0;
        for (COSName name : resources.getXObjectNames()) {
            PDXObject object = resources.getXObject(name);
            if (object instanceof PDImageXObject) {
                count++;
            } else if (object instanceof PDFormXObject form && form.getResources() != null) {
                count += images(form.getResources());
            }
        }
        return count;
    }
}
