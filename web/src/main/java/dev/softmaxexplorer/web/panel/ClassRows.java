package dev.softmaxexplorer.web.panel;

import dev.softmaxexplorer.web.browser.Dom;
import dev.softmaxexplorer.web.browser.NearRows;
import dev.softmaxexplorer.web.page.Editor;
import dev.softmaxexplorer.web.page.Frame;
import dev.softmaxexplorer.web.state.Fields;
import dev.softmaxexplorer.web.state.State;
import dev.softmaxexplorer.web.text.Messages;
import java.util.ArrayList;
import java.util.List;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLInputElement;

/**
 * One row of controls a class: the true-class radio, the name, the logit's exact field and its
 * slider. Rows are added and removed at the end only, so changing K never steals focus from a row
 * that stays.
 */
final class ClassRows {
    private final HTMLElement container;
    private final Editor editor;
    private final List<Row> rows = new ArrayList<>();
    private final NearRows nearRows = new NearRows();

    ClassRows(HTMLElement container, Editor editor) {
        this.container = container;
        this.editor = editor;
    }

    /**
     * Shows the state in the rows, adding or removing rows to match K; with {@code nearOnly},
     * only in the rows on screen or near it.
     *
     * @return whether every row is up to date
     */
    boolean sync(Frame frame, boolean nearOnly) {
        State state = frame.state();
        double[] shownProbabilities = frame.trace().probabilities();
        int k = state.classCount();
        while (rows.size() < k) {
            Row row = new Row(rows.size());
            rows.add(row);
            container.appendChild(row.element);
            nearRows.watch(row.element);
        }
        while (rows.size() > k) {
            container.removeChild(rows.remove(rows.size() - 1).element);
        }
        boolean complete = true;
        for (Row row : rows) {
            if (nearOnly && !NearRows.isNear(row.element)) {
                complete = false;
            } else {
                row.show(state, shownProbabilities[row.index], frame.words());
            }
        }
        return complete;
    }

    private final class Row {
        final int index;
        final HTMLElement element;
        final HTMLInputElement target;
        final HTMLInputElement name;
        final LogitControl logit;

        Row(int index) {
            this.index = index;
            String n = Integer.toString(index + 1);
            element = Dom.create("div", "class-row", null);
            target = Dom.create("input");
            target.setType("radio");
            target.setName("target");
            target.setAttribute("id", "target" + n);
            name = Dom.create("input");
            name.setType("text");
            name.setAttribute("id", "name" + n);
            name.setAttribute("autocomplete", "off");
            name.setAttribute("maxlength", Integer.toString(State.MAX_NAME_LENGTH));
            HTMLInputElement value = Dom.create("input");
            value.setType("text");
            value.setAttribute("id", "z" + n);
            value.setAttribute("inputmode", "decimal");
            value.setAttribute("autocomplete", "off");
            value.setAttribute("spellcheck", "false");
            HTMLInputElement slider = Dom.create("input");
            slider.setType("range");
            slider.setAttribute("id", "z" + n + "-slider");
            logit = new LogitControl(slider, value, () -> index, editor);

            HTMLElement targetCell = Dom.create("label", "target", null);
            targetCell.appendChild(target);
            name.setClassName("name");
            value.setClassName("value");
            slider.setClassName("slider");
            element.appendChild(targetCell);
            // In the order they are seen: a wide screen shows each row as one line, name, slider, value.
            element.appendChild(name);
            element.appendChild(slider);
            element.appendChild(value);

            target.addEventListener("change", e -> editor.edit(target, s -> s.with(Fields.TARGET, index)));
            name.onInput(e -> editor.setItem(name, Fields.NAMES, index, name.getValue()));
        }

        void show(State state, double probability, Messages words) {
            String n = Integer.toString(index + 1);
            String className = state.name(index);
            Dom.checked(target, state.get(Fields.TARGET) == index);
            Dom.attribute(target, "aria-label", words.format("inputs.class.true", "className", className));
            Dom.attribute(name, "aria-label", words.format("inputs.class.name", "n", n));
            Dom.value(name, className);
            logit.render(state, probability, words);
        }
    }
}
