package dev.softmaxexplorer.web.state;

import dev.softmaxexplorer.core.Format;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link State} as the URL hash (the text after '#') and back, so that a link or an iframe's
 * {@code src} reproduces the exact view.
 *
 * <p>Format: {@code key=value} pairs joined by '&amp;', e.g. {@code k=4&z=2,1,0.5,-1&t=0.5&mode=naive}.
 * Every field of {@link Fields} is written by its key, in that table's order, and only when it
 * differs from its default, so the default state is the empty hash.
 * Numbers are written by {@link Format#shortest} and read by {@link InputParser}, so every
 * double comes back bit for bit (-0, subnormals, 1e308). Class names are percent-encoded UTF-8;
 * a default name is written as an empty item ({@code names=cat,,bird}).
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

    private HashCodec() {
    }

    /** The hash of a state, without the leading '#': empty for the defaults. */
    public static String encode(State state) {
        StringBuilder out = new StringBuilder();
        for (Field<?> f : Fields.ALL) {
            String value = linkText(f, state);
            if (value != null) {
                if (out.length() > 0) {
                    out.append('&');
                }
                out.append(f.key()).append('=').append(value);
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
            if (Fields.byKey(key) == null) {
                notices.add(new Message("link.unknown", "text", InputParser.quote(readable(pair))));
            } else if (values.containsKey(key)) {
                notices.add(new Message("link.repeated", "text", InputParser.quote(readable(pair)), "key", key));
            } else {
                values.put(key, eq < 0 ? null : pair.substring(eq + 1));
            }
        }
        Decoding decoding = new Decoding(notices);
        State state = State.defaults();
        for (Field<?> f : Fields.ALL) {
            if (values.containsKey(f.key())) {
                Reading in = new Reading(f.key(), values.get(f.key()), decoding);
                state = f instanceof ClassField<?, ?> c ? readItems(state, c, in) : readScalar(state, (ScalarField<?>) f, in);
            }
        }
        return new Decoded(state, notices.list());
    }

    private static <T> String linkText(Field<T> field, State state) {
        return field.linkText(state.get(field));
    }

    private static <T> State readScalar(State s, ScalarField<T> field, Reading in) {
        ParseResult<T> value;
        if (in.raw == null) {
            value = field.bare(s);
        } else {
            ParseResult<String> text = in.text();
            if (!text.isOk()) {
                return in.reject(s, text.reason());
            }
            value = field.parse(text.value(), s);
        }
        if (!value.isOk()) {
            return in.reject(s, value.reason());
        }
        if (field == Fields.CLASS_COUNT) {
            in.decoding.classCountGiven = true;
        }
        return s.with(field, value.value());
    }

    /**
     * Reads a class field item by item, each bad item leaving its class at its value; the logits
     * may set K when no readable k came before them.
     */
    private static <A, E> State readItems(State s, ClassField<A, E> field, Reading in) {
        List<String> items = split(in.raw == null ? "" : in.raw, ',');
        State sized = s;
        if (field.setsClassCount() && !in.decoding.classCountGiven && items.size() != s.classCount()
                && items.size() >= State.MIN_CLASSES && items.size() <= Fields.CLASS_COUNT.max(s)) {
            sized = s.with(Fields.CLASS_COUNT, items.size());
        }
        A values = sized.get(field);
        int k = sized.classCount();
        for (int i = 0; i < Math.min(items.size(), k); i++) {
            ParseResult<String> text = PercentEncoding.decode(items.get(i), field.linkItemLabel(i));
            ParseResult<E> item = text.isOk() ? field.parseItem(text.value(), i) : ParseResult.rejected(text.reason());
            if (item.isOk()) {
                values = field.withItem(values, i, item.value());
            } else {
                in.rejectItem(items.get(i), item.reason());
            }
        }
        in.checkCount(items.size(), k);
        return sized.with(field, values);
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
