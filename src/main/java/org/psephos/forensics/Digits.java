package org.psephos.forensics;

/**
 * Decimal digits of non-negative counts, without going through strings. Package-private helper of the digit tests.
 */
final class Digits {
    /** Counts below this have a single digit: their last digit is also their first. */
    static final int TWO_DIGITS = 10;

    private Digits() {
    }

    /** @param count a non-negative count @return its last decimal digit */
    static int last(int count) {
        return count % 10;
    }

    /** @param count a count of at least 10 @return its penultimate decimal digit */
    static int penultimate(int count) {
        return (count / 10) % 10;
    }

    /**
     * @param count a non-negative count
     * @return its second digit from the left, or -1 if it has fewer than two digits (EFToolkit's
     *         {@code SecondDigitGetter} returns NA there)
     */
    static int second(int count) {
        if (count < TWO_DIGITS) {
            return -1;
        }
        int c = count;
        while (c >= 100) {
            c /= 10;
        }
        return c % 10;
    }

    /** @param counts counts @return how many have at least two digits */
    static int twoDigitCount(int[] counts) {
        int n = 0;
        for (int c : counts) {
            if (c >= TWO_DIGITS) {
                n++;
            }
        }
        return n;
    }

    /**
     * @param counts counts
     * @param min    the smallest count kept
     * @return the counts of at least {@code min}, in order
     */
    static int[] atLeast(int[] counts, int min) {
        int n = 0;
        for (int c : counts) {
            if (c >= min) {
                n++;
            }
        }
        int[] out = new int[n];
        int k = 0;
        for (int c : counts) {
            if (c >= min) {
                out[k++] = c;
            }
        }
        return out;
    }

    /**
     * @param counts   counts
     * @param minCount the smallest count kept
     * @return the last digits of the counts of at least {@code minCount}, as doubles, in order
     */
    static double[] lastDigits(int[] counts, int minCount) {
        int[] kept = atLeast(counts, minCount);
        double[] d = new double[kept.length];
        for (int i = 0; i < kept.length; i++) {
            d[i] = last(kept[i]);
        }
        return d;
    }

    /**
     * @param counts   counts
     * @param minCount the smallest count used
     * @return per count its last digit, or -1 if it is below {@code minCount}
     */
    static byte[] lastDigitsOrNone(int[] counts, int minCount) {
        byte[] d = new byte[counts.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = counts[i] >= minCount ? (byte) last(counts[i]) : -1;
        }
        return d;
    }

    /** @param digit a digit @return 1 if it is 0 or 5, else 0 */
    static double zeroOrFive(int digit) {
        return digit == 0 || digit == 5 ? 1.0 : 0.0;
    }

    /** @param minCount a smallest count kept @return it @throws IllegalArgumentException if it is negative */
    static int checkMinCount(int minCount) {
        if (minCount < 0) {
            throw new IllegalArgumentException("minimum count is negative: " + minCount);
        }
        return minCount;
    }

    /**
     * @param minCounts the fewest usable counts
     * @return it
     * @throws IllegalArgumentException if it is not positive
     */
    static int checkMinCounts(int minCounts) {
        if (minCounts < 1) {
            throw new IllegalArgumentException("minimum counts is not positive: " + minCounts);
        }
        return minCounts;
    }
}
