package dev.softmaxexplorer.web.state;

import dev.softmaxexplorer.core.Pipeline.Mode;
import dev.softmaxexplorer.core.Format;
import dev.softmaxexplorer.core.Precision;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The {@link State} as the URL hash (the text after '#') and back, so that a link or an iframe's
 * {@code src} reproduces the exact view.
 *
 * <p>Format: {@code key=value} pairs joined by '&amp;', e.g. {@code k=4&z=2,1,0.5,-1&t=0.5&mode=naive}.
 * One table ({@link #FIELDS}) lists every field with its key, how to write it and how to read it;
 * only fields that differ from the defaults are written, so the default state is the empty hash.
 * Numbers are written by {@link Format#shortest} and read by {@link InputParser}, so every
 * double comes back bit for bit (-0, subnormals, 1e308). Class names are percent-encoded UTF-8;
 * a default name is written as an empty item ({@code names=cat,,bird}).
 *
 * <p>Keys: {@code stress} (1 allows K up to 1000), {@code k} (K), {@code z} (logits),
 * {@code names}, {@code c} (true class, 0-based), {@code t} (T), {@code eps} (label smoothing),
 * {@code mode} (naive, stable), {@code prec} (float64, float32, float16, bfloat16), {@code tz}
 * (teacher logits), {@code seed}, {@code n} (samples), {@code topk}, {@code topp}, {@code lr}
 * (learning rate), {@code embed} (1 or 0), {@code views} (what an embedding keeps, keys of
 * {@link View} separated by commas: {@code views=bars,sweep}), {@code scheme} (auto, light, dark,
 * projector), {@code lang} (en, ja; absent = the browser's language; any other value reads as en,
 * with no notice, as a link from a translated copy of the page should), {@code fuzz} (a seed:
 * random input every frame; 0 or absent = off), {@code check} (1: check
 * the page's invariants after every update).
 *
 * <p>Decoding is total: any text gives a valid state and one notice for each thing ignored,
 * never an exception. The pairs may come in any order (they are applied in the table's order,
 * so {@code stress} before {@code k} before {@code z} before {@code c}); keys are read in any
 * letter case; a repeated key keeps its first value; a field that cannot be read keeps its
 * default. Lists keep their positions: in {@code z}, a bad item leaves that one class at its
 * default (moving the good values up would give them to the wrong classes). Without a readable
 * {@code k}, the number of items in {@code z} sets K. A flag without a value ({@code #embed})
 * means on. At most {@link #MAX_HASH_LENGTH} characters are read (cut at a '&amp;' so that no
 * field is read half) and at most {@link #MAX_NOTICES} notices are listed.
 */
public final class HashCodec {

    /**
     * The longest hash read. It fits K = 1000 with full-precision logits and teacher logits
     * (about 50,000 characters) and bounds the work a hostile link can cause.
     */
    public static final int MAX_HASH_LENGTH = 100_000;

    /** The most notices listed; one more line counts the rest. */
    public static final int MAX_NOTICES = 10;

    /** A decoded hash: a valid state and what was ignored, as sentences for the page to word. */
    public record Decoded(State state, List<Message> notices) {

        /** Copies the notices, so that the record stays immutable. */
        public Decoded {
            notices = List.copyOf(notices);
        }
    }

    private static final List<Field> FIELDS = List.of(
            flag("stress", "input.field.stress", State::stress, State::withStress),
            new Field("k", s -> s.classCount() == State.DEFAULT_CLASSES ? null : Integer.toString(s.classCount()),
                    HashCodec::readClassCount),
            new Field("z", s -> numbersUnlessDefault(s.logits(), State::defaultLogit),
                    (s, in) -> readNumbers(s, in, true)),
            new Field("names", HashCodec::writeNames, HashCodec::readNames),
            scalar("c", s -> s.target() == 0 ? null : Integer.toString(s.target()),
                    (s, text) -> InputParser.target(text, s.classCount()), State::withTarget),
            scalar("t", s -> numberUnlessDefault(s.temperature(), 1),
                    (s, text) -> InputParser.temperature(text), State::withTemperature),
            scalar("eps", s -> numberUnlessDefault(s.labelSmoothing(), 0),
                    (s, text) -> InputParser.labelSmoothing(text), State::withLabelSmoothing),
            scalar("mode", s -> s.mode() == Mode.STABLE ? null : s.mode().displayName(),
                    (s, text) -> InputParser.mode(text), State::withMode),
            scalar("prec", s -> s.precision() == Precision.FLOAT64 ? null : s.precision().displayName(),
                    (s, text) -> InputParser.precision(text), State::withPrecision),
            new Field("tz", s -> numbersUnlessDefault(s.teacherLogits(), State::defaultTeacherLogit),
                    (s, in) -> readNumbers(s, in, false)),
            scalar("seed", s -> s.samplingSeed() == State.DEFAULT_SAMPLING_SEED ? null
                    : Integer.toString(s.samplingSeed()),
                    (s, text) -> InputParser.samplingSeed(text), State::withSamplingSeed),
            scalar("n", s -> s.sampleCount() == State.DEFAULT_SAMPLE_COUNT ? null : Integer.toString(s.sampleCount()),
                    (s, text) -> InputParser.sampleCount(text), State::withSampleCount),
            scalar("topk", s -> s.topK() == 0 ? null : Integer.toString(s.topK()),
                    (s, text) -> InputParser.topK(text, s.classCount()), State::withTopK),
            scalar("topp", s -> numberUnlessDefault(s.topP(), 1),
                    (s, text) -> InputParser.topP(text), State::withTopP),
            scalar("lr", s -> numberUnlessDefault(s.learningRate(), 1),
                    (s, text) -> InputParser.learningRate(text), State::withLearningRate),
            flag("embed", "input.field.embed", State::embed, State::withEmbed),
            scalar("views", HashCodec::writeViews, (s, text) -> InputParser.views(text), State::withViews),
            scalar("scheme", s -> s.colorScheme() == ColorScheme.AUTO ? null : s.colorScheme().key(),
                    (s, text) -> InputParser.colorScheme(text), State::withColorScheme),
            scalar("lang", s -> s.language() == Language.AUTO ? null : s.language().key(),
                    (s, text) -> ParseResult.of(Language.fromLink(text)), State::withLanguage),
            scalar("fuzz", s -> s.fuzzSeed() == 0 ? null : Integer.toString(s.fuzzSeed()),
                    (s, text) -> InputParser.fuzzSeed(text), State::withFuzzSeed),
            flag("check", "input.field.checks", State::checks, State::withChecks));

    private HashCodec() {
    }

    /** The hash of a state, without the leading '#': empty for the defaults. */
    public static String encode(State state) {
        StringBuilder out = new StringBuilder();
        for (Field f : FIELDS) {
            String value = f.writer.apply(state);
            if (value != null) {
                if (out.length() > 0) {
                    out.append('&');
                }
                out.append(f.key).append('=').append(value);
            }
        }
        return out.toString();
    }

    /**
     * The state a hash describes, with a notice for each part ignored. Never throws: null, empty
     * or hostile text gives the defaults (or the readable part) and says why.
     *
     * @param hash the hash with or without its leading '#', or null
     */
    public static Decoded decode(String hash) {
        Notices notices = new Notices();
        String h = hash == null ? "" : hash;
        if (h.startsWith("#")) {
            h = h.substring(1);
        }
        if (h.length() > MAX_HASH_LENGTH) {
            int cut = h.lastIndexOf('&', MAX_HASH_LENGTH);
            h = cut < 0 ? "" : h.substring(0, cut);
            notices.add(new Message("link.too-long", "max", Integer.toString(MAX_HASH_LENGTH)));
        }
        Map<String, String> values = new HashMap<>();
        for (String pair : split(h, '&')) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            ParseResult<String> rawKey = PercentEncoding.decode(eq < 0 ? pair : pair.substring(0, eq),
                    new Message("link.field.key"));
            String key = rawKey.isOk() ? InputParser.lowerCaseKey(rawKey.value()) : "";
            if (field(key) == null) {
                notices.add(new Message("link.unknown", "text", InputParser.quote(readable(pair))));
            } else if (values.containsKey(key)) {
                notices.add(new Message("link.repeated", "text", InputParser.quote(readable(pair)), "key", key));
            } else {
                values.put(key, eq < 0 ? null : pair.substring(eq + 1));
            }
        }
        Decoding decoding = new Decoding(notices);
        State state = State.defaults();
        for (Field f : FIELDS) {
            if (values.containsKey(f.key)) {
                state = f.reader.read(state, new Reading(f.key, values.get(f.key), decoding));
            }
        }
        return new Decoded(state, notices.list());
    }

    private static Field field(String key) {
        for (Field f : FIELDS) {
            if (f.key.equals(key)) {
                return f;
            }
        }
        return null;
    }

    private static <T> Field scalar(String key, Function<State, String> writer,
            BiFunction<State, String, ParseResult<T>> parse, BiFunction<State, T, State> set) {
        return new Field(key, writer, (s, in) -> {
            ParseResult<String> text = in.text();
            if (!text.isOk()) {
                return in.reject(s, text.reason());
            }
            ParseResult<T> value = parse.apply(s, text.value());
            return value.isOk() ? set.apply(s, value.value()) : in.reject(s, value.reason());
        });
    }

    /** An on/off field written as "1" when on; a bare key (no '=') reads as on. */
    private static Field flag(String key, String nameKey, Function<State, Boolean> get,
            BiFunction<State, Boolean, State> set) {
        Field byValue = scalar(key, s -> null, (s, text) -> InputParser.flag(text, new Message(nameKey)), set);
        return new Field(key, s -> get.apply(s) ? "1" : null,
                (s, in) -> in.raw == null ? set.apply(s, Boolean.TRUE) : byValue.reader.read(s, in));
    }

    private static String writeViews(State s) {
        if (s.views().equals(State.DEFAULT_VIEWS)) {
            return null;
        }
        StringBuilder keys = new StringBuilder();
        for (View v : s.views()) {
            keys.append(keys.length() == 0 ? "" : ",").append(v.key());
        }
        return keys.toString();
    }

    private static State readClassCount(State s, Reading in) {
        ParseResult<String> text = in.text();
        if (!text.isOk()) {
            return in.reject(s, text.reason());
        }
        ParseResult<Integer> k = InputParser.classCount(text.value(), s.maxClassCount());
        if (!k.isOk()) {
            return in.reject(s, k.reason());
        }
        in.decoding.classCountGiven = true;
        return s.withClassCount(k.value());
    }

    /** Reads z (logits) or tz (teacher logits); z may set K when no readable k came before it. */
    private static State readNumbers(State s, Reading in, boolean student) {
        List<String> items = split(in.raw == null ? "" : in.raw, ',');
        State sized = s;
        if (student && !in.decoding.classCountGiven && items.size() != s.classCount()
                && items.size() >= State.MIN_CLASSES && items.size() <= s.maxClassCount()) {
            sized = s.withClassCount(items.size());
        }
        double[] values = student ? sized.logits() : sized.teacherLogits();
        for (int i = 0; i < Math.min(items.size(), values.length); i++) {
            ParseResult<String> text = PercentEncoding.decode(items.get(i), new Message("link.field.value"));
            ParseResult<Double> v = text.isOk()
                    ? (student ? InputParser.logit(text.value(), i) : InputParser.teacherLogit(text.value(), i))
                    : ParseResult.rejected(text.reason());
            if (v.isOk()) {
                values[i] = v.value();
            } else {
                in.rejectItem(items.get(i), v.reason());
            }
        }
        in.checkCount(items.size(), values.length);
        return student ? sized.withLogits(values) : sized.withTeacherLogits(values);
    }

    private static State readNames(State s, Reading in) {
        List<String> items = split(in.raw == null ? "" : in.raw, ',');
        String[] names = s.names().toArray(new String[0]);
        for (int i = 0; i < Math.min(items.size(), names.length); i++) {
            ParseResult<String> text = PercentEncoding.decode(items.get(i),
                    new Message("input.field.class-name", "n", Integer.toString(i + 1)));
            ParseResult<String> name = text.isOk() ? InputParser.className(text.value(), i) : text;
            if (name.isOk()) {
                names[i] = name.value();
            } else {
                in.rejectItem(items.get(i), name.reason());
            }
        }
        in.checkCount(items.size(), names.length);
        return s.withNames(names);
    }

    private static String writeNames(State s) {
        StringBuilder out = new StringBuilder();
        boolean allDefault = true;
        for (int i = 0; i < s.classCount(); i++) {
            if (i > 0) {
                out.append(',');
            }
            if (!s.name(i).equals(State.defaultName(i))) {
                allDefault = false;
                out.append(PercentEncoding.encode(s.name(i)));
            }
        }
        return allDefault ? null : out.toString();
    }

    private static String numberUnlessDefault(double x, double defaultValue) {
        return Double.doubleToRawLongBits(x) == Double.doubleToRawLongBits(defaultValue) ? null : Format.shortest(x);
    }

    private interface DefaultValue {
        double of(int index);
    }

    private static String numbersUnlessDefault(double[] values, DefaultValue defaults) {
        double[] expected = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            expected[i] = defaults.of(i);
        }
        if (Arrays.equals(values, expected)) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(Format.shortest(values[i]));
        }
        return out.toString();
    }

    /** Splits on a character without regular expressions (TeaVM has none); keeps empty parts. */
    private static List<String> split(String text, char separator) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == separator) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }

    /** The text percent-decoded for a notice when that works, else as it came. */
    private static String readable(String raw) {
        ParseResult<String> decoded = PercentEncoding.decode(raw, new Message("link.field.text"));
        return decoded.isOk() ? decoded.value() : raw;
    }

    /** One row of the table: the key, the writer (null when at the default) and the reader. */
    private record Field(String key, Function<State, String> writer, Reader reader) {
    }

    private interface Reader {
        State read(State state, Reading in);
    }

    /** What one decode has learned so far, shared by the fields' readers. */
    private static final class Decoding {
        final Notices notices;
        boolean classCountGiven;

        Decoding(Notices notices) {
            this.notices = notices;
        }
    }

    /** One field's raw value (null when the key came without '=') and how to complain about it. */
    private static final class Reading {
        final String key;
        final String raw;
        final Decoding decoding;

        Reading(String key, String raw, Decoding decoding) {
            this.key = key;
            this.raw = raw;
            this.decoding = decoding;
        }

        ParseResult<String> text() {
            return raw == null ? ParseResult.of("")
                    : PercentEncoding.decode(raw, new Message("link.field.value-of", "key", key));
        }

        State reject(State unchanged, Message reason) {
            String shown = raw == null ? key : key + "=" + readable(raw);
            decoding.notices.add(new Message("link.ignored", "text", InputParser.quote(shown), "reason", reason));
            return unchanged;
        }

        void rejectItem(String item, Message reason) {
            decoding.notices.add(new Message("link.ignored-item", "text", InputParser.quote(readable(item)),
                    "key", key, "reason", reason));
        }

        void checkCount(int given, int classes) {
            if (given > classes) {
                decoding.notices.add(new Message("link.too-many", "extra", Integer.toString(given - classes),
                        "given", Integer.toString(given), "key", key, "classes", Integer.toString(classes)));
            } else if (given < classes) {
                decoding.notices.add(new Message("link.too-few", "given", Integer.toString(given), "key", key,
                        "classes", Integer.toString(classes)));
            }
        }
    }

    /** The notices of one decode, at most {@link #MAX_NOTICES} of them plus a count of the rest. */
    private static final class Notices {
        private final List<Message> list = new ArrayList<>();
        private int more;

        void add(Message notice) {
            if (list.size() < MAX_NOTICES) {
                list.add(notice);
            } else {
                more++;
            }
        }

        List<Message> list() {
            List<Message> all = new ArrayList<>(list);
            if (more > 0) {
                all.add(new Message("link.more", "more", Integer.toString(more)));
            }
            return all;
        }
    }
}
