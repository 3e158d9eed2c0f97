package org.psephos.forensics.nulls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.junit.jupiter.api.Test;
import org.psephos.data.Election;
import org.psephos.data.ShareBase;
import org.psephos.simulation.BinomialSampler;
import org.psephos.simulation.RandomStreams;

/**
 * The twins' turnout–support association ({@link TurnoutSupportSlope}) on elections whose slope is known: 20,000
 * units of about 900 registered voters, turnout logit 0.4 + 0.4 ε₁, the leader's logit 0.2 + γ·0.4 ε₁ + 0.3 ε₂.
 * Round trip: the fitted γ against the generating one, with and without stuffing above the clean peak (which
 * raises turnout and the leader together, the association fraud makes), and the twins' own association against
 * the data's. Tolerances: the slope of 2,000 bins-worth of units below the peak has a standard error near 0.02 at
 * these sizes; 0.06 is three of them.
 */
class TurnoutSupportSlopeTest {
    private static final int UNITS = 20_000;
    private static final TwinOptions ON = TwinOptions.defaults().withAssociation(true);

    /**
     * @param seed    data seed
     * @param gamma   the leader logit's slope on the turnout deviation
     * @param stuffed share of units above the turnout centre that get 25% of their non-voters' ballots added for the
     *                leader and 30% of the other option's votes switched to it
     * @param withValid whether the election has a valid column (else one option, shares of ballots, as Canada's file)
     */
    static Election election(long seed, double gamma, double stuffed, boolean withValid) {
        UniformRandomProvider rng = RandomStreams.seeded(seed).stream(1);
        NormalizedGaussianSampler g = ZigguratSampler.NormalizedGaussian.of(rng);
        int[] reg = new int[UNITS];
        int[] ballots = new int[UNITS];
        int[] lead = new int[UNITS];
        int[] other = new int[UNITS];
        for (int i = 0; i < UNITS; i++) {
            reg[i] = (int) Math.round(Math.exp(6.8 + 0.3 * g.sample()));
            double e1 = g.sample();
            double t = 1 / (1 + Math.exp(-(0.4 + 0.4 * e1)));
            double s = 1 / (1 + Math.exp(-(0.2 + gamma * 0.4 * e1 + 0.3 * g.sample())));
            ballots[i] = BinomialSampler.sample(rng, reg[i], t);
            lead[i] = BinomialSampler.sample(rng, ballots[i], s);
            other[i] = ballots[i] - lead[i];
            boolean stuff = rng.nextDouble() < stuffed;
            if (e1 > 0 && stuff) {
                int added = (int) Math.round(0.25 * (reg[i] - ballots[i]));
                int switched = (int) Math.round(0.3 * other[i]);
                ballots[i] += added;
                lead[i] += added + switched;
                other[i] -= switched;
            }
        }
        Election.Builder b = Election.builder("associated").registered(reg).ballots(ballots).option("A", lead);
        if (withValid) {
            int[] valid = new int[UNITS];
            for (int i = 0; i < UNITS; i++) {
                valid[i] = lead[i] + other[i];
            }
            b.valid(valid).invalid(new int[UNITS]).option("B", other);
        } else {
            b.shareBase(ShareBase.BALLOTS);
        }
        return b.leader(0).build();
    }

    @Test
    void recoversTheGeneratingSlope() {
        for (double gamma : new double[] {0, 0.5}) {
            TwinModel m = TwinModel.fit(election(1, gamma, 0, true), null, ON);
            assertEquals(gamma, m.association(), 0.06, "gamma " + gamma);
        }
    }

    @Test
    void stuffingAboveThePeakDoesNotSetTheSlope() {
        // Half the units above the clean peak stuffed: their turnout and the leader's share both rise. The slope is
        // fitted below the peak, so it is the clean election's of the same seed (the same variates are drawn with
        // and without stuffing: the same units, the same counts below the peak).
        Election clean = election(2, 0.3, 0, true);
        Election stuffed = election(2, 0.3, 0.5, true);
        double before = TwinModel.fit(clean, null, ON).association();
        double after = TwinModel.fit(stuffed, null, ON).association();
        assertEquals(0.3, after, 0.06, "clean side");
        assertEquals(before, after, 0.03, "stuffing moved the slope");
        assertEquals(0, TwinModel.fit(stuffed, null, TwinOptions.defaults()).association(), 0, "off by default");
        // Every unit (the naive rule): the fraud's association is taken for the clean one (0.67 at this seed).
        double naive = TwinModel.fit(stuffed, null, ON.withTail(TwinOptions.TailRule.ALL))
                .association();
        assertTrue(naive > before + 0.2, "naive " + naive);
    }

    @Test
    void theTwinsKeepTheAssociation() {
        Election e = election(3, 0.5, 0, true);
        double data = slopeOf(e);
        CleanTwins on = CleanTwins.of(e, null, ON);
        CleanTwins off = CleanTwins.of(e, null, TwinOptions.defaults());
        assertEquals(data, slopeOf(on.election(7, 0)), 0.06, "twin with the association");
        assertEquals(0, slopeOf(off.election(7, 0)), 0.06, "twin without");
    }

    @Test
    void withoutAValidColumnTheLeadersShareOfBallotsKeepsItsSpread() {
        // One party's votes and the ballots (Canada's file): the rest of the ballots is the other member, not a
        // constant rate of unfound ballots that would leave the party's share without spread in the twins (before
        // the fix: leader sd 0, unfound rate 0.45 here).
        Election e = election(4, 0.5, 0, false);
        TwinModel m = TwinModel.fit(e, null, TwinOptions.defaults());
        assertEquals(0, m.unfoundRate()[0], 0);
        assertEquals(Math.hypot(0.3, 0.5 * 0.4), m.leader().sd()[0], 0.05, "the leader's latent spread");
        Election twin = CleanTwins.of(e, null, TwinOptions.defaults()).election(7, 0);
        assertEquals(sdOfShare(e), sdOfShare(twin), 0.1 * sdOfShare(e), "spread of the share of ballots");
        assertEquals(slopeOf(e), slopeOf(CleanTwins.of(e, null, ON).election(7, 0)), 0.06, "association");
    }

    /** Least-squares slope of the leader's logit share of ballots on the turnout logit. */
    private static double slopeOf(Election e) {
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        int n = e.size();
        for (int i = 0; i < n; i++) {
            double x = Math.log((e.ballots(i) + 0.5) / (e.registered(i) - e.ballots(i) + 0.5));
            double y = Math.log((e.votes(0, i) + 0.5) / (e.ballots(i) - e.votes(0, i) + 0.5));
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
        }
        return (sxy - sx * sy / n) / (sxx - sx * sx / n) * (0.4 * 0.4 + 1.0 / 200) / (0.4 * 0.4);
    }

    private static double sdOfShare(Election e) {
        double s = 0;
        double ss = 0;
        int n = e.size();
        for (int i = 0; i < n; i++) {
            double p = e.votes(0, i) / (double) e.ballots(i);
            s += p;
            ss += p * p;
        }
        return Math.sqrt(ss / n - (s / n) * (s / n));
    }
}
