package org.psephos.forensics.nulls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.psephos.data.Election;
import org.psephos.data.Grouping;
import org.psephos.simulation.Progress;

/**
 * The clean-twin model on elections whose generating parameters are known ({@link TwinElections}: 40,000 units,
 * 40 regions with logit sd 0.4, logit-normal turnout (0.65, sd 0.35) and support (0.6, sd 0.4), size slopes −0.3
 * and 0.2). Tolerances come from {@link TwinFitStudy} over data seeds 100–109 (mean ± sd [min, max], default
 * options):
 * <pre>
 *   clean        turnout sd 0.351±0.010 [0.336, 0.371]  slope −0.306±0.004  region rmse 0.059 [0.047, 0.081]
 *                support sd 0.402±0.006 [0.394, 0.412]  slope  0.205±0.003  region rmse 0.067 [0.058, 0.090]
 *   Klimek 0.3   turnout sd 0.363 [0.352, 0.376], support sd 0.423 [0.413, 0.441]; rule ALL: 0.548, 0.552
 *   R07 stuffed  R07's turnout centre: data +2.7 above its clean truth, twins +1.38±0.37 [0.97, 2.06]
 * </pre>
 * Each assertion allows the study's extreme plus a margin, so it fails when the fit absorbs fraud or misses a
 * generating parameter, not on an unlucky seed. Cannot detect: errors smaller than those margins.
 */
class CleanTwinsTest {
    private static final long SEED = 100;

    private static double logit(double p) {
        return Math.log(p / (1 - p));
    }

    @Test
    void fitRecoversTheGeneratingParameters() {
        Election e = TwinElections.clean(SEED);
        double[][] truth = TwinElections.regionCentres(SEED);
        TwinModel m = TwinModel.fit(e, "region", TwinOptions.defaults());
        TwinModel.Component t = m.turnout();
        TwinModel.Component v = m.leader();
        assertEquals(TwinElections.TURNOUT_SD, TwinFitStudy.median(t.sd()), 0.04, "turnout latent sd");
        assertEquals(TwinElections.SUPPORT_SD, TwinFitStudy.median(v.sd()), 0.04, "support latent sd");
        assertEquals(TwinElections.SIZE_TURNOUT, t.slope(), 0.03, "turnout size slope");
        assertEquals(TwinElections.SIZE_SUPPORT, v.slope(), 0.03, "support size slope");
        assertTrue(TwinFitStudy.rmse(t.centre(), truth[0]) < 0.12, "turnout region centres");
        assertTrue(TwinFitStudy.rmse(v.centre(), truth[1]) < 0.12, "support region centres");
        // τ from 40 region medians has sd about 0.085 (study); the realised spread of the centres is the target.
        assertEquals(TwinFitStudy.sd(truth[0]), t.tau(), 0.25, "between-region sd, turnout");
        assertEquals(TwinFitStudy.sd(truth[1]), v.tau(), 0.25, "between-region sd, support");
        assertEquals(0.012, 1 / (1 + Math.exp(-TwinFitStudy.median(m.invalid().centre()))), 0.002, "invalid rate");
        assertEquals(0, m.unfoundRate()[0], 0, "every ballot is found in a simulated election");
    }

    @Test
    void klimekFraudIsNotAbsorbedByTheDefaultFit() {
        Election e = TwinElections.klimek(SEED, 0.3);
        double[][] truth = TwinElections.regionCentres(SEED);
        TwinModel m = TwinModel.fit(e, "region", TwinOptions.defaults());
        TwinModel naive = TwinModel.fit(e, "region", TwinOptions.defaults().withTail(TwinOptions.TailRule.ALL));
        assertTrue(TwinFitStudy.median(m.turnout().sd()) < 0.40, "turnout sd " + TwinFitStudy.median(m.turnout().sd()));
        assertTrue(TwinFitStudy.median(m.leader().sd()) < 0.47, "support sd " + TwinFitStudy.median(m.leader().sd()));
        assertTrue(TwinFitStudy.rmse(m.turnout().centre(), truth[0]) < 0.13, "turnout centres");
        assertTrue(TwinFitStudy.rmse(m.leader().centre(), truth[1]) < 0.15, "support centres");
        // The naive fit takes the fraud in: spreads above 0.5 (study minimum 0.538), centres off by 0.15 or more.
        assertTrue(TwinFitStudy.median(naive.turnout().sd()) > 0.5, "naive turnout sd");
        assertTrue(TwinFitStudy.median(naive.leader().sd()) > 0.5, "naive support sd");
        assertTrue(TwinFitStudy.rmse(naive.turnout().centre(), truth[0]) > 0.15, "naive turnout centres");
    }

    @Test
    void aRegionStuffedAsAWholeIsNotItsOwnNormal() {
        Election clean = TwinElections.clean(SEED);
        Election stuffed = TwinElections.stuffRegion(clean, "R07");
        double[][] truth = TwinElections.regionCentres(SEED);
        CleanTwins twins = CleanTwins.of(stuffed, "region", TwinOptions.defaults());
        TwinModel.Component t = twins.model().turnout();
        assertTrue(t.rawCentre()[6] - truth[0][6] > 2, "the data: R07's turnout far above its clean centre");
        assertTrue(t.clipped()[6], "R07 clipped");
        assertTrue(t.centre()[6] < t.rawCentre()[6] - 1, "R07's twin centre " + t.centre()[6] + ", data "
                + t.rawCentre()[6]);
        double[] others = new double[39];
        double[] othersTruth = new double[39];
        for (int r = 0, k = 0; r < 40; r++) {
            if (r != 6) {
                others[k] = t.centre()[r];
                othersTruth[k++] = truth[0][r];
            }
        }
        assertTrue(TwinFitStudy.rmse(others, othersTruth) < 0.12, "the other regions keep their fit");
        // In the data every unit of R07 votes above 90%; in its twins almost none (2 of 1,000 at this seed: the
        // clipped centre is about expit(1.3) = 0.79).
        Election twin = twins.election(1, 0);
        Grouping g = twin.grouping("region").orElseThrow();
        int[] high = new int[2];
        int n = 0;
        for (int i = 0; i < twin.size(); i++) {
            if (g.label(i).equals("R07")) {
                n++;
                high[0] += stuffed.ballots(i) > 0.9 * stuffed.registered(i) ? 1 : 0;
                high[1] += twin.ballots(i) > 0.9 * twin.registered(i) ? 1 : 0;
            }
        }
        assertTrue(high[0] > 0.95 * n, "data");
        assertTrue(high[1] < 0.1 * n, "twins: " + high[1] + " of " + n + " units of R07 above 90%");
    }

    @Test
    void twinsKeepUnitsAndGroupsAndAreTheSameForAnyThreadCount() {
        Election e = Simulated.clean(3_000, 5);
        CleanTwins twins = CleanTwins.of(e, "region", TwinOptions.defaults());
        UnitCounts all = new UnitCounts(e.size(), e.optionCount());
        List<NullDistribution> one = NullRunner.run(twins, List.of(all), 11, 9, 1, Progress.NONE);
        List<NullDistribution> three = NullRunner.run(twins, List.of(all), 11, 9, 3, Progress.NONE);
        int fields = all.fields();
        for (int v = 0; v < all.width(); v++) {
            assertArrayEquals(one.get(0).values(v), three.get(0).values(v));
        }
        for (int r : new int[] {0, 9}) {
            Election twin = twins.election(9, r);
            assertArrayEquals(e.registeredColumn(), twin.registeredColumn());
            assertEquals(e.grouping("region").orElseThrow().label(2999), twin.grouping("region").orElseThrow().label(2999));
            assertEquals(e.options(), twin.options());
            for (int i = 0; i < e.size(); i++) {
                assertEquals(twin.ballots(i), one.get(0).values(i * fields)[r], 0, "ballots of unit " + i);
                assertEquals(twin.votes(1, i), one.get(0).values(i * fields + 2)[r], 0, "option 2 of unit " + i);
                int sum = 0;
                for (int k = 0; k < twin.optionCount(); k++) {
                    sum += twin.votes(k, i);
                }
                assertEquals(twin.valid(i), sum, "valid = the options' votes, as in the data");
                assertTrue(twin.ballots(i) <= twin.registered(i) && twin.valid(i) + twin.invalid(i) <= twin.ballots(i));
            }
        }
    }

    @Test
    void twinsHaveTheDataTurnoutDistributionOnACleanElection() {
        // Mean and sd of unit turnout over 20 twins against the data's: the latent spread plus the binomial noise
        // the twins add back. Tolerances: 0.005 on the mean (se of a mean of 40,000 units ~0.001) and 4% on the sd
        // (fit error of the spread, study: ±3%). At this seed: data 0.6504, sd 0.1260; twins 0.6513–0.6519,
        // 0.1244–0.1250.
        Election e = TwinElections.clean(SEED + 1);
        CleanTwins twins = CleanTwins.of(e, "region", TwinOptions.defaults());
        double[] data = turnoutMoments(e);
        for (int r = 0; r < 3; r++) {
            double[] twin = turnoutMoments(twins.election(4, r));
            assertEquals(data[0], twin[0], 0.005, "mean turnout");
            assertEquals(data[1], twin[1], 0.04 * data[1], "sd of turnout");
        }
        assertTrue(logit(data[0]) > 0, "sanity");
    }

    @Test
    void withFewGroupsEachKeepsItsOwnCentre() {
        // An urban (40%, logit turnout -0.8, support -0.7, twice the voters) and a rural population, no regions:
        // by settlement, two groups, too few for a between-group spread; each keeps its fit, and the twins keep
        // the data's mean turnout (0.01: the mode of each population against its mean, about 0.003 here).
        org.psephos.simulation.ElectorateModel m = new org.psephos.simulation.ElectorateModel(20_000,
                new org.psephos.simulation.SizeDistribution.LogNormal(6.8, 0.5), 1, 0, 0,
                new org.psephos.simulation.ProportionDistribution(
                        org.psephos.simulation.ProportionDistribution.Shape.LOGIT_NORMAL, 0.65, 0.3),
                new org.psephos.simulation.ProportionDistribution(
                        org.psephos.simulation.ProportionDistribution.Shape.LOGIT_NORMAL, 0.6, 0.3), 3, 20, 0.01,
                org.psephos.simulation.Heterogeneity.NONE.withUrban(0.4, -0.8, -0.7, 2));
        Election e = Simulated.election(m, 3);
        CleanTwins twins = CleanTwins.of(e, "settlement", TwinOptions.defaults());
        TwinModel.Component t = twins.model().turnout();
        for (int g = 0; g < 2; g++) {
            assertEquals(t.rawCentre()[g], t.centre()[g], 1e-12, "group " + g + " keeps its centre");
        }
        assertEquals(0.8, Math.abs(t.centre()[0] - t.centre()[1]), 0.1, "the two populations' centres");
        assertEquals(turnoutMoments(e)[0], turnoutMoments(twins.election(2, 0))[0], 0.01, "mean turnout");
    }

    private static double[] turnoutMoments(Election e) {
        double s = 0;
        double ss = 0;
        for (int i = 0; i < e.size(); i++) {
            double t = (double) e.ballots(i) / e.registered(i);
            s += t;
            ss += t * t;
        }
        double m = s / e.size();
        return new double[] {m, Math.sqrt(ss / e.size() - m * m)};
    }
}
