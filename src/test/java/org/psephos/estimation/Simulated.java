package org.psephos.estimation;

import java.util.List;
import org.psephos.data.Election;
import org.psephos.simulation.ElectorateModel;
import org.psephos.simulation.FraudModel;
import org.psephos.simulation.MonteCarloEngine;
import org.psephos.simulation.ProportionDistribution;
import org.psephos.simulation.SimulationModel;
import org.psephos.simulation.SizeDistribution;

/** Simulated elections for the round trips: the engine's first replicate, clean and with fraud (paired). */
final class Simulated {
    /** Clean turnout of the round trips: Normal(0.5, 0.1), the Klimek et al. clean model. */
    static final ProportionDistribution TURNOUT = ProportionDistribution.normal(0.5, 0.1);
    /** Clean leader support: Normal(0.55, 0.08). */
    static final ProportionDistribution SHARE = ProportionDistribution.normal(0.55, 0.08);

    private Simulated() {
    }

    /** @return the electorate: n units of U{500..1500} voters, 2 options */
    static ElectorateModel electorate(int n) {
        return ElectorateModel.of(n, new SizeDistribution.Uniform(500, 1500), TURNOUT, SHARE);
    }

    /** @return the first replicate of the model with these frauds */
    static Election election(int n, long seed, FraudModel... frauds) {
        return election(electorate(n), seed, frauds);
    }

    /** @return the first replicate of the electorate with these frauds */
    static Election election(ElectorateModel electorate, long seed, FraudModel... frauds) {
        SimulationModel m = new SimulationModel(electorate, List.of(frauds));
        return MonteCarloEngine.run(m, seed, 1, 1, MonteCarloEngine.UnitOutput.FIRST_REPLICATE,
                org.psephos.simulation.Progress.NONE).units().orElseThrow();
    }

    /**
     * A clean electorate with realistic heterogeneity, as {@code psephos simulate --units n --regions 40
     * --region-sd 0.4:0.4 --size-lognormal 7:0.6 --options 4 --invalid 0.01} (turnout N(0.7, 0.1), leader support
     * N(0.6, 0.1) around the regional centres, the command's defaults).
     *
     * @return the electorate
     */
    static ElectorateModel heterogeneous(int n) {
        return new ElectorateModel(n, new SizeDistribution.LogNormal(7, 0.6), 40, 0.4, 0.4,
                ProportionDistribution.normal(0.7, 0.1), ProportionDistribution.normal(0.6, 0.1), 4,
                ElectorateModel.DEFAULT_CONCENTRATION, 0.01);
    }

    /**
     * Round turnout targets, the integer-percent spikes of Russia 2024 (Kobak et al. 2016): in each unit with
     * probability {@code fraction} (a seeded draw per unit) the ballots are raised to the least count whose turnout
     * reaches the next multiple of {@code period} percent above the unit's own, ⌈P·registered/100⌉ with
     * P = period·(⌊100·ballots/(period·registered)⌋ + 1), capped at the registered voters; the added ballots are
     * valid votes for the leader (option 0). The unit then lies in the 1% bin P.
     *
     * @return the election with the targets reached (the input is not changed)
     */
    static Election roundTargets(Election e, double fraction, int period, long seed) {
        org.apache.commons.rng.UniformRandomProvider rng = org.psephos.simulation.RandomStreams.seeded(seed)
                .stream(0x526F756EL, 0);
        int n = e.size();
        int[] ballots = e.ballotsColumn();
        int[] valid = e.hasValid() ? e.validColumn() : null;
        int[][] votes = new int[e.optionCount()][];
        for (int k = 0; k < votes.length; k++) {
            votes[k] = e.votesColumn(k);
        }
        for (int i = 0; i < n; i++) {
            if (!(rng.nextDouble() < fraction)) {
                continue;
            }
            long reg = e.registered(i);
            long p = period * (100L * ballots[i] / (period * reg) + 1);
            int target = (int) Math.min(reg, (p * reg + 99) / 100);
            int added = Math.max(0, target - ballots[i]);
            ballots[i] += added;
            votes[0][i] += added;
            if (valid != null) {
                valid[i] += added;
            }
        }
        Election.Builder b = Election.builder(e.name() + " with round targets").registered(e.registeredColumn())
                .ballots(ballots);
        if (valid != null) {
            b.valid(valid);
        }
        if (e.hasInvalid()) {
            b.invalid(e.invalidColumn());
        }
        for (int k = 0; k < votes.length; k++) {
            b.option(e.options().get(k), votes[k]);
        }
        return b.leader(0).build();
    }

    /**
     * A clean election of two populations with different centres and the same spread: the first half of the units
     * from {@link #TURNOUT} and {@link #SHARE}, the second from the given distributions (each half the engine's first
     * replicate, the second with seed + 1), concatenated. Unit ids and a {@code region} grouping (A, B) are kept.
     *
     * @return the election
     */
    static Election twoPopulations(int n, long seed, ProportionDistribution turnout2, ProportionDistribution share2) {
        Election a = election(n / 2, seed);
        SimulationModel m = new SimulationModel(ElectorateModel.of(n - n / 2, new SizeDistribution.Uniform(500, 1500),
                turnout2, share2), List.of());
        Election b = MonteCarloEngine.run(m, seed + 1, 1, 1, MonteCarloEngine.UnitOutput.FIRST_REPLICATE,
                org.psephos.simulation.Progress.NONE).units().orElseThrow();
        int[] reg = new int[n];
        int[] bal = new int[n];
        int[] valid = new int[n];
        int[] inv = new int[n];
        int[][] votes = new int[a.optionCount()][n];
        int[] region = new int[n];
        for (int i = 0; i < n; i++) {
            Election e = i < a.size() ? a : b;
            int u = i < a.size() ? i : i - a.size();
            reg[i] = e.registered(u);
            bal[i] = e.ballots(u);
            valid[i] = e.valid(u);
            inv[i] = e.invalid(u);
            for (int k = 0; k < votes.length; k++) {
                votes[k][i] = e.votes(k, u);
            }
            region[i] = e == a ? 0 : 1;
        }
        Election.Builder bld = Election.builder("two populations").registered(reg).ballots(bal).valid(valid)
                .invalid(inv).grouping(new org.psephos.data.Grouping("region", new String[] {"A", "B"}, region));
        for (int k = 0; k < votes.length; k++) {
            bld.option(a.options().get(k), votes[k]);
        }
        return bld.leader(0).build();
    }

    /** @return Σ leader votes of e minus those of the paired clean election */
    static long trueExcess(Election fraud, Election clean) {
        long s = 0;
        for (int i = 0; i < fraud.size(); i++) {
            s += fraud.votes(0, i) - clean.votes(0, i);
        }
        return s;
    }

    /** @return Σ ballots of e minus those of the paired clean election */
    static long trueStuffed(Election fraud, Election clean) {
        long s = 0;
        for (int i = 0; i < fraud.size(); i++) {
            s += fraud.ballots(i) - clean.ballots(i);
        }
        return s;
    }
}
