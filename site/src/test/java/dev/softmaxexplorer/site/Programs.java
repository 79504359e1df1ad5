package dev.softmaxexplorer.site;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/** The programs the engine smoke suite starts: found on the PATH, watched for the line that says they are ready. */
final class Programs {
    private Programs() {
    }

    /** The program's path, or a failure saying which Debian package provides it (.ci/run installs them all). */
    static String onPath(String program, String debianPackage) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            File candidate = new File(dir, program);
            if (candidate.canExecute()) {
                return candidate.getAbsolutePath();
            }
        }
        throw new IllegalStateException(program + " is not on the PATH; on Debian: apt-get install " + debianPackage
                + " (.ci/run does this)");
    }

    /**
     * Reads the process's output until {@code ready} finds what it waits for in a line, and keeps
     * draining the output afterwards so that the process never blocks on a full pipe.
     */
    static <T> T awaitLine(Process process, String what, Duration timeout, Function<String, T> ready) {
        CompletableFuture<T> found = new CompletableFuture<>();
        Thread reader = new Thread(() -> drain(process.getInputStream(), ready, found), what + " output");
        reader.setDaemon(true);
        reader.start();
        try {
            return found.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            process.destroyForcibly();
            throw new IllegalStateException(what + " did not start within " + timeout.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException("interrupted while starting " + what, e);
        }
    }

    /** Stops a process and waits for its end. */
    static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static <T> void drain(InputStream output, Function<String, T> ready, CompletableFuture<T> found) {
        StringBuilder seen = new StringBuilder();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!found.isDone()) {
                    seen.append(line).append('\n');
                    T value = ready.apply(line);
                    if (value != null) {
                        found.complete(value);
                    }
                }
            }
        } catch (IOException e) {
            found.completeExceptionally(e);
        }
        found.completeExceptionally(new IllegalStateException("the process ended; its output:\n" + seen));
    }
}
