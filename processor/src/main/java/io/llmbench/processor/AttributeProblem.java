package io.llmbench.processor;

/**
 * A rule broken by one attribute value.
 *
 * @param message the full message, from {@link ErrorMessages}
 * @param elementIndex the index of the offending element of an array value, or {@link #WHOLE_VALUE}
 */
record AttributeProblem(String message, int elementIndex) {

    /** The problem is with the value as a whole, not with one element of it. */
    static final int WHOLE_VALUE = -1;

    static AttributeProblem whole(String template, Object... args) {
        return new AttributeProblem(String.format(template, args), WHOLE_VALUE);
    }

    static AttributeProblem atElement(int index, String template, Object... args) {
        return new AttributeProblem(String.format(template, args), index);
    }
}
