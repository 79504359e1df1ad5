package dev.softmaxexplorer.web.page;

import dev.softmaxexplorer.web.state.ClassField;
import dev.softmaxexplorer.web.state.ParseResult;
import dev.softmaxexplorer.web.state.ScalarField;
import dev.softmaxexplorer.web.state.State;
import dev.softmaxexplorer.web.workbench.Loaded;
import java.util.function.UnaryOperator;
import org.teavm.jso.dom.html.HTMLElement;

/** The page's one way to change the state, given to every panel's controls. */
public interface Editor {
    /** The current state, for actions that read it (copying, stepping). */
    State state();

    /**
     * What the page shows now: the state with default class names in its language, core's
     * results and the page's words, computed once for drawing and copying alike.
     */
    Frame frame();

    /** Applies a change; one the state refuses is explained next to the inputs and changes nothing. */
    void edit(HTMLElement source, UnaryOperator<State> change);

    /**
     * Applies a change made in one step (an example, Reset, a gradient step, a lesson's start) as
     * {@link #edit} does; the charts then move to the new values rather than jump, so the eye can
     * follow each bar (see {@code chart.Motion}).
     */
    void step(HTMLElement source, UnaryOperator<State> change);

    /**
     * A gesture that changed the state many times (a drag) has ended: the link follows now rather
     * than after the pause that spares the browser a write per frame.
     */
    void settle();

    /**
     * Makes this vector the workbench's (null: none), beside the state and outside the link; the
     * caller has already checked it, so nothing here refuses.
     */
    void load(Loaded loaded);

    /**
     * Draws the panel again in the next frame, for the state it last drew: what it shows has
     * arrived since (a worker's answer).
     */
    void redraw(Panel panel);

    /** Applies a change built from parsed input, or explains why the input was refused. */
    <T> void edit(HTMLElement source, ParseResult<T> parsed, UnaryOperator<State> change);

    /** Sets a field from the text of {@code source}, or explains why the text was refused. */
    default <T> void set(HTMLElement source, ScalarField<T> field, String text) {
        ParseResult<T> parsed = field.parse(text, state());
        edit(source, parsed, s -> s.with(field, parsed.value()));
    }

    /** Sets class {@code i}'s item of a class field from typed text, or explains why it was refused. */
    default <A, E> void setItem(HTMLElement source, ClassField<A, E> field, int i, String text) {
        ParseResult<E> parsed = field.parseItem(text, i);
        edit(source, parsed, s -> s.with(field, i, parsed.value()));
    }
}
