package dev.softmaxexplorer.web;

import java.util.List;

/** The page's panels in drawing order; the one place a new view is registered. */
final class Panels {
    private Panels() {
    }

    static List<Panel> all(Editor editor) {
        return List.of(new Results(), new CodeView(editor), new QuizView(editor));
    }
}
