package dev.softmaxexplorer.web.quiz;

import dev.softmaxexplorer.web.text.Messages;
import java.util.List;

/**
 * One predict-then-reveal question, worded for one state: its prompt and choices may quote the
 * live numbers, and its explanation gives core's values for them.
 *
 * @param id a short stable name, used for element ids ("temperature", "shift", ...)
 * @param prompt the question
 * @param choices two to four answers, in the order shown
 * @param correct the index of the right answer in {@code choices}
 * @param explanation why, with the live numbers
 */
public record Question(String id, String prompt, List<String> choices, int correct, String explanation) {

    public Question {
        choices = List.copyOf(choices);
        if (choices.size() < 2 || choices.size() > 4 || correct < 0 || correct >= choices.size()) {
            throw new IllegalArgumentException("a question needs 2 to 4 choices and a correct index among them: "
                    + choices.size() + " choices, correct " + correct);
        }
    }

    /**
     * What the reveal region says after {@code chosen} was picked: whether it was right, the right
     * answer when it was not, then the explanation.
     *
     * @throws IllegalArgumentException if chosen is not an index of {@code choices}
     */
    public String reveal(int chosen, Messages words) {
        if (chosen < 0 || chosen >= choices.size()) {
            throw new IllegalArgumentException("chosen must be in [0, " + (choices.size() - 1) + "]: " + chosen);
        }
        return chosen == correct ? words.format("quiz.right", "explanation", explanation)
                : words.format("quiz.wrong", "answer", choices.get(correct), "explanation", explanation);
    }
}
