package org.psephos.simulation;

import java.util.Objects;

/**
 * A synthetic electorate and its clean voting behaviour: the null model that fraud models then distort.
 *
 * <p>Hierarchy national → region → unit. Units are split into {@code regions} contiguous, nearly equal runs (unit i
 * is in region ⌊i·K/N⌋). In every replicate each region draws its turnout and support centres as
 * expit(logit(national mean) + s·Z), with s = {@code regionTurnoutSd} or {@code regionShareSd}; each unit then draws
 * its clean turnout a and leader support v from {@link ProportionDistribution} around its region's centres. Counts
 * are exact integer draws (Klimek et al. 2012, PNAS 109(41), doi:10.1073/pnas.1210722109, with binomial counts):
 * <pre>
 *   voters   ~ Binomial(registered, a)
 *   invalid  ~ Binomial(voters, invalidRate)
 *   leader   ~ Binomial(voters − invalid, v)
 *   others   ~ DirichletMultinomial(voters − invalid − leader; c/(K−1), …, c/(K−1))
 * </pre>
 * the last by sequential conditional binomials with beta weights, so the non-leading options share their votes
 * equally in expectation with overdispersion set by the concentration c (large c → multinomial). Ballots = voters,
 * and votes + invalid = ballots ≤ registered.
 *
 * <p>{@link Heterogeneity} adds unit-level structure inside the regions: turnout and support that depend on the
 * unit's size, and an urban population with its own centres and sizes ({@link Heterogeneity#NONE} by default).
 *
 * @param units            number of units N, at least 1
 * @param sizes            registered voters per unit
 * @param regions          number of regions K, in [1, N]
 * @param regionTurnoutSd  sd of the regions' turnout centres on the logit scale, ≥ 0
 * @param regionShareSd    sd of the regions' support centres on the logit scale, ≥ 0
 * @param turnout          clean turnout per unit
 * @param share            clean leader support per unit, as a share of valid votes
 * @param options          number of options (leader first), at least 2
 * @param concentration    Dirichlet concentration c of the non-leading options' split, positive
 * @param invalidRate      probability that a ballot is invalid, in [0, 1)
 * @param heterogeneity    size effects and the urban population
 * @since 0.1
 */
public record ElectorateModel(int units, SizeDistribution sizes, int regions, double regionTurnoutSd,
                              double regionShareSd, ProportionDistribution turnout, ProportionDistribution share,
                              int options, double concentration, double invalidRate, Heterogeneity heterogeneity)
        implements java.io.Serializable {
    /** Default Dirichlet concentration of the non-leading options. */
    public static final double DEFAULT_CONCENTRATION = 20;

    /** @throws IllegalArgumentException if a parameter is outside its range (see the record components) */
    public ElectorateModel {
        if (units < 1) {
            throw new IllegalArgumentException("number of units is not positive: " + units);
        }
        Objects.requireNonNull(sizes, "sizes");
        Objects.requireNonNull(turnout, "turnout");
        Objects.requireNonNull(share, "share");
        Objects.requireNonNull(heterogeneity, "heterogeneity");
        if (regions < 1 || regions > units) {
            throw new IllegalArgumentException("number of regions is not in [1, units]: " + regions);
        }
        if (!(regionTurnoutSd >= 0 && regionTurnoutSd <= 10)) {
            throw new IllegalArgumentException("regional turnout sd is not in [0, 10]: " + regionTurnoutSd);
        }
        if (!(regionShareSd >= 0 && regionShareSd <= 10)) {
            throw new IllegalArgumentException("regional share sd is not in [0, 10]: " + regionShareSd);
        }
        if (options < 2 || options > 1000) {
            throw new IllegalArgumentException("number of options is not in [2, 1000]: " + options);
        }
        if (!(concentration > 0) || Double.isInfinite(concentration)) {
            throw new IllegalArgumentException("Dirichlet concentration is not positive and finite: " + concentration);
        }
        if (!(invalidRate >= 0 && invalidRate < 1)) {
            throw new IllegalArgumentException("invalid-ballot rate is not in [0, 1): " + invalidRate);
        }
    }

    /**
     * The electorate without unit-level heterogeneity ({@link Heterogeneity#NONE}).
     *
     * @param units           number of units
     * @param sizes           registered voters per unit
     * @param regions         number of regions
     * @param regionTurnoutSd sd of the regions' turnout centres (logit scale)
     * @param regionShareSd   sd of the regions' support centres (logit scale)
     * @param turnout         clean turnout per unit
     * @param share           clean leader support per unit
     * @param options         number of options
     * @param concentration   Dirichlet concentration of the non-leading options
     * @param invalidRate     invalid-ballot rate
     * @throws IllegalArgumentException as the canonical constructor
     */
    public ElectorateModel(int units, SizeDistribution sizes, int regions, double regionTurnoutSd,
                           double regionShareSd, ProportionDistribution turnout, ProportionDistribution share,
                           int options, double concentration, double invalidRate) {
        this(units, sizes, regions, regionTurnoutSd, regionShareSd, turnout, share, options, concentration,
                invalidRate, Heterogeneity.NONE);
    }

    /**
     * One region, two options, no invalid ballots.
     *
     * @param units   number of units
     * @param sizes   registered voters per unit
     * @param turnout clean turnout
     * @param share   clean leader support
     * @return the model
     */
    public static ElectorateModel of(int units, SizeDistribution sizes, ProportionDistribution turnout,
                                     ProportionDistribution share) {
        return new ElectorateModel(units, sizes, 1, 0, 0, turnout, share, 2, DEFAULT_CONCENTRATION, 0);
    }

    /**
     * @param k          number of regions
     * @param turnoutSd  sd of regional turnout centres (logit scale)
     * @param shareSd    sd of regional support centres (logit scale)
     * @return a copy with those regions
     */
    public ElectorateModel withRegions(int k, double turnoutSd, double shareSd) {
        return new ElectorateModel(units, sizes, k, turnoutSd, shareSd, turnout, share, options, concentration,
                invalidRate, heterogeneity);
    }

    /**
     * @param k number of options
     * @param c Dirichlet concentration of the non-leading options
     * @return a copy with those options
     */
    public ElectorateModel withOptions(int k, double c) {
        return new ElectorateModel(units, sizes, regions, regionTurnoutSd, regionShareSd, turnout, share, k, c,
                invalidRate, heterogeneity);
    }

    /** @param rate invalid-ballot rate @return a copy with that rate */
    public ElectorateModel withInvalidRate(double rate) {
        return new ElectorateModel(units, sizes, regions, regionTurnoutSd, regionShareSd, turnout, share, options,
                concentration, rate, heterogeneity);
    }

    /** @param u number of units @return a copy with that many units */
    public ElectorateModel withUnits(int u) {
        return new ElectorateModel(u, sizes, Math.min(regions, u), regionTurnoutSd, regionShareSd, turnout, share,
                options, concentration, invalidRate, heterogeneity);
    }

    /** @param h size effects and urban population @return a copy with them */
    public ElectorateModel withHeterogeneity(Heterogeneity h) {
        return new ElectorateModel(units, sizes, regions, regionTurnoutSd, regionShareSd, turnout, share, options,
                concentration, invalidRate, h);
    }

    /** @param unit a unit index @return its region, ⌊unit·K/N⌋ */
    public int regionOf(int unit) {
        return (int) ((long) unit * regions / units);
    }
}
