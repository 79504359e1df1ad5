package dev.softmaxexplorer.site;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Build step of the site module: turns the hand-written page (index.html, style.css) and web's
 * compiled app.js into the four deliverables, with the words of the page's string tables
 * ({@link StringTables}) written in and inlined.
 * <ul>
 * <li>the folder {@code site/}: index.html gains a Content-Security-Policy that allows only its own
 *     script and stylesheet files, no inline script and no network at all (and a worker made from
 *     the page's own script, see {@link #WRAPPER}); the string tables other
 *     than English are files beside it, loaded when their language is shown;</li>
 * <li>{@code softmax-explorer.html}: one self-contained file with the stylesheet and the script
 *     inlined, each allowed by its SHA-256 hash, so it works by double-click and inside
 *     {@code <iframe sandbox="allow-scripts">}, where no other local file may load;</li>
 * <li>{@code softmax-explorer.zip}: the folder, with fixed timestamps and order so that two
 *     builds of the same commit give the same bytes;</li>
 * <li>{@code softmax-explorer-scorm.zip}: the single file as a SCORM 1.2 package ({@link ScormPackage}).</li>
 * </ul>
 */
public final class Assembler {
    private static final String STYLESHEET_TAG = "<link rel=\"stylesheet\" href=\"style.css\">";
    /**
     * In the head, deferred: the file loads while the page is parsed and runs once it is, while the
     * browser paints the first screen the build wrote in ({@link FirstScreenPage}).
     */
    private static final String SCRIPT_TAG = "<script src=\"app.js\" defer></script>";
    /**
     * Run once the document is parsed (the script is deferred, or inlined at the end of the body),
     * in a task of its own: evaluating the script is one long task already, and the page's start
     * need not lengthen it (a tap between the two is handled in time).
     */
    private static final String START = "\nsetTimeout(function () { main([]); });\n";
    /**
     * The name of the function the build wraps the script in: its text is the sampler chain's
     * worker ({@code ChainThread}), so neither the folder nor the single file needs another file.
     * Parenthesized, so that the browser compiles it at once rather than parsing it twice.
     */
    static final String WRAPPER = "softmaxExplorerScript";
    /** Blob URLs, for the chain's worker only: a worker's script is a blob made from {@link #WRAPPER}. */
    static final String WORKERS = "worker-src blob:";
    private static final String BODY_END = "</body>";
    /** Before the first paint: whether the build's first screen is the page to show ({@link FirstScreenPage#BOOT}). */
    private static final String BOOT_TAG = "<script>" + FirstScreenPage.BOOT + "</script>";
    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL);
    private static final String CHARSET_META = "<meta charset=\"utf-8\">";
    /** 1980-01-01, the earliest time a zip entry can hold: any fixed value makes the zip reproducible. */
    static final long ZIP_TIME = 315532800000L;

    private Assembler() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            throw new IllegalArgumentException(
                    "usage: Assembler <page sources> <script folder> <string tables folder> <output folder>");
        }
        Path sources = Path.of(args[0]);
        Path output = Path.of(args[3]);
        String source = Files.readString(sources.resolve("index.html"), StandardCharsets.UTF_8);
        String css = Files.readString(sources.resolve("style.css"), StandardCharsets.UTF_8);
        String js = wrapped(Files.readString(Path.of(args[1]).resolve("app.js"), StandardCharsets.UTF_8)) + START;
        require(source.contains(STYLESHEET_TAG) && source.contains(SCRIPT_TAG) && source.contains(CHARSET_META)
                && source.contains(BODY_END), "index.html must link style.css and app.js and declare its charset");
        StringTables tables = StringTables.load(Path.of(args[2]));
        String page = FirstScreenPage.render(source, tables.english()).replace(SCRIPT_TAG, BOOT_TAG + SCRIPT_TAG);
        String html = FirstScreenPage.withOtherLanguages(tables.apply(page, BODY_END, false), source, tables);

        Path site = Files.createDirectories(output.resolve("site"));
        Files.writeString(site.resolve("index.html"), withPolicy(html, folderPolicy(html)), StandardCharsets.UTF_8);
        Files.writeString(site.resolve("style.css"), css, StandardCharsets.UTF_8);
        Files.writeString(site.resolve("app.js"), js, StandardCharsets.UTF_8);
        for (Map.Entry<String, String> file : tables.files().entrySet()) {
            Files.writeString(site.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
        }

        String single = inline(FirstScreenPage.withOtherLanguages(tables.apply(page, BODY_END, true), source, tables),
                css, js);
        Files.writeString(output.resolve("softmax-explorer.html"), withPolicy(single, singleFilePolicy(single)),
                StandardCharsets.UTF_8);
        zip(site, output.resolve("softmax-explorer.zip"));
        ScormPackage.write(output.resolve(ScormPackage.SCO), output.resolve("softmax-explorer-scorm.zip"));
    }

    /** TeaVM's script inside the function named {@link #WRAPPER}, which it then calls. */
    static String wrapped(String script) {
        return "var " + WRAPPER + " = (function " + WRAPPER + "() {\n" + script + "\n});\n" + WRAPPER + "();";
    }

    static String inline(String html, String css, String js) {
        require(!css.contains("</style"), "style.css must not contain </style");
        require(!js.contains("</script"), "app.js must not contain </script");
        // An inline script cannot be deferred: at the end of the body it runs after the page is parsed.
        return html.replace(STYLESHEET_TAG, "<style>" + css + "</style>").replace(SCRIPT_TAG, "")
                .replace(BODY_END, "<script>" + js + "</script>\n" + BODY_END);
    }

    /**
     * Files of the folder by name and the boot and swap scripts by hash; nothing else inline,
     * nothing from the network.
     */
    static String folderPolicy(String html) {
        Matcher inline = INLINE_SCRIPT.matcher(html);
        require(inline.find() && inline.group(1).equals(FirstScreenPage.BOOT) && inline.find()
                && inline.group(1).equals(FirstScreenPage.SWAP) && !inline.find(),
                "the folder's index.html must have no inline script but the boot and swap scripts");
        return "default-src 'none'; script-src 'self' 'sha256-" + sha256(FirstScreenPage.BOOT) + "' 'sha256-"
                + sha256(FirstScreenPage.SWAP) + "'; " + WORKERS + "; style-src 'self'; img-src data:; base-uri 'none'; form-action 'none'";
    }

    /** Only the inline blocks, by hash: no file, no connection, no frame, no form. */
    static String singleFilePolicy(String html) {
        return "default-src 'none'; script-src " + hashes(INLINE_SCRIPT, html) + "; " + WORKERS + "; style-src "
                + hashes(Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL), html)
                + "; img-src data:; base-uri 'none'; form-action 'none'";
    }

    static String withPolicy(String html, String policy) {
        return html.replace(CHARSET_META, CHARSET_META + "\n<meta http-equiv=\"Content-Security-Policy\" content=\""
                + policy + "\">");
    }

    private static String hashes(Pattern block, String html) {
        List<String> sources = new ArrayList<>();
        Matcher m = block.matcher(html);
        while (m.find()) {
            sources.add("'sha256-" + sha256(m.group(1)) + "'");
        }
        require(!sources.isEmpty(), "no inline block found for " + block.pattern());
        return String.join(" ", sources);
    }

    static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static void zip(Path folder, Path target) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        try (OutputStream out = Files.newOutputStream(target); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Path file : files) {
                ZipEntry entry = new ZipEntry("softmax-explorer/" + folder.relativize(file).toString().replace('\\', '/'));
                entry.setTime(ZIP_TIME);
                zip.putNextEntry(entry);
                zip.write(Files.readAllBytes(file));
                zip.closeEntry();
            }
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }
}
