package dev.softmaxexplorer.web.page;

import dev.softmaxexplorer.web.browser.Dom;
import dev.softmaxexplorer.web.browser.EarlyEdits;
import dev.softmaxexplorer.web.browser.Embedding;
import dev.softmaxexplorer.web.browser.MissingElement;
import dev.softmaxexplorer.web.browser.Timing;
import dev.softmaxexplorer.web.browser.Translation;
import dev.softmaxexplorer.web.browser.Visibility;
import dev.softmaxexplorer.web.chart.ChartQueue;
import dev.softmaxexplorer.web.chart.ChartSurface;
import dev.softmaxexplorer.web.check.Fuzzer;
import dev.softmaxexplorer.web.check.Invariants;
import dev.softmaxexplorer.web.state.Fields;
import dev.softmaxexplorer.web.state.HashCodec;
import dev.softmaxexplorer.web.state.ParseResult;
import dev.softmaxexplorer.web.state.State;
import dev.softmaxexplorer.web.workbench.Loaded;
import java.util.List;
import java.util.function.UnaryOperator;
import org.teavm.jso.JSBody;
import org.teavm.jso.browser.Window;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * The page's one update path: every control turns a person's action into a new {@link State}
 * through {@link #edit}; {@link #update} stores it, lets the {@link Address} follow it and
 * schedules one render for the next animation frame, however many events arrive before it. That
 * frame draws the toolbar and the views near the screen; those within a window's height of it
 * catch up one by one when the browser is idle, and the rest as they come that close (see
 * {@link PanelSlot}), so an input waits only for what can be seen.
 */
public final class Page implements Editor {
    /**
     * How long a frame may go on making panels (a view's first draw): at start-up the views near
     * the screen are made over several frames, so that on a slow phone no task blocks a tap for
     * long. Views already made always draw in the frame of the change, together.
     */
    private static final double MAKING_BUDGET_MS = 8;

    private final Translation translation = new Translation();
    private final Address address = new Address();
    private final Layout layout = new Layout();
    private final HTMLElement message = Dom.byId("input-message");
    private List<Panel> chrome = List.of();
    private List<PanelSlot> slots = List.of();

    private State state = State.defaults();
    /** The workbench's vector: page state that the link does not carry (see {@link Frame}). */
    private Loaded loaded;
    private boolean framePending;
    private boolean catchUpPending;
    private HTMLElement invalidField;
    private Fuzzer fuzzer;
    private int fuzzSeed;
    private Frame lastFrame;
    /** The state the last {@link #step} reached: its frame moves the charts. */
    private State steppedTo;
    /**
     * {@link Translation#generation()} when lastFrame was made: a table that arrives (or fails to)
     * changes the words without a new state.
     */
    private int lastFrameGeneration;
    /** Whether the page has shown the words of the language asked for at least once. */
    private boolean wordsShown;
    /** From beforeprint to afterprint: light colours and charts at print resolution. */
    private boolean printing;

    /**
     * Wires the page and renders it for the first time.
     *
     * @param pageChrome what is drawn in every frame, whatever is on screen (the toolbar, the control strip)
     * @param views every view in its slot, in the page's order
     */
    public void start(List<Panel> pageChrome, List<PanelSlot> views) {
        chrome = pageChrome;
        slots = views;
        Window.current().addEventListener("hashchange", e -> readAddress());
        // A reload or a bookmark right after a change keeps it.
        Window.current().addEventListener("pagehide", e -> address.catchUp());
        Window.current().addEventListener("resize", e -> {
            for (PanelSlot slot : slots) {
                slot.invalidate();
            }
            requestRender();
        });
        for (PanelSlot slot : slots) {
            slot.observe(this::requestRender, this::requestCatchUp);
        }
        Window.current().addEventListener("beforeprint", e -> print(true));
        Window.current().addEventListener("afterprint", e -> print(false));
        readAddress();
        // Before the first frame writes the state into the controls a person may have used already.
        EarlyEdits.replay();
        requestRender();
        Embedding.announceReady(HashCodec.encode(state));
        Embedding.reportHeight();
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
    public void step(HTMLElement source, UnaryOperator<State> change) {
        State before = state;
        edit(source, change);
        if (state != before) {
            steppedTo = state;
        }
    }

    @Override
    public void load(Loaded next) {
        if (next != loaded) {
            loaded = next;
            requestRender();
        }
    }

    @Override
    public void settle() {
        address.catchUp();
    }

    @Override
    public void redraw(Panel panel) {
        for (PanelSlot slot : slots) {
            if (slot.holds(panel)) {
                slot.invalidate();
                requestRender();
            }
        }
    }

    @Override
    public <T> void edit(HTMLElement source, ParseResult<T> parsed, UnaryOperator<State> change) {
        if (parsed.isOk()) {
            edit(source, change);
        } else {
            reject(source, translation.words().sentence(parsed.reason()));
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
        Dom.text(message, translation.words().format("page.rejected", "reason", text));
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

    private void update(State next) {
        if (next.equals(state)) {
            return;
        }
        state = next;
        address.follow(state);
        requestRender();
    }

    private void readAddress() {
        State read = address.read();
        if (!read.equals(state)) {
            state = read;
            requestRender();
        }
    }

    private void requestRender() {
        if (!framePending) {
            framePending = true;
            Window.requestAnimationFrame(timestamp -> {
                framePending = false;
                guarded(this::draw);
            });
        }
    }

    private void guarded(Runnable drawing) {
        try {
            drawing.run();
        } catch (MissingElement e) {
            e.show();
        } catch (RuntimeException e) {
            // Keep the last good picture and say so, rather than leaving a half-drawn page.
            Embedding.showFatal(translation.words().format("page.render-failed", "error",
                    e.getClass().getSimpleName()));
        }
    }

    /**
     * Lays the page out for paper (or back for the screen) and redraws every view shown at once:
     * the browser prints what the page holds when this event handler returns, so nothing can wait
     * for a frame or an idle period.
     */
    private void print(boolean starting) {
        printing = starting;
        markPrinting(starting);
        ChartSurface.forPrint(starting);
        for (PanelSlot slot : slots) {
            slot.invalidate();
        }
        guarded(() -> {
            draw();
            Frame frame = currentFrame();
            ChartQueue.collect(() -> {
                for (PanelSlot slot : slots) {
                    if (state.shows(slot.view())) {
                        slot.draw(frame);
                        slot.markBusy(frame, true);
                    }
                }
            });
        });
    }

    @JSBody(params = "printing", script = "document.documentElement.classList.toggle('printing', printing);")
    private static native void markPrinting(boolean printing);

    private void draw() {
        double start = Timing.now();
        // On paper in light colours, whatever the screen's.
        Dom.attribute(Dom.DOCUMENT.getDocumentElement(), "data-theme",
                printing ? "light" : state.get(Fields.COLOR_SCHEME).key());
        // Before the panels, which take their words from the language shown.
        translation.show(state.get(Fields.LANGUAGE), this::requestRender);
        if (!wordsShown && translation.waitingBehindPlacedFirstScreen()) {
            return;
        }
        if (!wordsShown) {
            // While a link's language is loading its words: a blank page for those milliseconds
            // rather than a flash of English. A later change of language keeps the page in view.
            wordsShown = !translation.waiting();
            if (wordsShown) {
                Dom.DOCUMENT.getBody().getStyle().removeProperty("visibility");
                Timing.shown();
            } else {
                Dom.DOCUMENT.getBody().getStyle().setProperty("visibility", "hidden");
            }
        }
        address.showNotices(translation.words(), translation.missingFile(state.get(Fields.LANGUAGE)));
        layout.apply(state);
        Frame frame = currentFrame();
        for (PanelSlot slot : slots) {
            slot.isNear();
        }
        boolean[] behind = {false};
        boolean[] deferred = {false};
        ChartQueue.collect(() -> {
            for (PanelSlot slot : slots) {
                boolean shown = state.shows(slot.view());
                if (shown && slot.isNear()) {
                    if (slot.isMade() || Timing.now() - start < MAKING_BUDGET_MS) {
                        slot.drawNear(frame);
                    } else {
                        deferred[0] = true;
                    }
                }
                slot.markBusy(frame, shown);
                behind[0] |= shown && slot.isApproaching() && slot.isStale(frame);
            }
            for (Panel panel : chrome) {
                panel.render(frame);
            }
        });
        runChecks(frame);
        Timing.measure("softmax-explorer-render", start);
        if (deferred[0]) {
            requestRender();
        } else if (behind[0]) {
            requestCatchUp();
        } else if (!translation.waiting()) {
            Timing.settled();
        }
    }

    /** The frame of the current state, computed once however many times the page draws it. */
    private Frame currentFrame() {
        if (lastFrame == null || lastFrame.edited() != state || lastFrame.loaded() != loaded
                || lastFrameGeneration != translation.generation()) {
            lastFrameGeneration = translation.generation();
            lastFrame = Frame.of(state, loaded, translation.words(), state == steppedTo);
        }
        return lastFrame;
    }

    private void requestCatchUp() {
        if (!catchUpPending) {
            catchUpPending = true;
            Visibility.whenIdle(() -> guarded(this::catchUp));
        }
    }

    /**
     * Draws one approaching view that is behind, with the newest state, and asks for another idle
     * period for the next: a task a view long, so that on a slow phone no start-up task blocks a
     * tap for long (idle periods last up to 50 ms, and one view on such a phone can take that alone).
     */
    private void catchUp() {
        catchUpPending = false;
        translation.show(state.get(Fields.LANGUAGE), this::requestRender);
        if (translation.generation() != lastFrameGeneration) {
            // A table arrived (or failed to) since the last frame and requested one that redraws all.
            return;
        }
        Frame frame = currentFrame();
        for (PanelSlot slot : slots) {
            if (state.shows(slot.view()) && slot.isApproaching() && slot.isStale(frame)) {
                slot.draw(frame);
                slot.markBusy(frame, true);
                requestCatchUp();
                return;
            }
        }
        if (!translation.waiting()) {
            Timing.settled();
        }
    }

    private void runChecks(Frame frame) {
        int seed = state.get(Fields.FUZZ_SEED);
        if (seed != fuzzSeed) {
            if (fuzzer != null) {
                fuzzer.stop();
            }
            fuzzSeed = seed;
            fuzzer = fuzzSeed == 0 ? null : new Fuzzer(fuzzSeed);
            if (fuzzer != null) {
                fuzzer.start();
            }
        }
        if (state.get(Fields.CHECKS)) {
            address.catchUp();
            for (String broken : Invariants.violations(state, frame.exact(), frame.trace(), Address.hash())) {
                Fuzzer.reportViolation(broken);
            }
        }
    }
}
