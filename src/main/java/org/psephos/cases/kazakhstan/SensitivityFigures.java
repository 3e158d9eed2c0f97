package org.psephos.cases.kazakhstan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.psephos.cases.kazakhstan.KazakhstanSensitivity.Figure;
import org.psephos.cases.kazakhstan.KazakhstanSensitivity.Kind;
import org.psephos.cases.kazakhstan.KazakhstanSensitivity.Summary;
import org.psephos.cases.kazakhstan.KazakhstanSensitivity.Variant;
import org.psephos.estimation.PowerResult;
import org.psephos.scenarios.ObserverSampling;
import org.psephos.scenarios.ReplicateEstimate;
import org.psephos.scenarios.ScenarioResult;
import org.psephos.scenarios.ScenarioSpec;

/**
 * The sensitivity's figures: read from each reduced run's result ({@link #of}), then summarised over the grid
 * ({@link #summaries}: the calibrated value, the range, the main effect of each varied parameter).
 */
final class SensitivityFigures {
    private SensitivityFigures() {
    }

    /**
     * Every figure of the calibrated cell over the grid: its range and the main effect of each varied parameter.
     *
     * @param variants the cells, the calibrated one first
     * @param values   per parameter, the values the grids give it
     * @return the summaries, in the order of the calibrated cell's figures
     */
    static List<Summary> summaries(List<Variant> variants, Map<String, List<Double>> values) {
        List<Summary> out = new ArrayList<>();
        for (Figure f : variants.get(0).figures()) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            int loAt = -1;
            int hiAt = -1;
            double err = Double.NaN;
            for (int i = 0; i < variants.size(); i++) {
                Figure g = variants.get(i).figure(f.scenario(), f.label());
                if (g == null || !Double.isFinite(g.value())) {
                    continue;
                }
                if (g.value() < lo) {
                    lo = g.value();
                    loAt = i;
                }
                if (g.value() > hi) {
                    hi = g.value();
                    hiAt = i;
                }
                if (Double.isFinite(g.error())) {
                    err = Double.isNaN(err) ? g.error() : Math.max(err, g.error());
                }
            }
            Map<String, Double> effects = new LinkedHashMap<>();
            for (String key : KazakhstanSensitivity.PARAMETERS) {
                if (values.get(key).size() < 2) {
                    continue;
                }
                double min = Double.POSITIVE_INFINITY;
                double max = Double.NEGATIVE_INFINITY;
                for (double x : values.get(key)) {
                    double sum = 0;
                    int n = 0;
                    for (Variant v : variants) {
                        Figure g = v.figure(f.scenario(), f.label());
                        if (v.value(key) == x && g != null && Double.isFinite(g.value())) {
                            sum += g.value();
                            n++;
                        }
                    }
                    if (n > 0) {
                        min = Math.min(min, sum / n);
                        max = Math.max(max, sum / n);
                    }
                }
                effects.put(key, max >= min ? max - min : Double.NaN);
            }
            out.add(new Summary(f.scenario(), f.label(), f.kind(), f.value(), f.error(),
                    loAt < 0 ? Double.NaN : lo, loAt, hiAt < 0 ? Double.NaN : hi, hiAt, effects, err));
        }
        return out;
    }

    /**
     * The answers of a reduced run.
     *
     * @param letter the scenario file's letter
     * @param r      the run's result
     * @return its figures: intensities, shares at the clean turnout, smallest intensities, powers, observer samples
     */
    static List<Figure> of(String letter, ScenarioResult r) {
        List<Figure> out = new ArrayList<>();
        for (ScenarioResult.Solution s : r.solutions()) {
            out.add(new Figure(letter, s.family() + ": intensity", s.intensity(), s.intensityError(),
                    Kind.INTENSITY));
            if (s.target().target() == ScenarioSpec.Target.CLEAN_TURNOUT) {
                out.add(new Figure(letter, s.family() + ": reported yes share at it", s.leaderShareBallots(),
                        s.shareError(), Kind.SHARE));
            }
        }
        for (ScenarioResult.Minimum m : r.minima()) {
            out.add(new Figure(letter, m.family() + ", clean " + String.format(java.util.Locale.ROOT, "%.0f%%",
                    100 * m.cleanShare()) + ", " + m.base() + (m.againstAll().isEmpty() ? ""
                    : " (against all " + m.againstAll() + ")") + ": smallest intensity", m.intensity(),
                    m.intensityError(), Kind.INTENSITY));
        }
        for (PowerResult pr : r.powerResults()) {
            for (PowerResult.Point p : pr.points()) {
                for (PowerResult.TestPower t : p.tests()) {
                    out.add(new Figure(letter, pr.fraud() + " " + p.values().values().iterator().next() + ": "
                            + t.test() + " power", t.power(),
                            ReplicateEstimate.probabilityError(t.power(), r.replicates()), Kind.PROBABILITY));
                }
            }
        }
        if (r.observer() != null) {
            out.add(new Figure(letter, "station-level residual sd of turnout", r.observer().sigma(), Double.NaN,
                    Kind.OTHER));
            for (ObserverSampling.SampleSize z : r.observer().sizes()) {
                out.add(new Figure(letter, String.format(java.util.Locale.ROOT, "stations for a %.0f-point inflation",
                        z.k()), z.n(), Double.NaN, Kind.OTHER));
            }
        }
        return out;
    }
}
