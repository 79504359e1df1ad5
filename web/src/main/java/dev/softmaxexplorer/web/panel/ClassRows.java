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
 * that stays. A row is written as HTML ({@link ClassRowMarkup}); the rows the site build wrote
 * into the page for the default state are taken over as they are.
 */
final class ClassRows {
    private final HTMLElement container;
    private final Editor editor;
    private final List<Row> rows = new ArrayList<>();
    private final NearRows nearRows = new NearRows();

    /** Takes over the rows the build wrote, so that their controls answer from the start. */
    ClassRows(HTMLElement container, Editor editor) {
        this.container = container;
        this.editor = editor;
        while (rows.size() < container.getChildNodes().getLength()) {
            adopt();
        }
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
        if (rows.size() < k) {
            StringBuilder added = new StringBuilder();
            for (int i = rows.size(); i < k; i++) {
                added.append(ClassRowMarkup.row(frame, i));
            }
            Dom.appendHtml(container, added.toString());
            while (rows.size() < k) {
                adopt();
            }
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

    /** Takes over the container's next row, written by the build or just now. */
    private void adopt() {
        Row row = new Row(rows.size());
        rows.add(row);
        nearRows.watch(row.element);
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
            target = Dom.byId("target" + n, HTMLInputElement.class);
            name = Dom.byId("name" + n, HTMLInputElement.class);
            element = (HTMLElement) target.getParentNode().getParentNode();
            logit = new LogitControl(Dom.byId("z" + n + "-slider", HTMLInputElement.class),
                    Dom.byId("z" + n, HTMLInputElement.class), () -> index, editor);
            target.addEventListener("change", e -> editor.edit(target, s -> s.with(Fields.TARGET, index)));
            name.onInput(e -> editor.setItem(name, Fields.NAMES, index, name.getValue()));
        }

        void show(State state, double probability, Messages words) {
            String className = state.name(index);
            Dom.checked(target, state.get(Fields.TARGET) == index);
            Dom.attribute(target, "aria-label", ClassRowMarkup.trueLabel(words, className));
            Dom.attribute(name, "aria-label", ClassRowMarkup.nameLabel(words, index));
            Dom.value(name, className);
            logit.render(state, probability, words);
        }
    }
}
