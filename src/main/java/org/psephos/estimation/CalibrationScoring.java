package org.psephos.estimation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.psephos.forensics.BatteryOptions;
import org.psephos.forensics.ForensicTest;
import org.psephos.forensics.NullCalibration;
import org.psephos.forensics.Verdict;

/**
 * The scores of a {@link Calibration} study from its elections' outcomes: per scenario, test and variable the
 * rejection rate at α = {@value Calibration#LEVEL} with its Clopper–Pearson interval ({@link BinomialRate}), the
 * verdict's rate with the labels the battery applied, the labels this run measured (descriptive: a false-positive
 * rate significantly above α on some clean scenario; no power: no rejection rate significantly above α against the
 * frauds the test targets; one-sided exact binomial tests, Bonferroni over the pairs), and the verdict's rate again
 * under those labels. The method is {@link Calibration}'s class comment. Package-private; one per reduction.
 */
final class CalibrationScoring {
    private static final double LEVEL = Calibration.LEVEL;
    private static final List<String> VARIABLES = Calibration.VARIABLES;

    private final Calibration study;

    /** @param study the study whose elections are scored */
    CalibrationScoring(Calibration study) {
        this.study = study;
    }

    /**
     * @param outcomes one per election, scenario by scenario in order, elections in order
     * @return the result
     */
    CalibrationResult reduce(List<Calibration.Outcome> outcomes) {
        List<CalibrationScenario> scenarios = study.scenarios();
        List<ForensicTest> tests = study.tests();
        int elections = study.elections();
        BatteryOptions options = study.options();
        List<CalibrationResult.Scenario> info = new ArrayList<>();
        List<CalibrationResult.Rate> rates = new ArrayList<>();
        int cleanAnomalous = 0;
        int cleanVerdicts = 0;
        for (int s = 0; s < scenarios.size(); s++) {
            CalibrationScenario sc = scenarios.get(s);
            info.add(new CalibrationResult.Scenario(sc.name(), sc.kind().id(), sc.description(), sc.targets()));
            List<Calibration.Outcome> os = outcomes.subList(s * elections, (s + 1) * elections);
            for (ForensicTest t : tests) {
                for (String v : VARIABLES) {
                    String key = t.id() + "/" + v;
                    int x = 0;
                    int n = 0;
                    for (Calibration.Outcome o : os) {
                        Double p = o.p().get(key);
                        if (p != null) {
                            n++;
                            x += p <= LEVEL ? 1 : 0;
                        }
                    }
                    if (n > 0) {
                        rates.add(new CalibrationResult.Rate(sc.name(), sc.kind().id(), t.id(), v,
                                BinomialRate.of(x, n, LEVEL)));
                    }
                }
            }
            int a = 0;
            int n = 0;
            for (Calibration.Outcome o : os) {
                if (o.verdict() != Verdict.Answer.NOT_COMPUTED) {
                    n++;
                    a += o.verdict() == Verdict.Answer.ANOMALOUS ? 1 : 0;
                }
            }
            rates.add(new CalibrationResult.Rate(sc.name(), sc.kind().id(), CalibrationResult.VERDICT,
                    CalibrationResult.APPLIED, BinomialRate.of(a, n, LEVEL)));
            if (sc.kind() == CalibrationScenario.Kind.CLEAN) {
                cleanAnomalous += a;
                cleanVerdicts += n;
            }
        }
        long cleanScenarios = scenarios.stream().filter(x -> x.kind() == CalibrationScenario.Kind.CLEAN).count();
        if (cleanVerdicts > 0 && cleanScenarios > 1) {
            rates.add(new CalibrationResult.Rate(CalibrationResult.ALL_CLEAN, CalibrationScenario.Kind.CLEAN.id(),
                    CalibrationResult.VERDICT, CalibrationResult.APPLIED,
                    BinomialRate.of(cleanAnomalous, cleanVerdicts, LEVEL)));
        }
        List<CalibrationResult.Label> labels = labels(rates);
        // the verdict again, with the labels just measured: Holm over the national rows not labelled descriptive
        NullCalibration measured = CalibrationResult.table(labels, "measured");
        int cleanA = 0;
        int cleanN = 0;
        for (int s = 0; s < scenarios.size(); s++) {
            CalibrationScenario sc = scenarios.get(s);
            int a = 0;
            for (Calibration.Outcome o : outcomes.subList(s * elections, (s + 1) * elections)) {
                a += Calibration.verdict(o, measured).anomalous() ? 1 : 0;
            }
            rates.add(new CalibrationResult.Rate(sc.name(), sc.kind().id(), CalibrationResult.VERDICT,
                    CalibrationResult.MEASURED, BinomialRate.of(a, elections, LEVEL)));
            if (sc.kind() == CalibrationScenario.Kind.CLEAN) {
                cleanA += a;
                cleanN += elections;
            }
        }
        if (cleanScenarios > 1) {
            rates.add(new CalibrationResult.Rate(CalibrationResult.ALL_CLEAN, CalibrationScenario.Kind.CLEAN.id(),
                    CalibrationResult.VERDICT, CalibrationResult.MEASURED, BinomialRate.of(cleanA, cleanN, LEVEL)));
        }
        return new CalibrationResult(elections, options.replicates(), options.seed(), LEVEL, study.grouping(),
                tests.stream().map(ForensicTest::id).toList(), options.nulls().calibration().source(), info, rates,
                labels);
    }

    /** The labels of the measured rates (see the class comment). */
    private List<CalibrationResult.Label> labels(List<CalibrationResult.Rate> rates) {
        List<CalibrationResult.Label> out = new ArrayList<>();
        for (ForensicTest t : study.tests()) {
            List<CalibrationResult.Rate> clean = new ArrayList<>();
            List<CalibrationResult.Rate> power = new ArrayList<>();
            for (CalibrationResult.Rate r : rates) {
                if (!r.test().equals(t.id()) || r.scenario().equals(CalibrationResult.ALL_CLEAN)) {
                    continue;
                }
                CalibrationScenario sc = scenario(r.scenario());
                if (sc.kind() == CalibrationScenario.Kind.CLEAN) {
                    clean.add(r);
                } else if (sc.targets().contains(t.id())) {
                    power.add(r);
                }
            }
            for (String v : VARIABLES) {
                CalibrationResult.Rate worst = null;
                for (CalibrationResult.Rate r : clean) {
                    if (r.variable().equals(v) && (worst == null || r.rate().pAbove() < worst.rate().pAbove())) {
                        worst = r;
                    }
                }
                if (worst != null && worst.rate().above(LEVEL / clean.size())) {
                    out.add(new CalibrationResult.Label(t.id(), v, "descriptive", String.format(Locale.ROOT,
                            "false-positive rate at %s on %s in the %s scenario: %s, one-sided binomial p = %s "
                                    + "< %s/%d", pct(LEVEL), v, worst.scenario(), rate(worst.rate()),
                            p(worst.rate().pAbove()), LEVEL, clean.size())));
                }
            }
            if (!power.isEmpty()) {
                CalibrationResult.Rate best = null;
                for (CalibrationResult.Rate r : power) {
                    if (best == null || r.rate().pAbove() < best.rate().pAbove()) {
                        best = r;
                    }
                }
                if (!best.rate().above(LEVEL / power.size())) {
                    out.add(new CalibrationResult.Label(t.id(), "*", "no-power", String.format(Locale.ROOT,
                            "no power against the fraud it targets: at best %s on %s against %s, not significantly "
                                    + "above %s (one-sided binomial p = %s, Bonferroni over %d)",
                            rate(best.rate()), best.variable(), best.scenario(), pct(LEVEL), p(best.rate().pAbove()),
                            power.size())));
                }
            }
        }
        return out;
    }

    private CalibrationScenario scenario(String name) {
        for (CalibrationScenario s : study.scenarios()) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        throw new IllegalStateException("no scenario " + name);
    }

    /** @return x/n = rate [low, high] */
    static String rate(BinomialRate r) {
        return String.format(Locale.ROOT, "%d/%d = %.3f [%.3f, %.3f]", r.events(), r.trials(), r.rate(), r.low(),
                r.high());
    }

    private static String pct(double level) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * level);
    }

    private static String p(double p) {
        return p < 0.001 ? String.format(Locale.ROOT, "%.1e", p) : String.format(Locale.ROOT, "%.3f", p);
    }
}
