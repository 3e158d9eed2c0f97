package org.psephos.simulation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;
import org.psephos.data.Election;
import org.psephos.data.Grouping;

/**
 * Each fraud model changes exactly what it should. Fraud draws come from their own streams, so the clean and the
 * falsified run of one seed share their clean counts unit by unit (a paired comparison): every assertion compares
 * a unit with its own clean version. Units not marked by the model must be untouched.
 */
class FraudModelTest {
    private static final long SEED = 271_828L;
    private static final int UNITS = 6000;

    private static final ElectorateModel ELECTORATE = ElectorateModel.of(UNITS, new SizeDistribution.Uniform(100, 3000),
                    ProportionDistribution.normal(0.6, 0.15), ProportionDistribution.normal(0.55, 0.15))
            .withOptions(3, 20).withInvalidRate(0.02).withRegions(4, 0.2, 0.2);
    private static final Election CLEAN = units(SimulationModel.clean(ELECTORATE));

    private static Election units(SimulationModel model) {
        return MonteCarloEngine.run(model, SEED, 2, 1, MonteCarloEngine.UnitOutput.FIRST_REPLICATE, Progress.NONE)
                .units().orElseThrow();
    }

    private static Election with(FraudModel fraud) {
        Election e = units(SimulationModel.clean(ELECTORATE).with(fraud));
        for (int i = 0; i < e.size(); i++) {
            long sum = e.invalid(i);
            for (int k = 0; k < e.optionCount(); k++) {
                assertTrue(e.votes(k, i) >= 0, "negative votes");
                sum += e.votes(k, i);
            }
            assertEquals(e.ballots(i), sum, "votes + invalid = ballots in unit " + i);
            assertTrue(e.ballots(i) <= e.registered(i), "ballots <= registered in unit " + i);
        }
        return e;
    }

    private static boolean marked(Election e, int i) {
        return !e.grouping("fraud").orElseThrow().label(i).equals("clean");
    }

    private static int markedCount(Election e) {
        int n = 0;
        for (int i = 0; i < e.size(); i++) {
            n += marked(e, i) ? 1 : 0;
        }
        return n;
    }

    /** The number of marked units must be Binomial(UNITS, fraction): within 5 sd of its mean. */
    private static void assertFraction(Election e, double fraction) {
        double sd = Math.sqrt(UNITS * fraction * (1 - fraction));
        assertEquals(UNITS * fraction, markedCount(e), 5 * sd, "marked units");
    }

    private static void assertUnmarkedUntouched(Election e) {
        for (int i = 0; i < e.size(); i++) {
            if (!marked(e, i)) {
                assertEquals(CLEAN.registered(i), e.registered(i));
                assertEquals(CLEAN.ballots(i), e.ballots(i));
                assertEquals(CLEAN.invalid(i), e.invalid(i));
                for (int k = 0; k < e.optionCount(); k++) {
                    assertEquals(CLEAN.votes(k, i), e.votes(k, i));
                }
            }
        }
    }

    @Test
    void zeroRatesGiveTheCleanModelBitForBit() {
        SimulationModel zero = SimulationModel.clean(ELECTORATE)
                .with(FraudModel.Klimek.of(0, 0.4, 2, 0))
                .with(new FraudModel.BallotStuffing(0, 0.5))
                .with(new FraudModel.VoteSwitching(0.5, 0))
                .with(new FraudModel.CarouselVoting(0, 0.2))
                .with(new FraudModel.InvalidatedOpposition(0, 0.3))
                .with(new FraudModel.InflatedRegister(0, 0.1, 0.5))
                .with(new FraudModel.InventedResults(0, FraudModel.InventedResults.Target.BOTH));
        MonteCarloEngineTest.assertSameUnits(CLEAN, units(zero));
        assertEquals(MonteCarloEngine.run(SimulationModel.clean(ELECTORATE), SEED, 1, 3, Progress.NONE).summary()
                .replicates(), MonteCarloEngine.run(zero, SEED, 1, 3, Progress.NONE).summary().replicates());
        assertEquals(UNITS, CLEAN.grouping("fraud").orElseThrow().unitsOf(0).length);
    }

    @Test
    void stuffingAddsLeaderBallotsAndNeverLowersOtherOptions() {
        Election e = with(new FraudModel.BallotStuffing(0.2, 0.5));
        assertFraction(e, 0.2);
        assertUnmarkedUntouched(e);
        double added = 0;
        double nonVoters = 0;
        for (int i = 0; i < UNITS; i++) {
            assertEquals(CLEAN.registered(i), e.registered(i));
            assertEquals(CLEAN.invalid(i), e.invalid(i));
            for (int k = 1; k < e.optionCount(); k++) {
                assertEquals(CLEAN.votes(k, i), e.votes(k, i), "other options unchanged");
            }
            int extra = e.ballots(i) - CLEAN.ballots(i);
            assertEquals(extra, e.votes(0, i) - CLEAN.votes(0, i), "every stuffed ballot is the leader's");
            if (marked(e, i)) {
                added += extra;
                nonVoters += CLEAN.registered(i) - CLEAN.ballots(i);
            }
        }
        // Stuffed ~ Bin(non-voters, 0.5) in marked units: the pooled share must be 0.5 within 5 sd.
        assertEquals(0.5, added / nonVoters, 5 * Math.sqrt(0.25 / nonVoters), "stuffed share of non-voters");
    }

    @Test
    void switchingKeepsTurnoutAndMovesVotesToTheLeader() {
        Election e = with(new FraudModel.VoteSwitching(0.3, 0.25));
        assertFraction(e, 0.3);
        assertUnmarkedUntouched(e);
        double moved = 0;
        double opposition = 0;
        for (int i = 0; i < UNITS; i++) {
            assertEquals(CLEAN.ballots(i), e.ballots(i), "turnout kept");
            assertEquals(CLEAN.registered(i), e.registered(i));
            assertEquals(CLEAN.invalid(i), e.invalid(i));
            int lost = 0;
            for (int k = 1; k < e.optionCount(); k++) {
                assertTrue(e.votes(k, i) <= CLEAN.votes(k, i));
                lost += CLEAN.votes(k, i) - e.votes(k, i);
            }
            assertEquals(lost, e.votes(0, i) - CLEAN.votes(0, i), "leader gains what the others lose");
            if (marked(e, i)) {
                moved += lost;
                opposition += CLEAN.valid(i) - CLEAN.votes(0, i);
            }
        }
        assertEquals(0.25, moved / opposition, 5 * Math.sqrt(0.25 * 0.75 / opposition), "switched share");
    }

    /**
     * Moments E[x^k], k = 1, 2, 4, of the incremental intensity x = |θZ| conditioned on x &lt; 1 (KlimekStep draws
     * until x &lt; 1), in closed form with c = 1/θ and P = 2Φ(c) − 1:
     * E[x] = 2θ(φ(0) − φ(c))/P, E[x²] = θ²(1 − 2cφ(c)/P), E[x⁴] = θ⁴(3 − 2(c³ + 3c)φ(c)/P).
     */
    static double[] truncatedHalfNormalMoments(double theta) {
        NormalDistribution z = new NormalDistribution(0, 1);
        double c = 1 / theta;
        double p = 2 * z.cumulativeProbability(c) - 1;
        double phiC = z.density(c);
        double m1 = 2 * theta * (z.density(0) - phiC) / p;
        double m2 = theta * theta * (1 - 2 * c * phiC / p);
        double m4 = Math.pow(theta, 4) * (3 - 2 * (c * c * c + 3 * c) * phiC / p);
        return new double[] {m1, m2, m4};
    }

    @Test
    void klimekStuffsAndStealsWithTheRightIntensities() {
        double theta = 0.4;
        Election e = with(FraudModel.Klimek.of(0.2, theta, 2, 0.05));
        Grouping fraud = e.grouping("fraud").orElseThrow();
        int incremental = 0;
        int extreme = 0;
        double extremeTurnout = 0;
        // Pooled over incremental units: stuffed and non-voters, stolen and (clean) opposition, and their squares.
        double stuffedSum = 0;
        double nonVoters = 0;
        double nonVoters2 = 0;
        double stolenSum = 0;
        double opposition = 0;
        double opposition2 = 0;
        for (int i = 0; i < UNITS; i++) {
            assertEquals(CLEAN.registered(i), e.registered(i));
            assertEquals(CLEAN.invalid(i), e.invalid(i));
            int stuffed = e.ballots(i) - CLEAN.ballots(i);
            int lost = 0;
            for (int k = 1; k < e.optionCount(); k++) {
                assertTrue(e.votes(k, i) <= CLEAN.votes(k, i), "Klimek never adds opposition votes");
                lost += CLEAN.votes(k, i) - e.votes(k, i);
            }
            assertEquals(stuffed + lost, e.votes(0, i) - CLEAN.votes(0, i), "leader gains stuffed + stolen");
            String label = fraud.label(i);
            if (label.equals("incremental")) {
                incremental++;
                double n = CLEAN.registered(i) - CLEAN.ballots(i);
                double opp = CLEAN.valid(i) - CLEAN.votes(0, i);
                stuffedSum += stuffed;
                nonVoters += n;
                nonVoters2 += n * n;
                stolenSum += lost;
                opposition += opp;
                opposition2 += opp * opp;
            } else if (label.equals("extreme")) {
                extreme++;
                extremeTurnout += (double) e.ballots(i) / e.registered(i);
            }
        }
        assertEquals(0.2 * UNITS, incremental, 5 * Math.sqrt(UNITS * 0.2 * 0.8), "incremental units");
        assertEquals(0.05 * UNITS, extreme, 5 * Math.sqrt(UNITS * 0.05 * 0.95), "extreme units");
        // Extreme x = 1 − |N(0, 0.075)| has mean 1 − 0.075·sqrt(2/π) ≈ 0.94: reported turnout a + x(1 − a) > 0.9.
        assertTrue(extremeTurnout / extreme > 0.9, "extreme units' turnout " + extremeTurnout / extreme);

        // θ = 0.4: E[x] = 0.30897, E[x²] = 0.14581 (golden values guard the closed form itself).
        double[] m = truncatedHalfNormalMoments(theta);
        assertEquals(0.30897, m[0], 1e-4, "E[x]");
        assertEquals(0.14581, m[1], 1e-4, "E[x^2]");
        // Incremental unit i stuffs Bin(n_i, x_i) of its n_i non-voters and steals Bin(o_i, x_i^α) of its o_i
        // opposition votes (α = 2), x_i independent of n_i, o_i. So Σstuffed/Σn has mean E[x] and, x varying
        // across units, variance (Var(x)·Σn² + E[x(1 − x)]·Σn)/(Σn)²; likewise Σstolen/Σo with x² for x
        // (Var(x²) = E[x⁴] − E[x²]²). About 1250 units: sd ≈ 0.0077 and 0.0065, so 5 sd ≈ 0.038 and 0.033,
        // which θ = 0.5 (E[x] ≈ 0.361), ignoring θ (x = |Z| < 1: E[x] ≈ 0.46) or α = 1 (0.309 stolen) all miss.
        double varX = m[1] - m[0] * m[0];
        double sdStuffed = Math.sqrt(varX * nonVoters2 + (m[0] - m[1]) * nonVoters) / nonVoters;
        assertEquals(m[0], stuffedSum / nonVoters, 5 * sdStuffed, "stuffed share of non-voters, E[x]");
        double varX2 = m[2] - m[1] * m[1];
        double sdStolen = Math.sqrt(varX2 * opposition2 + (m[1] - m[2]) * opposition) / opposition;
        assertEquals(m[1], stolenSum / opposition, 5 * sdStolen, "stolen share of opposition, E[x^alpha]");
        assertUnmarkedUntouched(e);
    }

    @Test
    void carouselAddsLeaderBallotsWithinTheRegister() {
        Election e = with(new FraudModel.CarouselVoting(0.25, 0.2));
        assertFraction(e, 0.25);
        assertUnmarkedUntouched(e);
        double extra = 0;
        double voters = 0;
        for (int i = 0; i < UNITS; i++) {
            for (int k = 1; k < e.optionCount(); k++) {
                assertEquals(CLEAN.votes(k, i), e.votes(k, i));
            }
            int added = e.ballots(i) - CLEAN.ballots(i);
            assertEquals(added, e.votes(0, i) - CLEAN.votes(0, i));
            if (marked(e, i)) {
                extra += added;
                voters += CLEAN.ballots(i);
            }
        }
        // Capped at the register, so at most 0.2 of voters, and close to it when the cap rarely binds.
        assertTrue(extra / voters <= 0.2 + 5 * Math.sqrt(0.16 / voters) && extra / voters > 0.18,
                "repeat ballots per voter " + extra / voters);
    }

    @Test
    void invalidationMovesOppositionBallotsToInvalid() {
        Election e = with(new FraudModel.InvalidatedOpposition(0.3, 0.4));
        assertFraction(e, 0.3);
        assertUnmarkedUntouched(e);
        double spoiled = 0;
        double opposition = 0;
        for (int i = 0; i < UNITS; i++) {
            assertEquals(CLEAN.ballots(i), e.ballots(i), "turnout kept");
            assertEquals(CLEAN.votes(0, i), e.votes(0, i), "leader unchanged");
            int lost = 0;
            for (int k = 1; k < e.optionCount(); k++) {
                assertTrue(e.votes(k, i) <= CLEAN.votes(k, i), "invalidation never adds opposition votes");
                lost += CLEAN.votes(k, i) - e.votes(k, i);
            }
            assertEquals(lost, e.invalid(i) - CLEAN.invalid(i), "spoiled ballots become invalid");
            if (marked(e, i)) {
                spoiled += lost;
                opposition += CLEAN.valid(i) - CLEAN.votes(0, i);
            }
        }
        // Spoiled ~ Bin(opposition, 0.4) in marked units (share fixed, no per-unit intensity): the pooled share
        // must be 0.4 within 5 binomial sd, sqrt(0.24 / opposition) ≈ 0.0006 for ~0.7M opposition votes; a share
        // 5% off (0.38) misses it.
        assertEquals(0.4, spoiled / opposition, 5 * Math.sqrt(0.4 * 0.6 / opposition), "spoiled share of opposition");
    }

    @Test
    void inflatedRegisterAddsPhantomsWhoVoteForTheLeader() {
        Election e = with(new FraudModel.InflatedRegister(0.3, 0.1, 0.5));
        assertFraction(e, 0.3);
        assertUnmarkedUntouched(e);
        double phantoms = 0;
        double registered = 0;
        double phantomBallots = 0;
        for (int i = 0; i < UNITS; i++) {
            int added = e.registered(i) - CLEAN.registered(i);
            assertTrue(added >= 0);
            int voted = e.ballots(i) - CLEAN.ballots(i);
            assertTrue(voted >= 0 && voted <= added, "phantom ballots within phantoms");
            assertEquals(voted, e.votes(0, i) - CLEAN.votes(0, i));
            if (marked(e, i)) {
                phantoms += added;
                registered += CLEAN.registered(i);
                phantomBallots += voted;
            }
        }
        assertEquals(0.1, phantoms / registered, 5 * Math.sqrt(0.09 / registered), "phantoms per registered");
        // Phantom ballots ~ Bin(phantoms, 0.5) given the phantoms: Σvoted/Σadded = 0.5 within 5 binomial sd,
        // sqrt(0.25 / Σadded) ≈ 0.001 for ~0.28M phantoms; a turnout 2% off (0.49) misses it.
        assertEquals(0.5, phantomBallots / phantoms, 5 * Math.sqrt(0.5 * 0.5 / phantoms), "phantom turnout");
    }

    /**
     * Invented results are deterministic (FraudStep.inventTurnout then inventShare), so every unit is checked
     * exactly. Turnout: P = ⌈100·b/n⌉ from the clean ballots b of n registered, and the new ballots B are P% of n
     * rounded to the nearest whole ballot (|B − P·n/100| ≤ 1/2), all added for the leader. Share: v' = clean leader
     * votes + added ballots, Q = ⌈100·v'/B⌉, and the leader ends with Q% of B to the nearest vote unless the
     * opposition runs out first; option k gives up ⌊take·v_k/opposition⌋ or one more (largest remainders).
     */
    @Test
    void inventedResultsAreWholePercentages() {
        Election e = with(new FraudModel.InventedResults(1, FraudModel.InventedResults.Target.BOTH));
        int exhausted = 0;
        for (int i = 0; i < UNITS; i++) {
            assertTrue(marked(e, i), "fraction 1 marks every unit");
            long n = CLEAN.registered(i);
            long b = CLEAN.ballots(i);
            long ballots = e.ballots(i);
            assertEquals(n, e.registered(i));
            assertEquals(CLEAN.invalid(i), e.invalid(i), "invalid ballots unchanged");
            long p = (100 * b + n - 1) / n;
            assertTrue(ballots >= b && Math.abs(ballots - p * n / 100.0) <= 0.5,
                    "unit " + i + ": turnout " + b + "/" + n + " raised to " + ballots + ", not " + p + "%");
            long leader = CLEAN.votes(0, i) + (ballots - b);
            long q = (100 * leader + ballots - 1) / ballots;
            long take = e.votes(0, i) - leader;
            long opposition = CLEAN.valid(i) - CLEAN.votes(0, i);
            assertTrue(take >= 0 && take <= opposition, "unit " + i + " takes " + take);
            if (take == opposition) {
                exhausted++;
                assertTrue(q * ballots / 100.0 >= leader + opposition - 0.5, "unit " + i + " took all it could not");
            } else {
                assertTrue(Math.abs(e.votes(0, i) - q * ballots / 100.0) <= 0.5,
                        "unit " + i + ": leader " + leader + "/" + ballots + " raised to " + e.votes(0, i)
                                + ", not " + q + "%");
            }
            // Largest remainders: every option that gives one vote over its floor has a remainder take·v_k mod
            // opposition at least that of every option that does not.
            long minRemWithExtra = Long.MAX_VALUE;
            long maxRemWithout = -1;
            for (int k = 1; k < e.optionCount(); k++) {
                long share = opposition == 0 ? 0 : take * CLEAN.votes(k, i) / opposition;
                long rem = opposition == 0 ? 0 : take * CLEAN.votes(k, i) % opposition;
                long given = CLEAN.votes(k, i) - e.votes(k, i);
                assertTrue(given == share || given == share + 1, "unit " + i + " option " + k + " gives " + given
                        + ", proportional share " + share);
                if (given == share + 1) {
                    minRemWithExtra = Math.min(minRemWithExtra, rem);
                } else {
                    maxRemWithout = Math.max(maxRemWithout, rem);
                }
            }
            assertTrue(maxRemWithout <= minRemWithExtra, "unit " + i + ": extra vote not from the largest remainder");
        }
        // The opposition runs out only where it is under one percentage point of ballots: clean support above
        // ~0.99, P ≈ 0.002 for N(0.55, 0.15) (~10 units; 4 at this seed). The exact bound covers all the others.
        assertTrue(exhausted <= 0.01 * UNITS, "units whose opposition ran out: " + exhausted);
    }

    @Test
    void parametersAreValidated() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FraudModel.Klimek.of(0.7, 0.4, 2, 0.5));
        assertTrue(e.getMessage().contains("exceed 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new FraudModel.BallotStuffing(1.5, 0.1));
        assertTrue(e.getMessage().contains("1.5"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FraudModel.Klimek.of(0.1, 0.4, 0, 0));
    }

    @Test
    void fraudClassLabelsJoinBits() {
        assertEquals("clean", FraudClass.label(0));
        assertEquals("incremental+carousel",
                FraudClass.label(FraudClass.INCREMENTAL.bit() | FraudClass.CAROUSEL.bit()));
        assertArrayEquals(new String[] {"R01", "R02"}, MonteCarloEngine.regionLabels(2));
    }
}
