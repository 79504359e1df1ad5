package dev.softmaxexplorer.web.panel;

import dev.softmaxexplorer.web.browser.Dom;
import dev.softmaxexplorer.web.browser.LearningSystem;
import dev.softmaxexplorer.web.lesson.Tasks;
import dev.softmaxexplorer.web.page.Editor;
import dev.softmaxexplorer.web.page.Frame;
import dev.softmaxexplorer.web.page.Panel;
import dev.softmaxexplorer.web.state.Fields;
import dev.softmaxexplorer.web.state.Lesson;
import dev.softmaxexplorer.web.state.State;
import dev.softmaxexplorer.web.text.Messages;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * The lessons: one step at a time, its task, whether the state meets it (announced politely when
 * it changes) and, once met, what to notice. The step is in the state and so in the link; moving
 * to a step sets up the state it starts from ({@link Tasks#start}). Finishing the last step
 * completes the lessons for a learning management system.
 */
public final class LessonsPanel implements Panel {
    private final HTMLElement closed = Dom.byId("lesson-closed");
    private final HTMLElement step = Dom.byId("lesson-step");
    private final HTMLElement progress = Dom.byId("lesson-progress");
    private final HTMLElement task = Dom.byId("lesson-task");
    private final HTMLElement status = Dom.byId("lesson-status");
    private final HTMLElement previous = Dom.byId("lesson-previous");
    private final HTMLElement next = Dom.byId("lesson-next");
    private final HTMLElement theory = Dom.byId("lesson-theory");

    LessonsPanel(Editor editor, LearningSystem learning) {
        Dom.byId("lesson-start").addEventListener("click", e -> goTo(editor, 1));
        previous.addEventListener("click", e -> goTo(editor, editor.state().get(Fields.LESSON) - 1));
        next.addEventListener("click", e -> {
            int shown = editor.state().get(Fields.LESSON);
            if (shown == Lesson.values().length) {
                learning.lessonsFinished();
            }
            goTo(editor, shown + 1);
        });
        Dom.byId("lesson-close").addEventListener("click", e -> editor.edit(null, s -> s.with(Fields.LESSON, 0)));
        theory.addEventListener("click", e -> {
            int shown = editor.state().get(Fields.LESSON);
            if (shown > 0) {
                HTMLElement heading = Dom.byId(Lesson.numbered(shown).theoryId());
                // Not a '#' link: the page's hash is its state.
                heading.scrollIntoView();
                heading.focus();
            }
        });
    }

    /** Step {@code number}, set up as it starts; past the last step the lessons close. */
    private static void goTo(Editor editor, int number) {
        int steps = Lesson.values().length;
        editor.step(null, s -> number < 1 || number > steps ? s.with(Fields.LESSON, 0)
                : Tasks.start(Lesson.numbered(number), s).with(Fields.LESSON, number));
    }

    @Override
    public void render(Frame frame) {
        State state = frame.state();
        int number = state.get(Fields.LESSON);
        Dom.hidden(closed, number != 0);
        Dom.hidden(step, number == 0);
        if (number == 0) {
            Dom.text(status, "");
            return;
        }
        Messages words = frame.words();
        Lesson lesson = Lesson.numbered(number);
        String prefix = "lessons." + lesson.key();
        Dom.text(progress, words.format("lessons.progress", "n", Integer.toString(number),
                "total", Integer.toString(Lesson.values().length), "title", words.text(prefix + ".title")));
        Dom.text(task, words.text(prefix + ".task"));
        boolean done = Tasks.done(lesson, state, frame.exact(), frame.trace());
        Dom.text(status, done ? words.format("lessons.done", "notice", words.text(prefix + ".notice"))
                : words.text("lessons.not-yet"));
        Dom.attribute(step, "class", done ? "lesson-step done" : "lesson-step");
        Dom.hidden(previous, number == 1);
        boolean last = number == Lesson.values().length;
        Dom.text(next, words.text(last ? "lessons.finish" : done ? "lessons.next" : "lessons.skip"));
        Dom.text(theory, words.format("lessons.read", "section", Dom.byId(lesson.theoryId()).getTextContent()));
        // The theory is not part of an embedding.
        Dom.hidden(theory, state.get(Fields.EMBED));
    }
}
