package dev.softmaxexplorer.core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the flat JSON fixtures of FIXTURES.md (a list of objects whose values are numbers,
 * number words or lists of numbers) without a JSON library; numbers are parsed by the JVM's
 * correctly rounded {@link Double#parseDouble}.
 */
final class Fixtures {

    private static final Pattern OBJECT = Pattern.compile("\\{([^{}]*)\\}");
    private static final Pattern MEMBER =
            Pattern.compile("\"(\\w+)\"\\s*:\\s*(\\[[^\\]]*\\]|\"[^\"]*\"|[^,\\s]+)");

    private Fixtures() {
    }

    /** Every object of the resource, member name to raw text ("[...]" for lists, quotes dropped). */
    static List<Map<String, String>> objects(String resource) {
        List<Map<String, String>> rows = new ArrayList<>();
        Matcher object = OBJECT.matcher(read(resource));
        while (object.find()) {
            Map<String, String> row = new LinkedHashMap<>();
            Matcher member = MEMBER.matcher(object.group(1));
            while (member.find()) {
                row.put(member.group(1), member.group(2).replace("\"", ""));
            }
            rows.add(row);
        }
        return rows;
    }

    static double number(String text) {
        return Double.parseDouble(text.trim());
    }

    static double[] numbers(String list) {
        String inner = list.substring(1, list.length() - 1).trim();
        if (inner.isEmpty()) {
            return new double[0];
        }
        String[] parts = inner.split(",");
        double[] values = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            values[i] = number(parts[i]);
        }
        return values;
    }

    private static String read(String resource) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
