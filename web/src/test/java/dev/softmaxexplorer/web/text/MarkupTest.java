package dev.softmaxexplorer.web.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MarkupTest {
    @Test
    void allowedTagsNestAndEverythingElseIsText() {
        assertEquals("[e][+sup][x][+sub][2][-sub][-sup][ <b>bold</b> <script>]",
                events("e<sup>x<sub>2</sub></sup> <b>bold</b> <script>"));
    }

    @Test
    void aLoneAngleBracketIsText() {
        assertEquals("[T < 1 and T > 0]", events("T < 1 and T > 0"));
    }

    private static String events(String template) {
        StringBuilder out = new StringBuilder();
        Markup.parse(template, new Markup.Sink() {
            @Override
            public void text(String text) {
                out.append('[').append(text).append(']');
            }

            @Override
            public void open(String tag) {
                out.append("[+").append(tag).append(']');
            }

            @Override
            public void close(String tag) {
                out.append("[-").append(tag).append(']');
            }
        });
        return out.toString();
    }
}
