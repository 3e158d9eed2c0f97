package org.psephos.forensics;

import java.util.ArrayList;
import java.util.List;
import org.psephos.data.Election;
import org.psephos.data.Grouping;

/**
 * Kobak, Shpilkin and Pshenichnikov's (2016, Ann. Appl. Stat. 10(1):54–73) regional screen, step 7 of their
 * procedure: per group, the turnout histogram at 0.1% resolution (bins {@code [c - 0.05, c + 0.05)} as numpy's
 * {@code histogram} with edges {@code arange(-0.05, 100.05, 0.1)}) and the anomaly \( \sum h[\text{integer bins}] -
 * \sum h[\text{half-integer bins}] \). Under a smooth turnout distribution the two sums are about equal, so the
 * anomaly is an excess of whole-percentage turnouts that needs no simulation. Only stations passing
 * {@link IntegerPercentTest}'s inclusion rules count. A descriptive screen: the cutoff is the analyst's, and the
 * per-group rows of {@link IntegerPercentTest} (which carry the screen's counts in their details under
 * {@code regional_screen}) give each group a p-value against a resampling null. Stateless.
 *
 * @since 0.1
 */
public final class KobakRegionalScreen {
    private KobakRegionalScreen() {
    }

    /**
     * One group's line.
     *
     * @param level           the group's label
     * @param stations        its stations passing the inclusion rules
     * @param integerBins     stations whose turnout falls in a 0.1-wide bin centred on a whole percentage
     * @param halfIntegerBins stations whose turnout falls in a 0.1-wide bin centred on a half percentage (x.5)
     * @param anomaly         integerBins − halfIntegerBins
     * @param flag            whether the anomaly exceeds the cutoff
     */
    public record Line(String level, int stations, long integerBins, long halfIntegerBins, long anomaly,
                       boolean flag) {
    }

    /**
     * @param election the units, with their leader
     * @param grouping the grouping, e.g. regions
     * @param cutoff   the anomaly above which a group is flagged
     * @return one line per group, in the grouping's label order
     */
    public static List<Line> screen(Election election, Grouping grouping, long cutoff) {
        int groups = grouping.levelCount();
        long[][] counts = new long[3][groups];
        for (int i = 0; i < election.size(); i++) {
            count(election, election.leader(), i, grouping.code(i), counts);
        }
        List<Line> out = new ArrayList<>(groups);
        for (int g = 0; g < groups; g++) {
            long a = counts[1][g] - counts[2][g];
            out.add(new Line(grouping.levels().get(g), (int) counts[0][g], counts[1][g], counts[2][g], a,
                    a > cutoff));
        }
        return out;
    }

    /**
     * The screen's counts over all the given units (one group's row).
     *
     * @param units  the units
     * @param option the option whose result the inclusion rules read (the test's leader)
     * @return the stations, integer bins and half-integer bins
     */
    static RoundNumberDetails.RegionalScreen counts(Election units, int option) {
        long[][] counts = new long[3][1];
        for (int i = 0; i < units.size(); i++) {
            count(units, option, i, 0, counts);
        }
        return new RoundNumberDetails.RegionalScreen(counts[0][0], counts[1][0], counts[2][0]);
    }

    /** Adds unit i, if included, to group g's counts {stations, integer bins, half-integer bins}. */
    private static void count(Election e, int leader, int i, int g, long[][] counts) {
        int n = e.registered(i);
        int b = e.ballots(i);
        int w = leader < 0 ? 0 : e.votes(leader, i);
        if (!IntegerPercentTest.included(n, b, e.shareDenominator(i), w)) {
            return;
        }
        counts[0][g]++;
        // bin centre c (in tenths of a percent) holds 1000 b / n in [c - 1/2, c + 1/2): c = floor(1000b/n + 1/2)
        int tenths = TurnoutBins.centredBin(b, n, 1000);
        if (tenths % 10 == 0) {
            counts[1][g]++;
        } else if (tenths % 10 == 5) {
            counts[2][g]++;
        }
    }
}
