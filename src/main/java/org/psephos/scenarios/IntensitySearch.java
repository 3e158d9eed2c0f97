package org.psephos.scenarios;

import java.util.ArrayList;
import java.util.List;

/**
 * The search of one (clean share, family) in a {@link ScenarioRunner} run. A grid, and the crossing search, ask for
 * all the family's values at once (the crossing search then hands its points to {@link ReplicateCrossings}); the
 * bisection search asks for the first value, then the last, then one midpoint per round (P(no runoff) is assumed
 * non-decreasing in the intensity), and keeps the smallest passing intensity with the largest failing one below
 * it. Mutable, confined to one run.
 */
final class IntensitySearch {
    /** Where a search stands: which intensity it asks for next. */
    private enum Phase {
        /** The first value next (a grid: all its values). */
        FIRST,
        /** The last value next (a grid: its values are being evaluated). */
        LAST,
        /** A midpoint between the bracket's ends next. */
        BISECT,
        /** Nothing more to evaluate. */
        DONE
    }

    final ScenarioSpec spec;
    final double share;
    final RegionalElectorate electorate;
    final ScenarioSpec.Family family;
    private final ScenarioSpec.Minimal minimal;
    private final List<EvaluatedPoint> points = new ArrayList<>();
    private final List<ScenarioResult.Minimum> minima = new ArrayList<>();
    private Phase phase = Phase.FIRST;
    private double lo;
    private double hi;
    private int step;
    private ScenarioResult.Point pass;

    /**
     * @param spec       the scenario
     * @param share      the clean share
     * @param electorate the electorate at that share
     * @param family     the family
     */
    IntensitySearch(ScenarioSpec spec, double share, RegionalElectorate electorate, ScenarioSpec.Family family) {
        this.spec = spec;
        this.share = share;
        this.electorate = electorate;
        this.family = family;
        this.minimal = spec.minimal();
        this.lo = family.values().get(0);
        this.hi = family.values().get(family.values().size() - 1);
    }

    private boolean bisection() {
        return minimal != null && minimal.method() == ScenarioSpec.Method.BISECTION;
    }

    /** @return the most points this search evaluates */
    long planned() {
        return bisection() ? minimal.steps() + 2L : family.values().size();
    }

    /** @return the points evaluated so far, in the order evaluated */
    List<EvaluatedPoint> points() {
        return points;
    }

    /** @return the minima found (none before the search is over) */
    List<ScenarioResult.Minimum> minima() {
        return minima;
    }

    /** @return the intensities to evaluate in the next round, empty when the search is over */
    List<Double> next() {
        if (!bisection()) {
            return phase == Phase.FIRST ? family.values() : List.of();
        }
        return switch (phase) {
            case FIRST -> List.of(lo);
            case LAST -> List.of(hi);
            case BISECT -> List.of((lo + hi) / 2);
            case DONE -> List.of();
        };
    }

    /** @param e the point evaluated at the next intensity (for a grid, called once per value, in order) */
    void accept(EvaluatedPoint e) {
        points.add(e);
        ScenarioResult.Point p = e.point();
        if (!bisection()) {
            phase = points.size() == family.values().size() ? Phase.DONE : Phase.LAST;
            if (phase == Phase.DONE && minimal != null) {
                minima.addAll(ReplicateCrossings.minima(spec, share, family, points));
            }
            return;
        }
        double need = minimal.probability();
        if (phase == Phase.FIRST) {
            if (p.pNoRunoff() >= need) {
                reached(p, Double.NaN);
            } else {
                phase = Phase.LAST;
            }
        } else if (phase == Phase.LAST) {
            if (p.pNoRunoff() < need || hi == lo) {
                minima.add(minimum(p, Double.NaN, hi));
                phase = Phase.DONE;
            } else {
                pass = p;
                phase = Phase.BISECT;
            }
        } else {
            if (p.pNoRunoff() >= need) {
                hi = p.intensity();
                pass = p;
            } else {
                lo = p.intensity();
            }
            step++;
        }
        if (phase == Phase.BISECT && step == minimal.steps()) {
            reached(pass, lo);
        }
    }

    /** Ends a bisection: p is the smallest passing intensity found, bracketLow the largest failing one below. */
    private void reached(ScenarioResult.Point p, double bracketLow) {
        minima.add(minimum(p, p.intensity(), bracketLow));
        phase = Phase.DONE;
    }

    /**
     * A bisection's minimum, its figures those of point p: the answer, or the last value if none passes.
     *
     * @param intensity  the smallest passing intensity, NaN if none passes (the minimum is not reached)
     * @param bracketLow the largest failing intensity below it (NaN if the first passes), or the last value
     */
    private ScenarioResult.Minimum minimum(ScenarioResult.Point p, double intensity, double bracketLow) {
        FirstRoundBase base = spec.questions().runoffBase();
        // the "against all" rule behind the base's share: the scenario's for the candidates base, else ""
        String againstAll = base == FirstRoundBase.CANDIDATES ? spec.againstAll().rule().id() : "";
        return new ScenarioResult.Minimum(share, family.label(), minimal.rule().name(), base.id(), againstAll,
                minimal.probability(), !Double.isNaN(intensity), intensity, Double.NaN, bracketLow, p.pNoRunoff(),
                ReplicateEstimate.probabilityError(p.pNoRunoff(), spec.replicates()), p.turnout().mean(),
                p.leaderShare().mean(), IntensityGrid.meanErrors(p));
    }
}
