package org.psephos.scenarios;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.psephos.simulation.ElectorateModel;
import org.psephos.simulation.ProportionDistribution;
import org.psephos.simulation.SizeDistribution;

/**
 * An electorate made of regions with their own clean turnout and support centres (e.g. a country's published
 * regional turnout), simulated region by region with {@link org.psephos.simulation.MonteCarloEngine} and summed
 * (see {@link CompositeSimulation}). {@link ElectorateModel} alone draws its regional centres at random around
 * one national mean; this type fixes them.
 *
 * <p>Each region is one {@link ElectorateModel} with a single region: its units, unit sizes, clean turnout and
 * support per unit around the region's centres. {@code shareSd} is the sd, on the logit scale, of a random shift
 * of each region's support centre drawn afresh in every replicate: the uncertainty of clean support where regional
 * support is not published. Options, Dirichlet concentration and invalid rate are national. Immutable and
 * serialisable (scenario tasks carry it to Spark executors).
 *
 * @param regions       the regions, at least one
 * @param shareSd       sd of each region's support centre around its stated value, logit scale, ≥ 0
 * @param options       number of options, leader first, at least 2
 * @param concentration Dirichlet concentration of the non-leading options
 * @param invalidRate   probability that a ballot is invalid
 * @since 0.1
 */
public record RegionalElectorate(List<Region> regions, double shareSd, int options, double concentration,
                                 double invalidRate) implements java.io.Serializable {
    /**
     * One region.
     *
     * @param name    label
     * @param units   number of units (polling stations), at least 1
     * @param sizes   registered voters per unit
     * @param turnout clean turnout per unit around the region's centre
     * @param share   clean leader support (share of valid votes) per unit around the region's centre
     */
    public record Region(String name, int units, SizeDistribution sizes, ProportionDistribution turnout,
                         ProportionDistribution share) implements java.io.Serializable {
        /** @throws IllegalArgumentException if units is not positive */
        public Region {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(sizes, "sizes");
            Objects.requireNonNull(turnout, "turnout");
            Objects.requireNonNull(share, "share");
            if (units < 1) {
                throw new IllegalArgumentException("number of units of region " + name + " is not positive: "
                        + units);
            }
        }
    }

    /** @throws IllegalArgumentException if there is no region or a national parameter is out of range */
    public RegionalElectorate {
        regions = List.copyOf(regions);
        if (regions.isEmpty()) {
            throw new IllegalArgumentException("no regions");
        }
        if (!(shareSd >= 0 && shareSd <= 10)) {
            throw new IllegalArgumentException("regional share sd is not in [0, 10]: " + shareSd);
        }
        // Validates options, concentration and invalid rate.
        Region g = regions.get(0);
        new ElectorateModel(g.units(), g.sizes(), 1, 0, shareSd, g.turnout(), g.share(), options, concentration,
                invalidRate);
    }

    /** @return the number of units in all regions */
    public int units() {
        return regions.stream().mapToInt(Region::units).sum();
    }

    /**
     * @param r a region index
     * @return the region's electorate model (one region, the random support shift of {@code shareSd})
     */
    public ElectorateModel model(int r) {
        Region g = regions.get(r);
        return new ElectorateModel(g.units(), g.sizes(), 1, 0, shareSd, g.turnout(), g.share(), options,
                concentration, invalidRate);
    }

    /**
     * The same electorate with the non-leading options merged into one: the leader against the rest. What a
     * scenario reads of a simulated election (the leader's votes, valid votes, invalid ballots, ballots and the
     * register, nationally and per region) has the same distribution on both: the engine draws the leader's votes
     * before it splits the rest among the other options, and every fraud model takes from the other options either
     * by independent binomials of one probability per option (whose sum is one binomial of their total) or by a
     * number fixed by their total; only the split itself, which no scenario reads, is left out, and with it the
     * Dirichlet and binomial draws of the other options at every station (most of the engine's time on a ballot of
     * seven options).
     *
     * @return the copy (this electorate if it has two options)
     */
    public RegionalElectorate leaderAndRest() {
        return options == 2 ? this : new RegionalElectorate(regions, shareSd, 2, concentration, invalidRate);
    }

    /**
     * @param f maps each region to its replacement
     * @return a copy with every region mapped
     */
    public RegionalElectorate mapRegions(UnaryOperator<Region> f) {
        List<Region> out = new ArrayList<>();
        for (Region g : regions) {
            out.add(f.apply(g));
        }
        return new RegionalElectorate(out, shareSd, options, concentration, invalidRate);
    }

    /**
     * The engine-native approximation for APIs that take one {@link ElectorateModel} (e.g. detection power): the
     * same units, the first region's sizes and station spreads, K regions whose turnout and support centres are
     * drawn around the unit-weighted means with the logit-scale sd of the regions' own centres (the engine draws
     * regional centres at random; this type fixes them).
     *
     * @return the approximation
     */
    public ElectorateModel toElectorateModel() {
        double[] t = new double[regions.size()];
        double[] v = new double[regions.size()];
        double tm = 0;
        double vm = 0;
        for (int r = 0; r < t.length; r++) {
            Region g = regions.get(r);
            t[r] = Logit.clamped(g.turnout().mean());
            v[r] = Logit.clamped(g.share().mean());
            tm += g.units() * g.turnout().mean();
            vm += g.units() * g.share().mean();
        }
        int n = units();
        Region g = regions.get(0);
        double tsd = t.length > 1 ? org.psephos.simulation.ReplicateDistribution.of(t).sd() : 0;
        double vsd = Math.hypot(v.length > 1 ? org.psephos.simulation.ReplicateDistribution.of(v).sd() : 0, shareSd);
        return new ElectorateModel(n, g.sizes(), regions.size(), tsd, vsd,
                new ProportionDistribution(g.turnout().shape(), tm / n, g.turnout().sd()),
                new ProportionDistribution(g.share().shape(), vm / n, g.share().sd()), options, concentration,
                invalidRate);
    }

    /**
     * @param r a region index
     * @return the region's expected registered voters: units × mean size (log-normal e^(μ + σ²/2), uniform
     *         (min + max)/2, listed: the list's mean; rounding to whole voters ignored)
     */
    public double expectedRegistered(int r) {
        Region g = regions.get(r);
        double mean;
        if (g.sizes() instanceof SizeDistribution.LogNormal l) {
            mean = Math.exp(l.mu() + l.sigma() * l.sigma() / 2);
        } else if (g.sizes() instanceof SizeDistribution.Uniform u) {
            mean = (u.min() + u.max()) / 2.0;
        } else {
            mean = java.util.Arrays.stream(((SizeDistribution.Listed) g.sizes()).sizes()).average().orElse(0);
        }
        return g.units() * mean;
    }

    /**
     * @param r a region index
     * @return the region's expected clean turnout: the mean of its stations' truncated normal
     *         ({@link TruncatedNormal}), or the centre for the other shapes
     */
    public double expectedTurnout(int r) {
        ProportionDistribution t = regions.get(r).turnout();
        return t.shape() == ProportionDistribution.Shape.NORMAL ? TruncatedNormal.mean(t.mean(), t.sd()) : t.mean();
    }

    /** @return the national expected clean turnout: the regions' expected turnouts weighted by expected registers */
    public double expectedTurnout() {
        double w = 0;
        double s = 0;
        for (int r = 0; r < regions.size(); r++) {
            double reg = expectedRegistered(r);
            w += reg;
            s += reg * expectedTurnout(r);
        }
        return s / w;
    }

    /**
     * @return the national expected clean support: every region's expected station support, over its random
     *         logit-normal shift of sd {@code shareSd} ({@link TruncatedNormal#meanShifted}), weighted by expected
     *         ballots (turnout shifts do not reach the support, so this is the expected share of valid votes)
     */
    public double expectedShare() {
        double w = 0;
        double s = 0;
        for (int r = 0; r < regions.size(); r++) {
            ProportionDistribution v = regions.get(r).share();
            double ballots = expectedRegistered(r) * expectedTurnout(r);
            double e = v.shape() == ProportionDistribution.Shape.NORMAL
                    ? TruncatedNormal.meanShifted(v.mean(), v.sd(), shareSd) : v.mean();
            w += ballots;
            s += ballots * e;
        }
        return s / w;
    }

    /**
     * A copy whose expected clean support ({@link #expectedShare()}) is the target: every region gets the same
     * centre, solved for. For the other shapes than normal the centre is the target.
     *
     * @param target the expected share of valid votes wanted, in (0, 1)
     * @return the copy
     */
    public RegionalElectorate withExpectedShare(double target) {
        ProportionDistribution v = regions.get(0).share();
        double c = v.shape() == ProportionDistribution.Shape.NORMAL
                ? TruncatedNormal.centreFor(target, v.sd(), shareSd) : target;
        return withShare(c);
    }

    /**
     * A copy whose national expected clean turnout ({@link #expectedTurnout()}) is the target: every region's
     * turnout centre moves by one common logit shift, solved by bisection.
     *
     * @param target the expected national turnout wanted, in (0, 1)
     * @return the copy
     */
    public RegionalElectorate withExpectedTurnout(double target) {
        double lo = -20;
        double hi = 20;
        for (int it = 0; it < 100; it++) {
            double mid = (lo + hi) / 2;
            if (shiftTurnout(mid).expectedTurnout() < target) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return shiftTurnout((lo + hi) / 2);
    }

    /** @return a copy with every region's turnout centre moved by a logit shift (clamped centres) */
    private RegionalElectorate shiftTurnout(double shift) {
        return mapRegions(g -> new Region(g.name(), g.units(), g.sizes(),
                new ProportionDistribution(g.turnout().shape(),
                        Logit.expit(Logit.clamped(g.turnout().mean()) + shift), g.turnout().sd()), g.share()));
    }

    /**
     * @param mean the clean support centre of every region
     * @return a copy with that centre (same shape and spread)
     */
    public RegionalElectorate withShare(double mean) {
        return mapRegions(g -> new Region(g.name(), g.units(), g.sizes(), g.turnout(),
                new ProportionDistribution(g.share().shape(), mean, g.share().sd())));
    }
}
