package org.psephos.forensics;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The full outcome of {@link IntegerPercentTest}: the stations included, the integer counts and the twelve
 * statistics (three variants × four weightings), each against its Monte Carlo null. Immutable.
 *
 * @param includedUnits  stations passing the inclusion rules
 * @param turnoutInteger stations with integer turnout
 * @param leaderInteger  stations with an integer leader's result
 * @param period         the period P
 * @param replicates     the MC replicates
 * @param seed           the run seed
 * @param statistics     the twelve statistics, indexed [variant][weighting] as {@link IntegerPercentTest#VARIANTS}
 *                       and {@link IntegerPercentTest#WEIGHTINGS}
 * @since 0.1
 */
public record IntegerPercentResult(int includedUnits, long turnoutInteger, long leaderInteger, int period,
                                   int replicates, long seed, IntegerPercentResult.Statistic[][] statistics) {
    /**
     * One of the twelve statistics against its Monte Carlo null.
     *
     * @param observed     the statistic on the data
     * @param expectedMean the MC mean
     * @param expectedSd   the MC standard deviation (divisor replicates − 1; replicates under Kobak et al.'s
     *                     conventions, as numpy's {@code std})
     * @param p999         the MC 99.9th percentile (linear interpolation, as numpy's default)
     * @param pValue       (1 + #MC ≥ observed) / (1 + replicates)
     */
    public record Statistic(long observed, double expectedMean, double expectedSd, double p999, double pValue) {
        /** @return observed − MC mean */
        public double excess() {
            return observed - expectedMean;
        }

        /** @return whether the observed value exceeds the MC 99.9th percentile */
        public boolean flag() {
            return observed > p999;
        }

        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("observed", observed);
            m.put("expected_mean", expectedMean);
            m.put("expected_sd", expectedSd);
            m.put("excess", excess());
            m.put("p999", p999);
            m.put("p_value", pValue);
            return m;
        }
    }

    /** Copies the statistics. */
    public IntegerPercentResult {
        statistics = copy(statistics);
    }

    /** @return the statistics, copied */
    @Override
    public Statistic[][] statistics() {
        return copy(statistics);
    }

    static Statistic[][] copy(Statistic[][] s) {
        Statistic[][] c = new Statistic[s.length][];
        for (int v = 0; v < s.length; v++) {
            c[v] = s[v].clone();
        }
        return c;
    }

    /**
     * @param variant   "either", "leader" or "turnout"
     * @param weighting "stations", "registered", "ballots" or "leader_votes"
     * @return that statistic
     * @throws IllegalArgumentException if a name is unknown
     */
    public Statistic statistic(String variant, String weighting) {
        return statistics[index(IntegerPercentTest.VARIANTS, variant)][index(IntegerPercentTest.WEIGHTINGS, weighting)];
    }

    /** @return the unweighted "either" statistic, the test's headline */
    public Statistic headline() {
        return statistics[0][0];
    }

    /** @return the statistic at [variant][weighting] (no copy) */
    Statistic at(int variant, int weighting) {
        return statistics[variant][weighting];
    }

    private static int index(String[] names, String name) {
        int i = Arrays.asList(names).indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("'" + name + "' is not one of " + Arrays.toString(names));
        }
        return i;
    }
}
