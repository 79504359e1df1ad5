package dev.softmaxexplorer.web.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SplitTest {
    @Test
    void keepsEveryPartAsSplitWithALimitOfMinusOneDoes() {
        assertArrayEquals(new String[] {"a", "b", "c"}, Split.at("a,b,c", ','));
        assertArrayEquals(new String[] {""}, Split.at("", ','));
        assertArrayEquals(new String[] {"", ""}, Split.at(",", ','));
        assertArrayEquals(new String[] {"50257", ""}, Split.at("50257,", ','));
        assertArrayEquals(new String[] {"", "x", "", "y", ""}, Split.at("\nx\n\ny\n", '\n'));
    }

    @Test
    void agreesWithTheJdkOnSeededTexts() {
        SplittableRandom random = new SplittableRandom(17);
        String alphabet = "ab, \n";
        for (int n = 0; n < 2000; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(12);
            for (int i = 0; i < length; i++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            for (char separator : new char[] {',', '\n', ' '}) {
                String s = text.toString();
                assertArrayEquals(s.split(java.util.regex.Pattern.quote(String.valueOf(separator)), -1),
                        Split.at(s, separator), () -> "text " + s.replace("\n", "\\n") + ", separator " + (int) separator);
            }
        }
    }
}
