package org.psephos.forensics.nulls;

/**
 * The digit histograms of one count variable, from which every digit test's statistic follows: the plug of the
 * digit tests into the resampling null.
 *
 * <p>Values, by index:
 * <ul>
 *   <li>[{@link #SECOND} + d], d = 0..9: how many counts of at least 10 have second digit d (2BL's mean,
 *       Mebane's second-digit chi-square; Mebane 2006);</li>
 *   <li>[{@link #LAST} + d]: how many counts of at least {@code minLastCount} have last digit d (LastC, C05s,
 *       the last-digit chi-square; Beber and Scacco 2012, Political Analysis 20(2), doi:10.1093/pan/mps003);</li>
 *   <li>[{@link #REPEATS}], [{@link #ADJACENT}], [{@link #ADJACENT_WRAP}], [{@link #PAIRS}]: among counts of at
 *       least {@code minPairCount} (never below 10), those whose last two digits are equal, differ by 1, differ by
 *       1 or 9 (0 and 9 adjacent), and all of them (Beber and Scacco's repeated, adjacent and distant pairs;
 *       distant = pairs − repeats − adjacent).</li>
 * </ul>
 * Missing counts are skipped. The variable is an option index or −1 for turnout (ballots). Immutable.
 *
 * @param variable     option index, or −1 for the ballots
 * @param minLastCount smallest count whose last digit is counted, at least 0
 * @param minPairCount smallest count whose last two digits are counted (raised to 10)
 * @since 0.1
 */
public record DigitHistogram(int variable, int minLastCount, int minPairCount) implements NullStatistic {
    /** Index of the second-digit histogram. */
    public static final int SECOND = 0;
    /** Index of the last-digit histogram. */
    public static final int LAST = 10;
    /** Index of the repeated-pair count. */
    public static final int REPEATS = 20;
    /** Index of the adjacent-pair count (no wrap-around). */
    public static final int ADJACENT = 21;
    /** Index of the adjacent-pair count with 0 and 9 adjacent. */
    public static final int ADJACENT_WRAP = 22;
    /** Index of the number of pairs. */
    public static final int PAIRS = 23;
    private static final int WIDTH = 24;

    /** @throws IllegalArgumentException if variable is below −1 or minLastCount is negative */
    public DigitHistogram {
        if (variable < -1) {
            throw new IllegalArgumentException("variable is not an option index or -1: " + variable);
        }
        if (minLastCount < 0) {
            throw new IllegalArgumentException("minimum count is negative: " + minLastCount);
        }
        minPairCount = Math.max(10, minPairCount);
    }

    /**
     * @param variable an option index, or −1 for turnout
     * @return the histograms with every count's last digit and the pairs of counts of at least 10 (EFToolkit's and
     *         Beber and Scacco's defaults)
     */
    public static DigitHistogram of(int variable) {
        return new DigitHistogram(variable, 0, 10);
    }

    @Override
    public int width() {
        return WIDTH;
    }

    @Override
    public Accumulator accumulator(int units) {
        return new Acc();
    }

    /*
     * Implementation note. Per count: one table look-up (DigitCodes) and one increment of a histogram over (digit
     * code, count >= minLastCount, count >= minPairCount), 4 x 1331 ints (21 KB, in L1), with no branch; the digit
     * statistics are read off that histogram in finish, once per election.
     */
    private final class Acc implements Accumulator {
        private final int[] hist = new int[4 * DigitCodes.CODES];

        @Override
        public void start() {
            java.util.Arrays.fill(hist, 0);
        }

        @Override
        public void add(UnitChunk chunk) {
            int[] counts = chunk.counts(variable);
            int len = chunk.length();
            int[] h = hist;
            int minLast = minLastCount;
            int minPair = minPairCount;
            for (int i = 0; i < len; i++) {
                int x = counts[i];
                int slot = (x >= minLast ? 1 : 0) + (x >= minPair ? 2 : 0);
                h[slot * DigitCodes.CODES + DigitCodes.code(x)]++;
            }
        }

        @Override
        public void finish(double[] out, int offset) {
            java.util.Arrays.fill(out, offset, offset + WIDTH, 0);
            for (int slot = 0; slot < 4; slot++) {
                for (int code = 0; code < DigitCodes.CODES; code++) {
                    int n = hist[slot * DigitCodes.CODES + code];
                    if (n == 0) {
                        continue;
                    }
                    int last = DigitCodes.last(code);
                    int pen = DigitCodes.penultimate(code);
                    int second = DigitCodes.second(code);
                    if (second < 10) {
                        out[offset + SECOND + second] += n;
                    }
                    if ((slot & 1) != 0) {
                        out[offset + LAST + last] += n;
                    }
                    if ((slot & 2) != 0) {
                        int a = Math.abs(pen - last);
                        out[offset + REPEATS] += a == 0 ? n : 0;
                        out[offset + ADJACENT] += a == 1 ? n : 0;
                        out[offset + ADJACENT_WRAP] += a == 1 || a == 9 ? n : 0;
                        out[offset + PAIRS] += n;
                    }
                }
            }
        }
    }
}
