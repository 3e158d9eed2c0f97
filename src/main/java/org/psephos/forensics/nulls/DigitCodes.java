package org.psephos.forensics.nulls;

/**
 * The decimal digits the digit tests read, as one small code per count, tabulated for counts below 2^16: a
 * statistic recomputed on a million replicate counts pays one table look-up per count instead of divisions, and
 * can count codes in one histogram of {@link #CODES} slots and read every digit statistic off it afterwards
 * ({@link DigitHistogram}).
 *
 * <p>code = last + 11·(penultimate + 11·second), each digit in 0..9 or {@link #NO_DIGIT} (10) where the count has
 * fewer than two digits (for the penultimate and second digits) or is missing (negative: all three). Counts of
 * 2^16 or more are coded on the fly. Stateless.
 *
 * @since 0.1
 */
public final class DigitCodes {
    /** The digit value meaning "no such digit". */
    public static final int NO_DIGIT = 10;
    /** The number of distinct codes: codes are in [0, CODES). */
    public static final int CODES = 11 * 11 * 11;
    /** The code of a missing (negative) count. */
    public static final int NONE = CODES - 1;
    private static final char[] TABLE = new char[1 << 16];

    static {
        for (int c = 0; c < TABLE.length; c++) {
            TABLE[c] = (char) compute(c);
        }
    }

    private DigitCodes() {
    }

    /** @param count a count @return its code */
    public static int code(int count) {
        if (count < 0) {
            return NONE;
        }
        return count < TABLE.length ? TABLE[count] : compute(count);
    }

    private static int compute(int count) {
        int last = count % 10;
        if (count < 10) {
            return last + 11 * (NO_DIGIT + 11 * NO_DIGIT);
        }
        int c = count;
        while (c >= 100) {
            c /= 10;
        }
        return last + 11 * ((count / 10) % 10 + 11 * (c % 10));
    }

    /** @param code a code @return the last digit, or {@link #NO_DIGIT} for a missing count */
    public static int last(int code) {
        return code % 11;
    }

    /** @param code a code @return the penultimate digit, or {@link #NO_DIGIT} */
    public static int penultimate(int code) {
        return code / 11 % 11;
    }

    /** @param code a code @return the second digit from the left, or {@link #NO_DIGIT} */
    public static int second(int code) {
        return code / 121;
    }
}
