package dev.softmaxexplorer.web;

import dev.softmaxexplorer.core.Format;
import dev.softmaxexplorer.core.Precision;
import dev.softmaxexplorer.web.check.Fuzzer;
import dev.softmaxexplorer.web.check.Invariants;
import dev.softmaxexplorer.web.state.ColorScheme;
import dev.softmaxexplorer.web.state.HashCodec;
import dev.softmaxexplorer.web.state.InputParser;
import dev.softmaxexplorer.web.state.Language;
import dev.softmaxexplorer.web.state.Message;
import dev.softmaxexplorer.core.Pipeline.Mode;
import dev.softmaxexplorer.web.state.ParseResult;
import dev.softmaxexplorer.web.state.Preset;
import dev.softmaxexplorer.web.state.State;
import dev.softmaxexplorer.web.state.TemperatureScale;
import dev.softmaxexplorer.web.text.ClassNames;
import dev.softmaxexplorer.web.text.Messages;
import java.util.List;
import java.util.function.UnaryOperator;
import org.teavm.jso.browser.History;
import org.teavm.jso.browser.Location;
import org.teavm.jso.browser.Window;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLInputElement;
import org.teavm.jso.dom.html.HTMLSelectElement;

/**
 * The page's one update path: every control turns a person's action into a new {@link State}
 * through {@link #edit}; {@link #update} stores it, mirrors it into the URL hash and schedules one
 * render for the next animation frame, however many events arrive before it. That frame draws the
 * views near the screen; the others catch up one by one when the browser is idle, or as soon as
 * they scroll near, so an input waits only for what can be seen.
 */
final class Page implements Editor {
    /** Idle time a view's drawing may need: with less left, the next view waits for the next period. */
    private static final double IDLE_MARGIN_MS = 8;
    /** How long the state must be still before the address follows it. */
    private static final int ADDRESS_DELAY_MS = 250;

    private State state = State.defaults();
    private boolean framePending;
    private HTMLElement invalidField;
    private Fuzzer fuzzer;
    private boolean hashStale;
    private int addressTimer;
    private int fuzzSeed;
    private Frame lastFrame;
    /**
     * {@link Translation#generation()} when lastFrame was made: a table that arrives (or fails to)
     * changes the words without a new state.
     */
    private int lastFrameGeneration;
    private Frame rowsDrawn;
    private boolean catchUpPending;
    /** Whether the page has shown the words of the language asked for at least once. */
    private boolean wordsShown;
    private List<Message> notices = List.of();

    private final ClassRows rows = new ClassRows(Dom.byId("classes"), this);
    private final List<PanelSlot> slots = Panels.all(this);
    private final Layout layout = new Layout();
    private final EmbedChoice embedChoice = new EmbedChoice(this);
    private final HTMLSelectElement classCount = Dom.byId("k", HTMLSelectElement.class);
    private final HTMLSelectElement preset = Dom.byId("preset", HTMLSelectElement.class);
    private final HTMLInputElement temperatureSlider = Dom.byId("t-slider", HTMLInputElement.class);
    private final HTMLInputElement temperature = Dom.byId("temperature", HTMLInputElement.class);
    private final HTMLInputElement smoothingSlider = Dom.byId("eps-slider", HTMLInputElement.class);
    private final HTMLInputElement smoothing = Dom.byId("eps", HTMLInputElement.class);
    private final HTMLInputElement naive = Dom.byId("naive", HTMLInputElement.class);
    private final HTMLSelectElement precision = Dom.byId("precision", HTMLSelectElement.class);
    private final HTMLSelectElement theme = Dom.byId("theme", HTMLSelectElement.class);
    private final HTMLSelectElement language = Dom.byId("language", HTMLSelectElement.class);
    private final HTMLElement message = Dom.byId("input-message");
    private final HTMLElement notice = Dom.byId("notice");

    void start() {
        wire();
        readHash();
        requestRender();
        Embedding.announceReady(HashCodec.encode(state));
    }

    private void wire() {
        classCount.addEventListener("change", e -> {
            ParseResult<Integer> parsed = InputParser.classCount(classCount.getValue(), state.maxClassCount());
            edit(classCount, parsed, s -> s.withClassCount(parsed.value()));
        });
        preset.addEventListener("change", e -> {
            String chosen = preset.getValue();
            preset.setValue("");
            for (Preset p : Preset.values()) {
                if (p.name().equals(chosen)) {
                    edit(preset, s -> ClassNames.withPreset(s, p, Translation.words()));
                }
            }
        });
        // Reset restores what a person set, not how the page is being viewed or tested.
        Dom.byId("reset").addEventListener("click", e -> edit(null, s -> State.defaults()
                .withColorScheme(s.colorScheme()).withLanguage(s.language()).withEmbed(s.embed())
                .withStress(s.stress())
                .withFuzzSeed(s.fuzzSeed()).withChecks(s.checks())));
        temperatureSlider.onInput(e -> {
            double t = TemperatureScale.temperature(Integer.parseInt(temperatureSlider.getValue()));
            edit(temperatureSlider, s -> s.withTemperature(t));
        });
        temperature.onInput(e -> {
            ParseResult<Double> parsed = InputParser.temperature(temperature.getValue());
            edit(temperature, parsed, s -> s.withTemperature(parsed.value()));
        });
        smoothingSlider.onInput(e -> {
            double eps = Format.parse(smoothingSlider.getValue());
            edit(smoothingSlider, s -> s.withLabelSmoothing(eps));
        });
        smoothing.onInput(e -> {
            ParseResult<Double> parsed = InputParser.labelSmoothing(smoothing.getValue());
            edit(smoothing, parsed, s -> s.withLabelSmoothing(parsed.value()));
        });
        naive.addEventListener("change",
                e -> edit(naive, s -> s.withMode(Dom.isChecked(naive) ? Mode.NAIVE : Mode.STABLE)));
        precision.addEventListener("change", e -> {
            ParseResult<Precision> parsed = InputParser.precision(precision.getValue());
            edit(precision, parsed, s -> s.withPrecision(parsed.value()));
        });
        theme.addEventListener("change", e -> {
            ParseResult<ColorScheme> parsed = InputParser.colorScheme(theme.getValue());
            edit(theme, parsed, s -> s.withColorScheme(parsed.value()));
        });
        language.addEventListener("change",
                e -> edit(language, s -> s.withLanguage(Language.fromLink(language.getValue()))));
        Actions.wire(this);
        Window.current().addEventListener("hashchange", e -> readHash());
        // A reload or a bookmark right after a change keeps it.
        Window.current().addEventListener("pagehide", e -> writeAddressIfStale());
        Window.current().addEventListener("resize", e -> {
            for (PanelSlot slot : slots) {
                slot.invalidate();
            }
            requestRender();
        });
        for (PanelSlot slot : slots) {
            slot.observe(this::requestRender);
        }
    }

    @Override
    public Frame frame() {
        return currentFrame();
    }

    @Override
    public State state() {
        return state;
    }

    @Override
    public void edit(HTMLElement source, UnaryOperator<State> change) {
        State next;
        try {
            next = change.apply(state);
        } catch (IllegalArgumentException e) {
            reject(source, e.getMessage());
            return;
        }
        accept(source);
        update(next);
    }

    @Override
    public <T> void edit(HTMLElement source, ParseResult<T> parsed, UnaryOperator<State> change) {
        if (parsed.isOk()) {
            edit(source, change);
        } else {
            reject(source, Translation.words().sentence(parsed.reason()));
        }
    }

    private void reject(HTMLElement source, String text) {
        if (invalidField != null && invalidField != source) {
            invalidField.removeAttribute("aria-invalid");
        }
        invalidField = source;
        if (source != null) {
            source.setAttribute("aria-invalid", "true");
            source.setAttribute("aria-describedby", "input-message");
        }
        Dom.text(message, Translation.words().format("page.rejected", "reason", text));
        // Controls that changed on their own (a box ticked, an option chosen) show the kept state
        // again; a field being typed in keeps its text, since focused fields are never rewritten.
        requestRender();
    }

    private void accept(HTMLElement source) {
        if (invalidField != null && (source == invalidField || source == null)) {
            invalidField.removeAttribute("aria-invalid");
            invalidField = null;
            Dom.text(message, "");
        }
    }

    void update(State next) {
        if (next.equals(state)) {
            return;
        }
        state = next;
        scheduleAddress();
        requestRender();
    }

    /**
     * The address follows the state once it has been still for {@link #ADDRESS_DELAY_MS}:
     * history.replaceState costs milliseconds in Chromium (tens with a thousand logits in the
     * hash), Chromium throttles pages that call it more than 200 times in 10 s, and a dragged
     * slider changes the state every frame.
     */
    private void scheduleAddress() {
        hashStale = true;
        Window.clearTimeout(addressTimer);
        addressTimer = Window.setTimeout(this::writeAddressIfStale, ADDRESS_DELAY_MS);
    }

    private void writeAddressIfStale() {
        if (hashStale) {
            hashStale = false;
            writeHash(state);
        }
    }

    private void readHash() {
        HashCodec.Decoded decoded = HashCodec.decode(Location.current().getHash());
        notices = decoded.notices();
        if (!decoded.notices().isEmpty()) {
            // The address now says what the page shows; the notice says what was dropped.
            writeHash(decoded.state());
        }
        if (!decoded.state().equals(state)) {
            state = decoded.state();
            requestRender();
        }
    }

    private static void writeHash(State shown) {
        String hash = HashCodec.encode(shown);
        // replaceState, not assignment: moving a slider must not add a hundred history entries.
        History.current().replaceState(null, "", hash.isEmpty() ? Location.current().getPathName() : "#" + hash);
    }

    /** Words the link's notices in the language shown, which the same link may have just chosen. */
    private void showNotices() {
        Messages words = Translation.words();
        String missing = Translation.missingFile(state.language());
        String unavailable = missing == null ? "" : words.format("page.words-unavailable", "file", missing);
        Dom.hidden(notice, notices.isEmpty() && missing == null);
        if (notices.isEmpty()) {
            Dom.text(notice, unavailable);
            return;
        }
        StringBuilder sentences = new StringBuilder();
        for (Message m : notices) {
            sentences.append(sentences.length() > 0 ? " " : "").append(words.sentence(m));
        }
        String linkNotices = words.format("page.link-notices", "notices", sentences.toString());
        Dom.text(notice, unavailable.isEmpty() ? linkNotices : linkNotices + " " + unavailable);
    }

    void requestRender() {
        if (!framePending) {
            framePending = true;
            Window.requestAnimationFrame(timestamp -> {
                framePending = false;
                guarded(this::draw);
            });
        }
    }

    private static void guarded(Runnable drawing) {
        try {
            drawing.run();
        } catch (RuntimeException e) {
            // Keep the last good picture and say so, rather than leaving a half-drawn page.
            Embedding.showFatal(Translation.words().format("page.render-failed", "error",
                    e.getClass().getSimpleName()));
        }
    }

    private void draw() {
        double start = Timing.now();
        Dom.attribute(Dom.DOCUMENT.getDocumentElement(), "data-theme", state.colorScheme().key());
        // Before the panels, which take their words from the language shown.
        Translation.show(state.language(), this::requestRender);
        if (!wordsShown) {
            // While a link's language is loading its words: a blank page for those milliseconds
            // rather than a flash of English. A later change of language keeps the page in view.
            wordsShown = !Translation.waiting();
            if (wordsShown) {
                Dom.DOCUMENT.getBody().getStyle().removeProperty("visibility");
            } else {
                Dom.DOCUMENT.getBody().getStyle().setProperty("visibility", "hidden");
            }
        }
        showNotices();
        layout.apply(state);
        Frame frame = currentFrame();
        for (PanelSlot slot : slots) {
            slot.isNear();
        }
        boolean behind = false;
        for (PanelSlot slot : slots) {
            if (state.shows(slot.view()) && slot.isNear()) {
                slot.drawNear(frame);
            }
            behind |= state.shows(slot.view()) && slot.isStale(frame);
        }
        rowsDrawn = rows.sync(frame.state(), frame.trace().probabilities(), true) ? frame : null;
        behind |= rowsDrawn == null;
        showControls();
        runChecks(frame);
        Timing.measure("softmax-explorer-render", start);
        if (behind) {
            requestCatchUp();
        } else if (!Translation.waiting()) {
            Timing.settled();
        }
    }

    /** The frame of the current state, computed once however many times the page draws it. */
    private Frame currentFrame() {
        if (lastFrame == null || lastFrame.edited() != state || lastFrameGeneration != Translation.generation()) {
            lastFrameGeneration = Translation.generation();
            lastFrame = Frame.of(state, Translation.words());
        }
        return lastFrame;
    }

    private void requestCatchUp() {
        if (!catchUpPending) {
            catchUpPending = true;
            Visibility.whenIdle(deadline -> guarded(() -> catchUp(deadline)));
        }
    }

    /**
     * Draws the views that are behind while the idle period lasts (at least one, so that none
     * waits for the input to stop), with the newest state.
     */
    private void catchUp(Visibility.IdleDeadline deadline) {
        catchUpPending = false;
        Translation.show(state.language(), this::requestRender);
        if (Translation.generation() != lastFrameGeneration) {
            // A table arrived (or failed to) since the last frame and requested one that redraws all.
            return;
        }
        Frame frame = currentFrame();
        boolean drewOne = false;
        if (rowsDrawn != frame) {
            rows.sync(frame.state(), frame.trace().probabilities(), false);
            rowsDrawn = frame;
            drewOne = true;
        }
        for (PanelSlot slot : slots) {
            if (state.shows(slot.view()) && slot.isStale(frame)) {
                if (drewOne && deadline.timeRemaining() < IDLE_MARGIN_MS) {
                    requestCatchUp();
                    return;
                }
                slot.draw(frame);
                drewOne = true;
            }
        }
        if (!Translation.waiting()) {
            Timing.settled();
        }
    }

    private void runChecks(Frame frame) {
        if (state.fuzzSeed() != fuzzSeed) {
            if (fuzzer != null) {
                fuzzer.stop();
            }
            fuzzSeed = state.fuzzSeed();
            fuzzer = fuzzSeed == 0 ? null : new Fuzzer(fuzzSeed);
            if (fuzzer != null) {
                fuzzer.start();
            }
        }
        if (state.checks()) {
            writeAddressIfStale();
            String hash = Location.current().getHash();
            for (String broken : Invariants.violations(state, frame.exact(), frame.trace(),
                    hash.startsWith("#") ? hash.substring(1) : hash)) {
                Fuzzer.reportViolation(broken);
            }
        }
    }

    private void showControls() {
        classCount.setValue(Integer.toString(state.classCount()));
        if (!Dom.isFocused(temperature)) {
            setIfDifferent(temperature, Format.shortest(state.temperature()));
        }
        if (!Dom.isFocused(temperatureSlider)) {
            temperatureSlider.setValue(Integer.toString(TemperatureScale.position(state.temperature())));
        }
        Dom.attribute(temperatureSlider, "aria-valuetext", Translation.words().format("inputs.t-slider.value",
                "t", Format.significant(state.temperature(), 3)));
        if (!Dom.isFocused(smoothing)) {
            setIfDifferent(smoothing, Format.shortest(state.labelSmoothing()));
        }
        if (!Dom.isFocused(smoothingSlider)) {
            smoothingSlider.setValue(Format.shortest(state.labelSmoothing()));
        }
        Dom.attribute(smoothingSlider, "aria-valuetext", Translation.words().format("inputs.eps-slider.value",
                "epsilon", Format.fixed(state.labelSmoothing(), 2)));
        Dom.checked(naive, state.mode() == Mode.NAIVE);
        precision.setValue(state.precision().displayName());
        theme.setValue(state.colorScheme().key());
        embedChoice.show(state);
        // The pseudo-locales are English underneath and have no option of their own.
        Language shown = Translation.words().language();
        language.setValue(shown == Language.JAPANESE ? shown.key() : Language.ENGLISH.key());
    }

    private static void setIfDifferent(HTMLInputElement field, String text) {
        if (!field.getValue().equals(text)) {
            field.setValue(text);
        }
    }
}
