package dev.softmaxexplorer.site;

import java.io.File;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.Keys;
import org.openqa.selenium.json.Json;

/**
 * Debian's Firefox ESR, headless, driven over WebDriver BiDi, which Firefox implements itself:
 * Debian has no geckodriver. Firefox starts with a fresh profile and
 * {@code --remote-debugging-port=0}, prints the WebSocket address it listens on, and this class
 * speaks BiDi's JSON commands to it with the JDK's WebSocket client. Console errors and uncaught
 * exceptions arrive as {@code log.entryAdded} events, subscribed before the first page loads.
 */
final class Firefox implements EnginePage {
    private static final Duration START = Duration.ofSeconds(60);
    private static final Duration COMMAND = Duration.ofSeconds(60);
    private static final Pattern LISTENING = Pattern.compile("WebDriver BiDi listening on (ws://\\S+)");
    private static final Json JSON = new Json();

    /** A DOM node handed back by a script, usable as a script argument or an input action's origin. */
    record Node(String sharedId) {
    }

    private final Process process;
    private final Path profile;
    private final Map<Long, CompletableFuture<Map<String, Object>>> pending = new ConcurrentHashMap<>();
    private final List<String> errors = Collections.synchronizedList(new ArrayList<>());
    private WebSocket socket;
    private long lastId;
    private String context;

    private Firefox(Process process, Path profile) {
        this.process = process;
        this.profile = profile;
    }

    static Firefox start() {
        Path profile = null;
        Process process = null;
        try {
            profile = Files.createTempDirectory("softmax-explorer-firefox");
            process = new ProcessBuilder(Programs.onPath("firefox-esr", "firefox-esr"), "--headless", "--no-remote",
                    "--profile", profile.toString(), "--remote-debugging-port=0", "about:blank")
                    .redirectErrorStream(true).start();
            String address = Programs.awaitLine(process, "Firefox", START, line -> {
                Matcher m = LISTENING.matcher(line);
                return m.find() ? m.group(1) : null;
            });
            Firefox firefox = new Firefox(process, profile);
            firefox.connect(URI.create(address + "/session"));
            return firefox;
        } catch (IOException | RuntimeException e) {
            if (process != null) {
                Programs.stop(process);
            }
            delete(profile);
            throw new IllegalStateException("cannot start Firefox over WebDriver BiDi: " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private void connect(URI address) {
        socket = await(HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(address, new Listener()), "connect");
        command("session.new", Map.of("capabilities", Map.of()));
        List<Map<String, Object>> contexts = (List<Map<String, Object>>) command("browsingContext.getTree", Map.of())
                .get("contexts");
        context = (String) contexts.get(0).get("context");
        command("session.subscribe", Map.of("events", List.of("log.entryAdded")));
        command("browsingContext.setViewport", Map.of("context", context, "viewport",
                Map.of("width", 1280, "height", 900)));
    }

    @Override
    public void open(String url) {
        command("browsingContext.navigate", Map.of("context", context, "url", url, "wait", "complete"));
    }

    @Override
    public Object script(String code, Object... args) {
        List<Object> arguments = new ArrayList<>();
        for (Object arg : args) {
            arguments.add(local(arg));
        }
        Map<String, Object> outcome = command("script.callFunction", Map.of(
                "functionDeclaration", "function () {\n" + code + "\n}",
                "arguments", arguments,
                "target", Map.of("context", context),
                "awaitPromise", false));
        if ("exception".equals(outcome.get("type"))) {
            throw new IllegalStateException("script failed in Firefox: " + JSON.toJson(outcome.get("exceptionDetails")));
        }
        return remote(outcome.get("result"));
    }

    @Override
    public void click(String id) {
        Node node = (Node) script("var e = document.getElementById(arguments[0]);"
                + " e.scrollIntoView({block: 'center', inline: 'center'}); return e;", id);
        perform(Map.of("type", "pointer", "id", "mouse", "parameters", Map.of("pointerType", "mouse"), "actions", List.of(
                Map.of("type", "pointerMove", "x", 0, "y", 0, "origin", Map.of("type", "element", "element",
                        Map.of("sharedId", node.sharedId()))),
                Map.of("type", "pointerDown", "button", 0),
                Map.of("type", "pointerUp", "button", 0))));
    }

    @Override
    public void drag(String id, int dy) {
        Node node = (Node) script("var e = document.getElementById(arguments[0]);"
                + " e.scrollIntoView({block: 'center', inline: 'center'}); return e;", id);
        List<Map<String, Object>> actions = new ArrayList<>();
        actions.add(Map.of("type", "pointerMove", "x", 0, "y", 0, "origin", Map.of("type", "element", "element",
                Map.of("sharedId", node.sharedId()))));
        actions.add(Map.of("type", "pointerDown", "button", 0));
        for (int step = 1; step <= 10; step++) {
            actions.add(Map.of("type", "pointerMove", "x", 0, "y", dy * step / 10 - dy * (step - 1) / 10,
                    "duration", 16, "origin", "pointer"));
        }
        actions.add(Map.of("type", "pointerUp", "button", 0));
        perform(Map.of("type", "pointer", "id", "mouse", "parameters", Map.of("pointerType", "mouse"), "actions", actions));
    }

    @Override
    public void type(String id, String text) {
        click(id);
        List<Map<String, Object>> keys = new ArrayList<>();
        keys.add(key("keyDown", Keys.CONTROL.toString()));
        keys.addAll(stroke("a"));
        keys.add(key("keyUp", Keys.CONTROL.toString()));
        text.codePoints().forEach(c -> keys.addAll(stroke(Character.toString(c))));
        perform(Map.of("type", "key", "id", "keyboard", "actions", keys));
    }

    @Override
    public void press(String id, CharSequence... keys) {
        script("document.getElementById(arguments[0]).focus();", id);
        List<Map<String, Object>> actions = new ArrayList<>();
        for (CharSequence k : keys) {
            actions.addAll(stroke(k.toString()));
        }
        perform(Map.of("type", "key", "id", "keyboard", "actions", actions));
    }

    @Override
    public List<String> consoleErrors() {
        synchronized (errors) {
            List<String> seen = List.copyOf(errors);
            errors.clear();
            return seen;
        }
    }

    @Override
    public void close() {
        try {
            // Firefox may end before it answers browser.close: its exit is what counts.
            send("browser.close", Map.of());
            process.waitFor(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            Programs.stop(process);
            delete(profile);
        }
    }

    private void perform(Map<String, Object> source) {
        command("input.performActions", Map.of("context", context, "actions", List.of(source)));
        command("input.releaseActions", Map.of("context", context));
    }

    private static List<Map<String, Object>> stroke(String value) {
        return List.of(key("keyDown", value), key("keyUp", value));
    }

    private static Map<String, Object> key(String type, String value) {
        return Map.of("type", type, "value", value);
    }

    /** Sends a command and waits for its result; a BiDi error becomes an exception naming the command. */
    private Map<String, Object> command(String method, Map<String, Object> params) {
        return await(send(method, params), method);
    }

    private synchronized CompletableFuture<Map<String, Object>> send(String method, Map<String, Object> params) {
        long id = ++lastId;
        CompletableFuture<Map<String, Object>> answer = new CompletableFuture<>();
        pending.put(id, answer);
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("id", id);
        message.put("method", method);
        message.put("params", params);
        socket.sendText(JSON.toJson(message), true).join();
        return answer;
    }

    private static <T> T await(CompletableFuture<T> future, String what) {
        try {
            return future.get(COMMAND.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Firefox BiDi " + what + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during Firefox BiDi " + what, e);
        }
    }

    /** Receives BiDi messages: answers complete their command, log entries at level error are kept. */
    private final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                received(JSON.toType(text.toString(), Json.MAP_TYPE));
                text.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            pending.values().forEach(answer -> answer.completeExceptionally(error));
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            pending.values().forEach(answer -> answer.completeExceptionally(
                    new IllegalStateException("the BiDi connection closed: " + statusCode + " " + reason)));
            return null;
        }

        @SuppressWarnings("unchecked")
        private void received(Map<String, Object> message) {
            if (message.get("id") instanceof Number id) {
                CompletableFuture<Map<String, Object>> answer = pending.remove(id.longValue());
                if (answer == null) {
                    return;
                }
                if ("success".equals(message.get("type"))) {
                    answer.complete((Map<String, Object>) message.get("result"));
                } else {
                    answer.completeExceptionally(new IllegalStateException(message.get("error") + ": "
                            + message.get("message")));
                }
            } else if ("log.entryAdded".equals(message.get("method"))) {
                Map<String, Object> entry = (Map<String, Object>) message.get("params");
                if ("error".equals(entry.get("level"))) {
                    errors.add(entry.get("type") + ": " + entry.get("text"));
                }
            }
        }
    }

    /** A Java value as a BiDi LocalValue. */
    private static Object local(Object value) {
        if (value == null) {
            return Map.of("type", "null");
        }
        if (value instanceof String s) {
            return Map.of("type", "string", "value", s);
        }
        if (value instanceof Boolean b) {
            return Map.of("type", "boolean", "value", b);
        }
        if (value instanceof Number n) {
            double d = n.doubleValue();
            Object number = Double.isNaN(d) ? "NaN" : Double.isInfinite(d) ? (d > 0 ? "Infinity" : "-Infinity") : n;
            return Map.of("type", "number", "value", number);
        }
        if (value instanceof List<?> list) {
            return Map.of("type", "array", "value", list.stream().map(Firefox::local).toList());
        }
        if (value instanceof Node node) {
            return Map.of("sharedId", node.sharedId());
        }
        throw new IllegalArgumentException("no BiDi form for a script argument of " + value.getClass());
    }

    /** A BiDi RemoteValue as the Java value Selenium's executeScript would give. */
    @SuppressWarnings("unchecked")
    private static Object remote(Object remoteValue) {
        Map<String, Object> v = (Map<String, Object>) remoteValue;
        Object value = v.get("value");
        switch ((String) v.get("type")) {
            case "undefined", "null" -> {
                return null;
            }
            case "string", "boolean" -> {
                return value;
            }
            case "number" -> {
                if (value instanceof String special) {
                    return special.equals("-0") ? -0.0 : Double.valueOf(special);
                }
                return value;
            }
            case "bigint" -> {
                return new BigInteger((String) value);
            }
            case "array" -> {
                return ((List<Object>) value).stream().map(Firefox::remote).toList();
            }
            case "object" -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (List<Object> pair : (List<List<Object>>) value) {
                    map.put((String) pair.get(0), remote(pair.get(1)));
                }
                return map;
            }
            case "node" -> {
                return new Node((String) v.get("sharedId"));
            }
            default -> throw new IllegalArgumentException("no Java form for the script result " + JSON.toJson(v));
        }
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            throw new IllegalStateException("cannot delete the Firefox profile " + dir, e);
        }
    }
}
