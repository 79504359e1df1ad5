package dev.softmaxexplorer.web.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.softmaxexplorer.core.Pipeline.Mode;
import dev.softmaxexplorer.core.Precision;
import dev.softmaxexplorer.web.text.Messages;
import dev.softmaxexplorer.web.text.Tables;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HashCodecTest {
    private static final Messages WORDS = Tables.english();

    /** The notices as the English page words them. */
    private static List<String> sentences(List<Message> notices) {
        return notices.stream().map(WORDS::sentence).toList();
    }


    private static final double[] SPECIAL = {
        0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, 2.2250738585072009e-308,
        Double.MAX_VALUE, -Double.MAX_VALUE, 1e308, -1e308, 1e-300, 0.1, 1.0 / 3, 1000, 999, 998, 709.782712893384,
        11.09, 9007199254740993.0, 1e21, 123456789012345680000.0, 4.35, 2.227363561795744E-39,
    };

    private static final String[] NAMES = {
        "cat", "dog", "bird", "a,b", "x&y=z", "100%", "#1", "🐈 猫", "é", "<img src=x onerror=alert(1)>",
        "Class 1", "Class 7", "a+b", "  sp ace ".trim(), "~._-", "\"quoted\"", "ü".repeat(40),
    };

    @Test
    void defaultsAreTheEmptyHash() {
        assertEquals("", HashCodec.encode(State.defaults()));
        for (String h : new String[] {"", "#", null, "&&&", "#&"}) {
            HashCodec.Decoded d = HashCodec.decode(h);
            assertEquals(State.defaults(), d.state());
            assertEquals(List.of(), sentences(d.notices()));
        }
    }

    @Test
    void writesOnlyWhatDiffersFromTheDefaults() {
        assertEquals("z=4.5,-1.2,0.8&names=cat,dog,bird", HashCodec.encode(Preset.CAT_DOG_BIRD.state()));
        assertEquals("z=1000,999,998", HashCodec.encode(Preset.OVERFLOW.state()));
        assertEquals("k=2&z=1,0", HashCodec.encode(Preset.TWO_CLASSES.state()));
        assertEquals("k=4", HashCodec.encode(State.defaults().with(Fields.CLASS_COUNT, 4)));
        assertEquals("names=,dog,", HashCodec.encode(State.defaults().with(Fields.NAMES, 1, "dog")));
        assertEquals("z=2,1,-0&t=0.5&mode=naive&prec=float16",
                HashCodec.encode(State.defaults().with(Fields.LOGITS, 2, -0.0).with(Fields.TEMPERATURE, 0.5).with(Fields.MODE, Mode.NAIVE)
                        .with(Fields.PRECISION, Precision.FLOAT16)));
        State all = State.defaults().with(Fields.STRESS, true).with(Fields.CLASS_COUNT, 11).with(Fields.TARGET, 10).with(Fields.LABEL_SMOOTHING, 0.1)
                .with(Fields.TEACHER_LOGITS, 0, 5.0).with(Fields.SAMPLING_SEED, 7).with(Fields.SAMPLE_COUNT, 10).with(Fields.TOP_K, 2).with(Fields.TOP_P, 0.9)
                .with(Fields.LEARNING_RATE, 0.5).with(Fields.EMBED, true).with(Fields.VIEWS, EnumSet.of(View.SWEEP, View.BARS)).with(Fields.COLOR_SCHEME, ColorScheme.PROJECTOR).with(Fields.NAMES, 0, "a,b");
        assertEquals("stress=1&k=11&names=a%2Cb,,,,,,,,,,&c=10&eps=0.1&tz=5,2,0,-2,-4,-6,-8,-10,-12,-14,-16&seed=7"
                + "&n=10&topk=2&topp=0.9&lr=0.5&embed=1&views=bars,sweep&scheme=projector", HashCodec.encode(all));
        assertEquals("State#k=4", State.defaults().with(Fields.CLASS_COUNT, 4).toString());
    }

    @Test
    void presetsRoundTrip() {
        for (Preset p : Preset.values()) {
            assertRoundTrip(p.state());
            assertRoundTrip(p.state().with(Fields.MODE, Mode.NAIVE).with(Fields.PRECISION, Precision.BFLOAT16));
        }
    }

    @Test
    void randomValidStatesRoundTripBitExactly() {
        Random random = new Random(20260124);
        for (int n = 0; n < 3000; n++) {
            assertRoundTrip(randomState(random));
        }
    }

    @Test
    void anyFiniteLogitsRoundTrip() {
        double[] x = SeededInputs.finiteDoubles(13, 3 * SeededInputs.CASES);
        for (int i = 0; i + 2 < x.length; i += 3) {
            // Each special value meets the others in all three places.
            double a = x[i];
            double b = x[(i + 1 + 25 * 3) % x.length];
            double c = x[(i + 2 + 50 * 3) % x.length];
            assertRoundTrip(State.defaults().with(Fields.LOGITS, new double[] {a, b, c})
                    .with(Fields.TEACHER_LOGITS, new double[] {c, b, a}));
        }
    }

    @Test
    void stressStateWithAThousandClassesRoundTrips() {
        Random random = new Random(5);
        State s = State.defaults().with(Fields.STRESS, true).with(Fields.CLASS_COUNT, 1000);
        double[] z = new double[1000];
        double[] tz = new double[1000];
        for (int i = 0; i < z.length; i++) {
            z[i] = randomDouble(random);
            tz[i] = randomDouble(random);
        }
        s = s.with(Fields.LOGITS, z).with(Fields.TEACHER_LOGITS, tz).with(Fields.TARGET, 999).with(Fields.TOP_K, 1000);
        assertTrue(HashCodec.encode(s).length() < HashCodec.MAX_HASH_LENGTH);
        assertRoundTrip(s);
    }

    @Test
    void decodingAcceptsAnyOrderCaseAndALeadingHash() {
        HashCodec.Decoded d = HashCodec.decode("#c=3&Z=1,2,3,4&MODE=Naive&stress=0&t=2");
        assertEquals(List.of(), sentences(d.notices()));
        assertEquals(4, d.state().classCount());
        assertEquals(3, d.state().get(Fields.TARGET));
        assertEquals(Mode.NAIVE, d.state().get(Fields.MODE));
        assertEquals(2.0, d.state().get(Fields.TEMPERATURE));
        assertEquals(d.state(), HashCodec.decode("t=2&stress=0&mode=naive&z=1,2,3,4&c=3").state());
    }

    @Test
    void bareFlagsMeanOn() {
        State s = HashCodec.decode("embed&stress&k=50").state();
        assertTrue(s.get(Fields.EMBED));
        assertTrue(s.get(Fields.STRESS));
        assertEquals(50, s.classCount());
        assertFalse(HashCodec.decode("embed=0").state().get(Fields.EMBED));
    }

    @Test
    void viewsAreReadInAnyOrderAndCaseAndWrittenInThePagesOrder() {
        State s = HashCodec.decode("embed&views=Sweep, bars,sweep").state();
        assertEquals(EnumSet.of(View.BARS, View.SWEEP), s.get(Fields.VIEWS));
        assertTrue(s.shows(View.SWEEP));
        assertFalse(s.shows(View.INPUTS));
        assertTrue(s.with(Fields.EMBED, false).shows(View.INPUTS), "the full page shows every view");
        assertEquals("embed=1&views=bars,sweep", HashCodec.encode(s));
        assertEquals("embed=1", HashCodec.encode(s.with(Fields.VIEWS, View.KEPT_BY_DEFAULT)));
        assertRoundTrip(s.with(Fields.VIEWS, EnumSet.allOf(View.class)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "t=abc|Ignored 't=abc' in the link: the temperature T must be a number greater than 0; 'abc' is not a number.",
        "t=-1|Ignored 't=-1' in the link: the temperature T must be a number greater than 0; '-1' is outside that range.",
        "t=NaN|Ignored 't=NaN' in the link: the temperature T must be a number greater than 0; 'NaN' is not a finite number.",
        "t=1e999|Ignored 't=1e999' in the link: the temperature T must be a number greater than 0; '1e999' is too large.",
        "t|Ignored 't' in the link: the temperature T must be a number greater than 0; the text is empty.",
        "t=|Ignored 't=' in the link: the temperature T must be a number greater than 0; the text is empty.",
        "k=1000000000|Ignored 'k=1000000000' in the link: the number of classes K must be a whole number from 2 to 10;"
            + " '1000000000' is outside that range.",
        "k=-3|Ignored 'k=-3' in the link: the number of classes K must be a whole number from 2 to 10; '-3' is outside"
            + " that range.",
        "k=1000|Ignored 'k=1000' in the link: the number of classes K must be a whole number from 2 to 10; '1000' is"
            + " outside that range.",
        "eps=2|Ignored 'eps=2' in the link: the label smoothing \u03b5 must be a number from 0 to 1; '2' is outside that"
            + " range.",
        "c=3|Ignored 'c=3' in the link: the true class c must be a whole number from 0 to 2 (0 is the first class); '3'"
            + " is outside that range.",
        "mode=fast|Ignored 'mode=fast' in the link: the softmax form must be naive or stable; 'fast' is not one of them.",
        "prec=float8|Ignored 'prec=float8' in the link: the precision must be float64, float32, float16 or bfloat16;"
            + " 'float8' is not one of them.",
        "embed=yes|Ignored 'embed=yes' in the link: embed must be 1 (on) or 0 (off); 'yes' is neither.",
        "views=bars,chart|Ignored 'views=bars,chart' in the link: the views must be among lessons, inputs, bars, multiples, steps,"
            + " workbench, loss, smoothing, gradient, twoclass, sweep, sampling, chain, distillation, sparse, attention, calibration, code, quiz; 'chart' is not one of them.",
        "views=,|Ignored 'views=,' in the link: the views must name at least one of lessons, inputs, bars, multiples, steps, workbench, loss,"
            + " smoothing, gradient, twoclass, sweep, sampling, chain, distillation, sparse, attention, calibration, code, quiz.",
        "minp=1.5|Ignored 'minp=1.5' in the link: min-p must be a number from 0 to 1; '1.5' is outside that range.",
        "typical=0|Ignored 'typical=0' in the link: the typical-p mass must be a number greater than 0 and at most 1; '0'"
            + " is outside that range.",
        "chain=temp,foo|Ignored 'chain=temp,foo' in the link: the chain's steps must be among temp, topk, topp, minp,"
            + " typical; 'foo' is not one of them.",
        "chain=minp,minp|Ignored 'chain=minp,minp' in the link: the chain names the step minp twice.",
        "chain=-temp,-topk,-topp,-minp,-typical|Ignored 'chain=-temp,-topk,-topp,\u2026' in the link: the chain"
            + " needs at least one step turned on.",
        "t=%zz|Ignored 't=%zz' in the link: the value of 't' has a '%' that is not followed by two hex digits.",
        "x=1|Ignored 'x=1' in the link: the page has no such setting.",
        "<script>alert(1)</script>|Ignored '<script>alert(1)</script\u2026' in the link: the page has no such setting.",
        "%FF=1|Ignored '%FF=1' in the link: the page has no such setting.",
        "t=2&t=3|Ignored 't=3' in the link: 't' was given before.",
        "z=2,abc,0|Ignored 'abc' in 'z' in the link: the logit z2 must be a finite number; 'abc' is not a number.",
        "names=a%0Ab,,|Ignored 'a\uFFFDb' in 'names' in the link: the name of class 1 must not contain control characters,"
            + " line breaks or text-direction marks.",
        "names=%E2%80%AEevil,,|Ignored '\uFFFDevil' in 'names' in the link: the name of class 1 must not contain control"
            + " characters, line breaks or text-direction marks.",
        "names=%C3,,|Ignored '%C3' in 'names' in the link: the name of class 1 has %-escapes that are not valid UTF-8"
            + " text.",
    })
    void eachRejectionGivesANotice(String hash, String notice) {
        HashCodec.Decoded d = HashCodec.decode(hash);
        assertEquals(List.of(notice), sentences(d.notices()));
    }

    @Test
    void rejectedFieldsFallBackToTheirDefaultsOnly() {
        HashCodec.Decoded d = HashCodec.decode("t=abc&eps=0.2&mode=naive&k=zz&z=5,6");
        assertEquals(1.0, d.state().get(Fields.TEMPERATURE));
        assertEquals(0.2, d.state().get(Fields.LABEL_SMOOTHING));
        assertEquals(Mode.NAIVE, d.state().get(Fields.MODE));
        assertArrayEquals(new double[] {5, 6}, d.state().get(Fields.LOGITS));
        assertEquals(2, sentences(d.notices()).size());
    }

    @Test
    void listsKeepTheirPositions() {
        HashCodec.Decoded d = HashCodec.decode("z=9,abc,7,NaN");
        assertArrayEquals(new double[] {9, 1, 7, -1}, d.state().get(Fields.LOGITS));
        assertEquals(2, sentences(d.notices()).size());
        State names = HashCodec.decode("names=,,bird").state();
        assertEquals(List.of("Class 1", "Class 2", "bird"), names.get(Fields.NAMES));
    }

    @Test
    void listLengthsThatDoNotMatchKAreReported() {
        HashCodec.Decoded longer = HashCodec.decode("k=3&z=1,2,3,4,5");
        assertArrayEquals(new double[] {1, 2, 3}, longer.state().get(Fields.LOGITS));
        assertEquals(List.of("Ignored the last 2 of the 5 values of 'z' in the link: there are 3 classes."),
                sentences(longer.notices()));
        HashCodec.Decoded shorter = HashCodec.decode("k=4&tz=1");
        assertArrayEquals(new double[] {1, 2, 0, -2}, shorter.state().get(Fields.TEACHER_LOGITS));
        assertEquals(List.of("The link gives 1 values of 'tz' for 4 classes; the others keep their defaults."),
                sentences(shorter.notices()));
        HashCodec.Decoded tooMany = HashCodec.decode("z=" + "1,".repeat(20) + "1");
        assertEquals(3, tooMany.state().classCount());
        assertEquals(1, sentences(tooMany.notices()).size());
        HashCodec.Decoded names = HashCodec.decode("names=cat,dog,x,y");
        assertEquals(List.of("cat", "dog", "x"), names.state().get(Fields.NAMES));
        assertEquals(List.of("Ignored the last 1 of the 4 values of 'names' in the link: there are 3 classes."),
                sentences(names.notices()));
    }

    @Test
    void targetAndTopKAreReadAfterK() {
        State s = HashCodec.decode("topk=5&c=4&k=6").state();
        assertEquals(6, s.classCount());
        assertEquals(4, s.get(Fields.TARGET));
        assertEquals(5, s.get(Fields.TOP_K));
    }

    @Test
    void overlongHashesAreCutAtAPairBoundary() {
        String hash = "t=2&" + "x".repeat(HashCodec.MAX_HASH_LENGTH) + "&eps=0.1";
        HashCodec.Decoded d = HashCodec.decode(hash);
        assertEquals(2.0, d.state().get(Fields.TEMPERATURE));
        assertEquals(0.0, d.state().get(Fields.LABEL_SMOOTHING));
        assertEquals("The link is longer than 100000 characters; the settings after that point were ignored.",
                sentences(d.notices()).get(0));
        HashCodec.Decoded huge = HashCodec.decode("t=" + "1".repeat(5_000_000));
        assertEquals(State.defaults(), huge.state());
        assertEquals(1, sentences(huge.notices()).size());
    }

    @Test
    void noticesAreCapped() {
        HashCodec.Decoded d = HashCodec.decode("a&b&c&d&e&f&g&h&i&j&k2&l&m");
        assertEquals(HashCodec.MAX_NOTICES + 1, sentences(d.notices()).size());
        assertEquals("... and 3 more problems with the link.", sentences(d.notices()).get(HashCodec.MAX_NOTICES));
        HashCodec.Decoded items = HashCodec.decode("k=10&z=" + "x,".repeat(5000));
        assertEquals(HashCodec.MAX_NOTICES + 1, sentences(items.notices()).size());
        assertEquals("... and 1 more problems with the link.", sentences(items.notices()).get(HashCodec.MAX_NOTICES));
    }

    @Test
    void hostileHashesGiveAValidStateAndNotices() {
        String[] hostile = {
            "%", "%%%%", "%E", "=", "==", "=1", "&=&", "t==1", "k=3=4", "k", "z", "z=", "z=,,,", "names=,,,,,,,,,,,,",
            "k=1e9", "k=1000000000", "k=-1", "k=2147483648", "k=99999999999999999999999", "k=NaN", "t=0", "t=-0",
            "t=1e-400", "t=1e999", "t=Infinity", "z=NaN,NaN,NaN", "z=1e999,1,2", "z=Infinity,-Infinity",
            "<script>alert(1)</script>", "names=%3Cscript%3Ealert(1)%3C%2Fscript%3E", "names=" + "%F0%9F%90%88".repeat(50),
            "names=\uD800", "names=%ED%A0%80", "t=\u0000", "t=１", "t=٣", "k=３", "mode=NAÏVE", "prec=FLOAT\u0130",
            "stress=1&k=1001", "stress=1&k=1000&z=" + "1e308,".repeat(1000), "c=-1", "c=99", "topk=-1", "topp=0",
            "lr=-1", "seed=-5", "n=0", "n=1e5", "scheme=", "embed=2", "views=", "views=,,,", "views=%00", "\n\r\t", "#\u202E", "k=3&k=4&k=5",
            "z=1&z=2", "z=" + ",".repeat(20_000), "&".repeat(50_000), "t=" + "9".repeat(200),
            "z=0x1p3,1d,2f", "names=" + "x".repeat(41), "c=1&k=2&c=5",
        };
        for (String h : hostile) {
            assertDecodesToValidState(h);
        }
        assertFalse(sentences(HashCodec.decode("k=1000000000").notices()).isEmpty());
        assertEquals("<script>alert(1)</script>", HashCodec.decode("names=%3Cscript%3Ealert(1)%3C%2Fscript%3E")
                .state().name(0).substring(0, 25));
    }

    @Test
    void seededGarbageNeverBreaksDecoding() {
        Random random = new Random(7);
        String[] pieces = {
            "k", "z", "t", "c", "eps", "mode", "prec", "names", "tz", "seed", "n", "topk", "topp", "lr", "embed",
            "scheme", "stress", "views", "bars", "sweep", "=", "&", ",", "%", "%2", "%C3", "%A9", "%FF", "%00", "1", "-0", "1e999", "NaN",
            "Infinity", "1000", "-1", "0.5", "abc", "🐈", "\uD800", "\uDC00", "é", "<", ">", "\"", " ", "#", "+", ".",
            "e", "E", "\u0000", "\u202E", "99999999999", "naive", "float16", "dark", "2,1,0",
        };
        for (int n = 0; n < 600; n++) {
            StringBuilder h = new StringBuilder();
            int length = random.nextInt(40);
            for (int i = 0; i < length; i++) {
                if (random.nextInt(8) == 0) {
                    h.append((char) random.nextInt(0x10000));
                } else {
                    h.append(pieces[random.nextInt(pieces.length)]);
                }
            }
            assertDecodesToValidState(h.toString());
        }
    }

    @Test
    void anyTextDecodes() {
        for (String hash : SeededInputs.texts(15, SeededInputs.CASES)) {
            assertDecodesToValidState(hash);
        }
    }

    private static void assertDecodesToValidState(String hash) {
        HashCodec.Decoded d = HashCodec.decode(hash);
        assertNotNull(d.state(), hash);
        assertTrue(sentences(d.notices()).size() <= HashCodec.MAX_NOTICES + 1, hash);
        for (String notice : sentences(d.notices())) {
            assertTrue(notice.length() < 400, notice);
            assertTrue(notice.chars().noneMatch(c -> c < 0x20), notice);
        }
        assertRoundTrip(d.state());
    }

    private static void assertRoundTrip(State s) {
        String hash = HashCodec.encode(s);
        HashCodec.Decoded back = HashCodec.decode(hash);
        assertEquals(List.of(), sentences(back.notices()), hash);
        assertEquals(s, back.state(), hash);
        assertEquals(hash, HashCodec.encode(back.state()));
        assertEquals(s, HashCodec.decode("#" + hash).state());
    }

    private static State randomState(Random r) {
        State s = State.defaults();
        if (r.nextInt(10) == 0) {
            s = s.with(Fields.STRESS, true).with(Fields.CLASS_COUNT, 2 + r.nextInt(60));
        } else if (r.nextBoolean()) {
            s = s.with(Fields.CLASS_COUNT, 2 + r.nextInt(9));
        }
        int k = s.classCount();
        if (r.nextInt(4) != 0) {
            double[] z = new double[k];
            for (int i = 0; i < k; i++) {
                z[i] = randomDouble(r);
            }
            s = s.with(Fields.LOGITS, z);
        }
        if (r.nextBoolean()) {
            s = s.with(Fields.NAMES, r.nextInt(k), NAMES[r.nextInt(NAMES.length)]);
        }
        if (r.nextInt(4) == 0) {
            s = s.with(Fields.TEACHER_LOGITS, r.nextInt(k), randomDouble(r));
        }
        if (r.nextBoolean()) {
            s = s.with(Fields.TEMPERATURE, Math.abs(randomDouble(r)) + Double.MIN_VALUE);
        }
        if (r.nextBoolean()) {
            s = s.with(Fields.TARGET, r.nextInt(k));
        }
        if (r.nextBoolean()) {
            s = s.with(Fields.LABEL_SMOOTHING, r.nextInt(3) == 0 ? 1 : r.nextDouble());
        }
        s = s.with(Fields.MODE, Mode.values()[r.nextInt(2)]).with(Fields.PRECISION, Precision.values()[r.nextInt(4)]);
        if (r.nextBoolean()) {
            s = s.with(Fields.SAMPLING_SEED, r.nextInt(Integer.MAX_VALUE));
        }
        if (r.nextBoolean()) {
            s = s.with(Fields.SAMPLE_COUNT, 1 + r.nextInt(State.MAX_SAMPLE_COUNT));
        }
        if (r.nextBoolean()) {
            s = s.with(Fields.TOP_K, r.nextInt(k + 1));
        }
        if (r.nextBoolean()) {
            s = s.with(Fields.TOP_P, 1 - r.nextDouble());
        }
        if (r.nextBoolean()) {
            s = s.with(Fields.LEARNING_RATE, Math.abs(randomDouble(r)) + Double.MIN_VALUE);
        }
        return s.with(Fields.EMBED, r.nextBoolean()).with(Fields.COLOR_SCHEME, ColorScheme.values()[r.nextInt(4)]);
    }

    private static double randomDouble(Random r) {
        switch (r.nextInt(4)) {
            case 0:
                return SPECIAL[r.nextInt(SPECIAL.length)];
            case 1:
                return (r.nextDouble() - 0.5) * 20;
            default:
                double x = Double.longBitsToDouble(r.nextLong());
                return Double.isFinite(x) ? x : 1.5;
        }
    }

    @Test
    void randomStatesCoverTheSpecialValues() {
        List<String> hashes = new ArrayList<>();
        Random random = new Random(1);
        for (int i = 0; i < 200; i++) {
            hashes.add(HashCodec.encode(randomState(random)));
        }
        String all = String.join("&", hashes);
        assertTrue(all.contains("-0,") || all.contains("-0&") || all.endsWith("-0"), "no -0 drawn");
        assertTrue(all.contains("e-324"), "no subnormal drawn");
        assertTrue(all.contains("e308"), "no 1e308-range value drawn");
    }
}
