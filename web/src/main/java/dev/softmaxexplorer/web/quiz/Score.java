package dev.softmaxexplorer.web.quiz;

/**
 * An attempt at the quiz, as a learning management system records it: a percentage from 0 to 100
 * (what gradebooks expect of a SCORM 1.2 raw score) and whether it reaches the mastery threshold.
 *
 * @param right the questions whose first answer in the attempt was right
 * @param total the questions in the quiz
 */
public record Score(int right, int total) {
    /** Passed from 80 %: with the quiz's seven questions, six right (86 %) pass and five (71 %) do not. */
    public static final int MASTERY_PERCENT = 80;

    public Score {
        if (total < 1 || right < 0 || right > total) {
            throw new IllegalArgumentException("a score needs 0 <= right <= total and total >= 1: right " + right
                    + ", total " + total);
        }
    }

    /** The share right, in percent, rounded to the nearest whole number (a half up). */
    public int percent() {
        return (200 * right + total) / (2 * total);
    }

    public boolean passed() {
        return percent() >= MASTERY_PERCENT;
    }
}
