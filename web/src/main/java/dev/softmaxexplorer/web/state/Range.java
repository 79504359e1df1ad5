package dev.softmaxexplorer.web.state;

/**
 * The real numbers a {@link NumberField} accepts, described once for the exception a bad value
 * raises ("in (0, 1]"), for the message a person reads ("a number greater than 0 and at most 1")
 * and for the test itself.
 */
public enum Range {
    /** Any finite number: logits. */
    FINITE("finite", "input.requirement.finite"),
    /** Finite and greater than 0: the temperature, the learning rate. */
    POSITIVE("finite and > 0", "input.requirement.positive"),
    /** From 0 to 1: label smoothing. */
    ZERO_TO_ONE("in [0, 1]", "input.requirement.zero-to-one"),
    /** Greater than 0 and at most 1: top-p, where 1 is off. */
    ABOVE_ZERO_TO_ONE("in (0, 1]", "input.requirement.top-p");

    private final String description;
    private final Message requirement;

    Range(String description, String requirementKey) {
        this.description = description;
        this.requirement = new Message(requirementKey);
    }

    /** Whether x is in the range; never for NaN or an infinity. */
    public boolean contains(double x) {
        switch (this) {
            case POSITIVE:
                return x > 0 && x - x == 0;
            case ZERO_TO_ONE:
                return x >= 0 && x <= 1;
            case ABOVE_ZERO_TO_ONE:
                return x > 0 && x <= 1;
            default:
                return x - x == 0;
        }
    }

    /** The range as an exception message says it: "in [0, 1]". */
    String description() {
        return description;
    }

    /** The range as a person reads it, to complete "{field} must be ...". */
    Message requirement() {
        return requirement;
    }
}
