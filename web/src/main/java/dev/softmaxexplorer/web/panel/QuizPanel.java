package dev.softmaxexplorer.web.panel;

import dev.softmaxexplorer.web.browser.Dom;
import dev.softmaxexplorer.web.browser.LearningSystem;
import dev.softmaxexplorer.web.page.Editor;
import dev.softmaxexplorer.web.page.Frame;
import dev.softmaxexplorer.web.page.Panel;
import dev.softmaxexplorer.web.quiz.Question;
import dev.softmaxexplorer.web.quiz.Quiz;
import dev.softmaxexplorer.web.quiz.Score;
import java.util.Arrays;
import java.util.List;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * "Predict, then reveal": renders {@link Quiz}'s questions for the current state and wires the
 * answer buttons. The chosen answers are the only thing kept here, and they are transient UI,
 * not part of the state or the link: a shared link should let the next person predict afresh.
 * The first answer to each question is the prediction: once every question has one, the attempt's
 * score goes to the learning management system; later answers explore, and "Reset quiz" begins a
 * new attempt.
 */
public final class QuizPanel implements Panel {
    private final Editor editor;
    private HTMLElement[] prompts;
    private HTMLElement[][] buttons;
    private HTMLElement[] reveals;
    private int[] chosen;
    /** Each question's first answer in this attempt, -1 while unanswered. */
    private int[] predicted;
    private final LearningSystem learning;

    QuizPanel(Editor editor, LearningSystem learning) {
        this.editor = editor;
        this.learning = learning;
        Dom.byId("quiz-reset").addEventListener("click", e -> {
            if (chosen != null) {
                Arrays.fill(chosen, -1);
                Arrays.fill(predicted, -1);
                show(editor.frame());
            }
        });
    }

    /** Builds the questions' elements on the first render, so that loading the page does not wait for them. */
    private void build(List<Question> questions) {
        int n = questions.size();
        prompts = new HTMLElement[n];
        buttons = new HTMLElement[n][];
        reveals = new HTMLElement[n];
        chosen = new int[n];
        Arrays.fill(chosen, -1);
        predicted = new int[n];
        Arrays.fill(predicted, -1);
        HTMLElement list = Dom.byId("quiz-questions");
        for (int q = 0; q < n; q++) {
            list.appendChild(build(q, questions.get(q)));
        }
    }

    private HTMLElement build(int q, Question question) {
        String id = "quiz-" + question.id();
        HTMLElement item = Dom.create("li", "question", null);
        prompts[q] = Dom.create("p", "prompt", null);
        prompts[q].setAttribute("id", id + "-prompt");
        HTMLElement group = Dom.create("div", "choices", null);
        group.setAttribute("role", "group");
        group.setAttribute("aria-labelledby", id + "-prompt");
        buttons[q] = new HTMLElement[question.choices().size()];
        for (int c = 0; c < buttons[q].length; c++) {
            HTMLElement button = Dom.create("button", "choice", null);
            button.setAttribute("type", "button");
            button.setAttribute("id", id + "-" + c);
            button.setAttribute("aria-pressed", "false");
            int answer = c;
            button.addEventListener("click", e -> {
                chosen[q] = answer;
                if (predicted[q] < 0) {
                    predicted[q] = answer;
                    score(editor.frame());
                }
                show(editor.frame());
            });
            buttons[q][c] = button;
            group.appendChild(button);
        }
        reveals[q] = Dom.create("p", "reveal", null);
        reveals[q].setAttribute("id", id + "-reveal");
        reveals[q].setAttribute("aria-live", "polite");
        item.appendChild(prompts[q]);
        item.appendChild(group);
        item.appendChild(reveals[q]);
        return item;
    }

    @Override
    public void render(Frame frame) {
        if (prompts == null) {
            build(Quiz.questions(frame.state(), frame.words()));
        }
        show(frame);
    }

    /** Reports the attempt once every question has its prediction. */
    private void score(Frame frame) {
        List<Question> questions = Quiz.questions(frame.state(), frame.words());
        int right = 0;
        for (int q = 0; q < questions.size(); q++) {
            if (predicted[q] < 0) {
                return;
            }
            right += predicted[q] == questions.get(q).correct() ? 1 : 0;
        }
        learning.quizAnswered(new Score(right, questions.size()));
    }

    private void show(Frame frame) {
        List<Question> questions = Quiz.questions(frame.state(), frame.words());
        for (int q = 0; q < questions.size(); q++) {
            Question question = questions.get(q);
            Dom.text(prompts[q], question.prompt());
            for (int c = 0; c < buttons[q].length; c++) {
                Dom.text(buttons[q][c], question.choices().get(c));
                Dom.attribute(buttons[q][c], "aria-pressed", chosen[q] == c ? "true" : "false");
            }
            boolean answered = chosen[q] >= 0;
            Dom.text(reveals[q], answered ? question.reveal(chosen[q], frame.words()) : "");
            Dom.attribute(reveals[q], "class", !answered ? "reveal" : chosen[q] == question.correct()
                    ? "reveal right" : "reveal wrong");
        }
    }
}
