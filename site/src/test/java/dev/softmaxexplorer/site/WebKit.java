package dev.softmaxexplorer.site;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.MutableCapabilities;
import org.openqa.selenium.remote.RemoteWebDriver;

/**
 * WebKit, Safari's engine, as Debian ships it: WebKitGTK's MiniBrowser driven by
 * {@code WebKitWebDriver} (package webkit2gtk-driver), a W3C WebDriver server, through Selenium's
 * RemoteWebDriver. MiniBrowser has no headless mode, so each session gets its own X server
 * (Xvfb, package xvfb) on a display number Xvfb chooses itself.
 */
final class WebKit {
    private static final Duration START = Duration.ofSeconds(60);

    private WebKit() {
    }

    static EnginePage start() {
        Process display = null;
        Process server = null;
        try {
            display = new ProcessBuilder(Programs.onPath("Xvfb", "xvfb"), "-displayfd", "1", "-screen", "0",
                    "1280x1024x24", "-nolisten", "tcp").redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String number = Programs.awaitLine(display, "Xvfb", START, line -> line.matches("\\d+") ? line : null);
            int port = freePort();
            Path log = Files.createTempFile("softmax-explorer-webkit", ".log");
            ProcessBuilder builder = new ProcessBuilder(Programs.onPath("WebKitWebDriver", "webkit2gtk-driver"),
                    "--port=" + port).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("DISPLAY", ":" + number);
            server = builder.start();
            awaitListening(server, port, log);
            RemoteWebDriver driver = new RemoteWebDriver(new URL("http://127.0.0.1:" + port), new MutableCapabilities());
            driver.manage().window().setSize(new Dimension(1280, 900));
            driver.manage().timeouts().scriptTimeout(Duration.ofMinutes(1));
            Process serverToStop = server;
            Process displayToStop = display;
            return new SeleniumPage(driver, SeleniumPage.HOOK, () -> {
                try {
                    driver.quit();
                } finally {
                    Programs.stop(serverToStop);
                    Programs.stop(displayToStop);
                    Files.deleteIfExists(log);
                }
            });
        } catch (IOException | RuntimeException e) {
            if (server != null) {
                Programs.stop(server);
            }
            if (display != null) {
                Programs.stop(display);
            }
            throw new IllegalStateException("cannot start WebKit (Xvfb, WebKitWebDriver, MiniBrowser): " + e.getMessage(), e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Waits until the driver accepts connections; it prints nothing when it is ready. */
    private static void awaitListening(Process server, int port, Path log) throws IOException {
        Instant deadline = Instant.now().plus(START);
        while (true) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                return;
            } catch (IOException notYet) {
                if (!server.isAlive() || Instant.now().isAfter(deadline)) {
                    throw new IOException("WebKitWebDriver is not listening on port " + port + "; its output: "
                            + Files.readString(log), notYet);
                }
                try {
                    server.waitFor(50, java.util.concurrent.TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                }
            }
        }
    }
}
