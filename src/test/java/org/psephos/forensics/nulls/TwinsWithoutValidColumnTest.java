package org.psephos.forensics.nulls;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.junit.jupiter.api.Test;
import org.psephos.data.Election;
import org.psephos.data.ShareBase;
import org.psephos.simulation.BinomialSampler;
import org.psephos.simulation.RandomStreams;

/**
 * The clean twins of a file without a valid-ballots column (one party's votes and the ballots, as Canada 2011's):
 * the ballots beyond the options are the "other valid" member of the split, so the party's share of ballots keeps
 * its spread in the twins. Before the fix the model read the party's share of "valid" (its own votes) as 1 and the
 * rest as ballots not found at one pooled rate: latent sd 0, an unfound rate of about 0.45 on this election, and
 * twins whose share of ballots varied by binomial noise alone. The election: 20,000 units of about 900 registered
 * voters, turnout logit 0.4 + 0.4 ε₁, the party's logit 0.2 + 0.5·0.4 ε₁ + 0.3 ε₂ (latent sd √(0.2² + 0.3²) = 0.36).
 */
class TwinsWithoutValidColumnTest {
    private static final int UNITS = 20_000;

    /** @param withValid whether the election has a valid column and the other option, or the ballots and one option */
    static Election election(long seed, boolean withValid) {
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
            double s = 1 / (1 + Math.exp(-(0.2 + 0.5 * 0.4 * e1 + 0.3 * g.sample())));
            ballots[i] = BinomialSampler.sample(rng, reg[i], t);
            lead[i] = BinomialSampler.sample(rng, ballots[i], s);
            other[i] = ballots[i] - lead[i];
        }
        Election.Builder b = Election.builder("one party").registered(reg).ballots(ballots).option("A", lead);
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
    void theLeadersShareOfBallotsKeepsItsSpread() {
        Election e = election(4, false);
        TwinModel m = TwinModel.fit(e, null, TwinOptions.defaults());
        assertEquals(0, m.unfoundRate()[0], 0);
        assertEquals(Math.hypot(0.3, 0.5 * 0.4), m.leader().sd()[0], 0.05, "the leader's latent spread");
        Election twin = CleanTwins.of(e, null, TwinOptions.defaults()).election(7, 0);
        assertEquals(sdOfShare(e), sdOfShare(twin), 0.1 * sdOfShare(e), "spread of the share of ballots");
    }

    @Test
    void theSameElectionWithAValidColumnGetsTheSameLeaderFit() {
        TwinModel without = TwinModel.fit(election(4, false), null, TwinOptions.defaults());
        TwinModel with = TwinModel.fit(election(4, true), null, TwinOptions.defaults());
        assertEquals(with.leader().sd()[0], without.leader().sd()[0], 1e-12);
        assertEquals(with.leader().centre()[0], without.leader().centre()[0], 1e-12);
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
