package org.psephos.forensics.nulls;

import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.psephos.data.Election;
import org.psephos.data.Grouping;
import org.psephos.simulation.ElectorateModel;
import org.psephos.simulation.FraudModel;
import org.psephos.simulation.Heterogeneity;
import org.psephos.simulation.ProportionDistribution;
import org.psephos.simulation.RandomStreams;
import org.psephos.simulation.SizeDistribution;

/**
 * The elections of the clean-twin tests and of {@link TwinFitStudy}: a clean heterogeneous electorate whose
 * generating parameters are known (logit-normal turnout and support, 40 regions with logit sd 0.4, small units
 * voting more), the same with Klimek et al.'s incremental fraud, and the same with one region stuffed as a whole.
 */
final class TwinElections {
    static final int UNITS = 40_000;
    static final int REGIONS = 40;
    static final double TURNOUT = 0.65;
    static final double TURNOUT_SD = 0.35;
    static final double SUPPORT = 0.6;
    static final double SUPPORT_SD = 0.4;
    static final double REGION_SD = 0.4;
    static final double SIZE_TURNOUT = -0.3;
    static final double SIZE_SUPPORT = 0.2;

    private TwinElections() {
    }

    static ElectorateModel electorate() {
        return new ElectorateModel(UNITS, new SizeDistribution.LogNormal(6.8, 0.6), REGIONS, REGION_SD, REGION_SD,
                new ProportionDistribution(ProportionDistribution.Shape.LOGIT_NORMAL, TURNOUT, TURNOUT_SD),
                new ProportionDistribution(ProportionDistribution.Shape.LOGIT_NORMAL, SUPPORT, SUPPORT_SD), 5, 50, 0.012,
                Heterogeneity.NONE.withSizeEffect(SIZE_TURNOUT, SIZE_SUPPORT));
    }

    /** @return the clean election of that seed */
    static Election clean(long seed) {
        return Simulated.election(electorate(), seed);
    }

    /** @return the election of that seed with incremental fraud in a share fi of the units (θ 0.4, α 2) */
    static Election klimek(long seed, double fi) {
        return Simulated.election(electorate(), seed, FraudModel.Klimek.of(fi, 0.4, 2, 0));
    }

    /**
     * The true logit centres of the regions in replicate 0, as the engine draws them: region r takes two standard
     * normals from {@code stream(3, 0, r)} (BlockSimulator's region stream, purpose 3), the first for turnout.
     *
     * @return [0: turnout, 1: support][region]
     */
    static double[][] regionCentres(long seed) {
        double[][] c = new double[2][REGIONS];
        for (int r = 0; r < REGIONS; r++) {
            NormalizedGaussianSampler g = ZigguratSampler.NormalizedGaussian.of(
                    RandomStreams.seeded(seed).stream(3, 0, r));
            c[0][r] = Math.log(TURNOUT / (1 - TURNOUT)) + REGION_SD * g.sample();
            c[1][r] = Math.log(SUPPORT / (1 - SUPPORT)) + REGION_SD * g.sample();
        }
        return c;
    }

    /**
     * @param e      a clean election
     * @param region the label of the region to stuff
     * @return a copy in which every unit of that region has 90% of its non-voters' ballots added for the leader
     */
    static Election stuffRegion(Election e, String region) {
        Grouping g = e.grouping("region").orElseThrow();
        int[] ballots = e.ballotsColumn();
        int[] valid = e.validColumn();
        int[] leader = e.votesColumn(e.leader());
        for (int i = 0; i < e.size(); i++) {
            if (g.label(i).equals(region)) {
                int added = (int) Math.round(0.9 * (e.registered(i) - ballots[i]));
                ballots[i] += added;
                valid[i] += added;
                leader[i] += added;
            }
        }
        Election.Builder out = Election.builder(e.name() + ", " + region + " stuffed").registered(e.registeredColumn())
                .ballots(ballots).valid(valid).invalid(e.invalidColumn());
        for (int k = 0; k < e.optionCount(); k++) {
            out.option(e.options().get(k), k == e.leader() ? leader : e.votesColumn(k));
        }
        e.groupings().forEach(out::grouping);
        return out.leader(e.leader()).build();
    }
}
