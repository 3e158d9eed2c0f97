package org.psephos.simulation;

/**
 * Unit-level heterogeneity of a clean electorate beyond its regions: turnout and support that depend on a unit's
 * size, and a second (urban) population of units. Both move a unit's centres on the logit scale, after its
 * region's shift, so they keep every proportion inside (0, 1) and compose with the regional hierarchy of
 * {@link ElectorateModel}:
 * <pre>
 *   logit centre(unit) = logit centre(region) + b·(ln registered − c) + [urban]·d
 * </pre>
 * with b = {@code sizeTurnout} (turnout) or {@code sizeShare} (support), c the mean log size of the electorate's
 * size distribution ({@link SizeDistribution#meanLogSize()}), and d = {@code urbanTurnout} or {@code urbanShare}.
 *
 * <ul>
 *   <li><b>Size effect.</b> A negative {@code sizeTurnout} makes small stations vote more, as in many clean
 *       elections where small rural stations have higher turnout than large urban ones; a non-zero
 *       {@code sizeShare} ties the leader's support to size as well, so that turnout and support correlate
 *       across units without any fraud.</li>
 *   <li><b>Urban population.</b> Each unit is urban with probability {@code urbanFraction}, drawn once per
 *       electorate (like its size: the same units are urban in every replicate); an urban unit has
 *       {@code urbanSize} times the registered voters of its size draw and its centres shifted by
 *       {@code urbanTurnout} and {@code urbanShare}. The rest are rural and keep the electorate's centres, so
 *       {@code --turnout} and {@code --share} give the rural centres. The unit output carries the population as
 *       the grouping {@code settlement} ({@code rural}, {@code urban}).</li>
 * </ul>
 * {@link #NONE} changes nothing: the engine then draws exactly what it drew before these options existed.
 *
 * @param sizeTurnout   logit turnout change per unit of ln(registered), in [−5, 5]
 * @param sizeShare     logit support change per unit of ln(registered), in [−5, 5]
 * @param urbanFraction probability that a unit is urban, in [0, 1]
 * @param urbanTurnout  logit turnout shift of urban units, in [−10, 10]
 * @param urbanShare    logit support shift of urban units, in [−10, 10]
 * @param urbanSize     registered-voter multiplier of urban units, in [0.01, 100]
 * @since 0.1
 */
public record Heterogeneity(double sizeTurnout, double sizeShare, double urbanFraction, double urbanTurnout,
                            double urbanShare, double urbanSize) implements java.io.Serializable {
    /** No size effect and no urban population. */
    public static final Heterogeneity NONE = new Heterogeneity(0, 0, 0, 0, 0, 1);

    /** @throws IllegalArgumentException if a component is outside its range (NaN included) */
    public Heterogeneity {
        check("size effect on turnout", sizeTurnout, 5);
        check("size effect on support", sizeShare, 5);
        if (!(urbanFraction >= 0 && urbanFraction <= 1)) {
            throw new IllegalArgumentException("urban fraction is not in [0, 1]: " + urbanFraction);
        }
        check("urban turnout shift", urbanTurnout, 10);
        check("urban support shift", urbanShare, 10);
        if (!(urbanSize >= 0.01 && urbanSize <= 100)) {
            throw new IllegalArgumentException("urban size multiplier is not in [0.01, 100]: " + urbanSize);
        }
    }

    private static void check(String what, double v, double bound) {
        if (!(Math.abs(v) <= bound)) {
            throw new IllegalArgumentException(what + " is not in [-" + bound + ", " + bound + "]: " + v);
        }
    }

    /**
     * @param turnout logit turnout change per unit of ln(registered)
     * @param share   logit support change per unit of ln(registered)
     * @return a copy with that size effect
     */
    public Heterogeneity withSizeEffect(double turnout, double share) {
        return new Heterogeneity(turnout, share, urbanFraction, urbanTurnout, urbanShare, urbanSize);
    }

    /**
     * @param fraction probability that a unit is urban
     * @param turnout  logit turnout shift of urban units
     * @param share    logit support shift of urban units
     * @param size     registered-voter multiplier of urban units
     * @return a copy with that urban population
     */
    public Heterogeneity withUrban(double fraction, double turnout, double share, double size) {
        return new Heterogeneity(sizeTurnout, sizeShare, fraction, turnout, share, size);
    }

    /** @return whether this changes nothing */
    public boolean isNone() {
        return !hasSizeEffect() && !hasUrban();
    }

    /** @return whether turnout or support depends on size */
    public boolean hasSizeEffect() {
        return sizeTurnout != 0 || sizeShare != 0;
    }

    /** @return whether some units may be urban */
    public boolean hasUrban() {
        return urbanFraction > 0;
    }
}
