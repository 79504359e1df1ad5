package dev.softmaxexplorer.web;

import dev.softmaxexplorer.web.state.ParseResult;
import dev.softmaxexplorer.web.state.State;
import java.util.function.UnaryOperator;
import org.teavm.jso.dom.html.HTMLElement;

/** The page's one way to change the state, given to every panel's controls. */
public interface Editor {
    /** The current state, for actions that read it (copying, stepping). */
    State state();

    /**
     * What the page shows now: the state with default class names in its language, and core's
     * results, computed once for drawing and copying alike.
     */
    Frame frame();

    /** Applies a change; one the state refuses is explained next to the inputs and changes nothing. */
    void edit(HTMLElement source, UnaryOperator<State> change);

    /** Applies a change built from parsed input, or explains why the input was refused. */
    <T> void edit(HTMLElement source, ParseResult<T> parsed, UnaryOperator<State> change);
}
