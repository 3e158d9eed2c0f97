package org.psephos.forensics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.psephos.data.Election;
import org.psephos.simulation.RandomStreams;

class FingerprintTest {

    /*
     * Five units, hand-computed (share base = valid + invalid = ballots here):
     *   unit  N     B    W    turnout  share   2-D bin (1%)  1-D turnout bin (0.1%)  1-D share bin
     *   0     100   50   25   50.0     50.0    (50, 50)      500                     500
     *   1     200   101  50   50.5     49.50.. (50, 49)      505                     495
     *   2     1000  999  999  99.9     100.0   (99, 99)      999                     1000
     *   3     300   100  33   33.33..  33.0    (33, 33)      333                     330
     *   4     0     0    0    skipped (no registered voters)
     */
    private static Election tiny() {
        int[] n = {100, 200, 1000, 300, 0};
        int[] b = {50, 101, 999, 100, 0};
        int[] w = {25, 50, 999, 33, 0};
        int[] other = new int[5];
        for (int i = 0; i < 5; i++) {
            other[i] = b[i] - w[i];
        }
        return Election.builder("tiny").registered(n).ballots(b).valid(b).invalid(new int[5]).option("L", w)
                .option("O", other).leader(0).build();
    }

    @Test
    void gridCountsUnitsInHandComputedCells() {
        Fingerprint.Grid g = Fingerprint.withDefaults().grid(tiny());
        assertEquals(100, g.bins());
        assertEquals(4, g.units());
        assertEquals(1, g.skipped());
        assertEquals(1.0, g.cell(50, 50));
        assertEquals(1.0, g.cell(50, 49));
        assertEquals(1.0, g.cell(99, 99)); // 100% falls in the last, closed bin
        assertEquals(1.0, g.cell(33, 33));
        assertEquals(4.0, g.total());
        assertEquals("L", g.leader());
    }

    @Test
    void gridWeightsByVotersAndHonoursTheBinWidth() {
        Fingerprint.Grid g = Fingerprint.withDefaults().withBinWidth(5).withWeighting(
                Fingerprint.Weighting.REGISTERED).grid(tiny());
        assertEquals(20, g.bins());
        assertEquals(100.0, g.cell(10, 10)); // unit 0 (50, 50): 100 voters
        assertEquals(200.0, g.cell(10, 9)); // unit 1 (50.5, 49.5): 200 voters
        assertEquals(1000.0, g.cell(19, 19));
        assertEquals(300.0, g.cell(6, 6));
        assertEquals(1600.0, g.total());
        assertThrows(IllegalArgumentException.class, () -> Fingerprint.withDefaults().withBinWidth(3));
        assertThrows(IllegalArgumentException.class, () -> Fingerprint.withDefaults().withBinWidth(0));
    }

    @Test
    void fineHistogramsAreCentredOnMultiplesOfTheBinWidth() {
        Fingerprint.Histogram t = Fingerprint.withDefaults().turnoutHistogram(tiny());
        assertEquals(1001, t.bins());
        assertEquals(50.0, t.centre(500), 1e-12);
        double[] expected = new double[1001];
        expected[500] = 1;
        expected[505] = 1;
        expected[999] = 1;
        expected[333] = 1;
        assertArrayEquals(expected, t.weights());
        Fingerprint.Histogram s = Fingerprint.withDefaults().withWeighting(Fingerprint.Weighting.BALLOTS)
                .shareHistogram(tiny());
        assertEquals(50.0, s.weight(500));
        assertEquals(101.0, s.weight(495)); // 50 / 101 = 49.50...%
        assertEquals(999.0, s.weight(1000));
        assertEquals(100.0, s.weight(330));
        assertEquals("leader_share", s.variable());
    }

    /**
     * Units with more leader votes than their share base (a share above 100%) or than registered voters are skipped
     * and counted, like units with more ballots than registered voters: before the fix the first were clamped into
     * the top share bin and the second plotted as if consistent.
     */
    @Test
    void unitsWithMoreVotesThanPossibleAreSkippedNotClamped() {
        // unit 0 consistent (60%, 50%); unit 1: 70 leader votes of a valid base of 50 (share 140%);
        // unit 2: 150 leader votes with 100 registered (a base of 200 found: share 75%, turnout 100%)
        int[] n = {100, 100, 100};
        int[] b = {60, 80, 100};
        int[] valid = {60, 50, 200};
        int[] w = {30, 70, 150};
        int[] other = {30, 10, 50};
        Election e = Election.builder("impossible").registered(n).ballots(b).valid(valid).invalid(new int[3])
                .option("L", w).option("O", other).leader(0).build();
        Fingerprint.Grid g = Fingerprint.withDefaults().grid(e);
        assertEquals(1, g.units());
        assertEquals(2, g.skipped());
        assertEquals(1.0, g.total());
        assertEquals(1.0, g.cell(60, 50));
        assertEquals(0.0, g.cell(80, 99), "share 140% is not clamped into the top bin");
        assertEquals(0.0, g.cell(99, 75));
        Fingerprint.Histogram s = Fingerprint.withDefaults().shareHistogram(e);
        assertEquals(0.0, s.weight(1000));
        assertEquals(2, s.skipped());
    }

    @Test
    void valuesOnBinEdgesGoToTheUpperBinExactly() {
        // 167 / 400 = 41.75%: the edge between the bins centred on 41.7 and 41.8; 4345 / 10000 = 43.45% likewise
        int[] n = {400, 10000};
        int[] b = {167, 4345};
        Election e = Election.builder("edges").registered(n).ballots(b).option("L", b).build();
        Fingerprint.Histogram t = Fingerprint.withDefaults().turnoutHistogram(e);
        assertEquals(1.0, t.weight(418));
        assertEquals(0.0, t.weight(417));
        assertEquals(1.0, t.weight(435));
        assertEquals(0.0, t.weight(434));
        Fingerprint.Grid g = Fingerprint.withDefaults().withBinWidth(0.25).grid(e);
        assertEquals(1.0, g.cell(167, 399)); // 41.75% starts the 0.25%-bin [41.75, 42); 100% is in the last bin
    }

    @Test
    void noiseIsSeededAndSpreadsSimpleFractions() {
        // 2,000 units of 7 voters with 3 ballots: 42.857...% each without noise
        int[] n = new int[2000];
        int[] b = new int[2000];
        java.util.Arrays.fill(n, 7);
        java.util.Arrays.fill(b, 3);
        Election e = Election.builder("fractions").registered(n).ballots(b).option("L", b).build();
        Fingerprint plain = Fingerprint.withDefaults();
        assertEquals(2000.0, plain.turnoutHistogram(e).weight(429));
        Fingerprint noisy = plain.withNoise(RandomStreams.seeded(5));
        Fingerprint.Histogram h1 = noisy.turnoutHistogram(e);
        Fingerprint.Histogram h2 = plain.withNoise(RandomStreams.seeded(5)).turnoutHistogram(e);
        assertArrayEquals(h1.weights(), h2.weights());
        assertTrue(h1.weight(429) < 50, "noise spreads the spike: " + h1.weight(429));
        // 3 ± 0.5 of 7 spans 35.7%..50%
        double inRange = 0;
        for (int k = 357; k <= 500; k++) {
            inRange += h1.weight(k);
        }
        assertEquals(2000.0, inRange);
        assertNotEquals(h1, plain.withNoise(RandomStreams.seeded(6)).turnoutHistogram(e));
    }

    @Test
    void csvFilesHoldEveryBin(@TempDir Path dir) throws Exception {
        Path grid = dir.resolve("fp.csv");
        Fingerprint.withDefaults().grid(tiny()).writeCsv(grid);
        List<String> lines = Files.readAllLines(grid);
        assertEquals("turnout_low,turnout_high,share_low,share_high,weight", lines.get(0));
        assertEquals(1 + 100 * 100, lines.size());
        assertTrue(lines.contains("50,51,50,51,1"));
        Path hist = dir.resolve("t.csv");
        Fingerprint.withDefaults().turnoutHistogram(tiny()).writeCsv(hist);
        List<String> h = Files.readAllLines(hist);
        assertEquals("bin_low,bin_high,centre,weight", h.get(0));
        assertEquals("-0.05,0.05,0,0", h.get(1));
        assertEquals("49.95,50.05,50,1", h.get(501));
        assertEquals(1002, h.size());
        try (var s = Files.list(dir)) {
            assertEquals(2, s.count(), "no temporary files are left behind");
        }
    }
}
