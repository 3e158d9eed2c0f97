package org.psephos.forensics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The election-level answer of a battery run under calibrated nulls: <b>anomalous</b> or <b>no anomaly
 * detected</b>, with the family-wise method, the rows that carry it and one sentence saying why
 * ({@code docs/verdict-method.md}, decided before the method was tried on real files).
 *
 * <p>Family: the national rows of the tests run, one per (test, variable) (IntegerPercent by its headline variant,
 * turnout or leader's result integer, stations unweighted), with a valid calibrated p-value; rows of tests labelled
 * descriptive ({@link NullCalibration.Label#DESCRIPTIVE}) and rows without a calibrated null are outside it, as are
 * the per-group rows and the other variants. Method: Holm's step-down procedure (Holm 1979, "A simple sequentially
 * rejective multiple test procedure", Scand. J. Statist. 6(2):65–70) at α = {@value #ALPHA} over the family's
 * p-values: with the m p-values sorted, p_(1) ≤ … ≤ p_(m), reject while p_(i) ≤ α/(m − i + 1). It controls the
 * probability of calling a clean election anomalous at α under any dependence between the tests (every test reads
 * the same counts). Anomalous if Holm rejects at least one row; the rejected rows carry the verdict. Under
 * reference nulls there is no verdict ({@link Answer#NOT_COMPUTED}): fixed reference values are not calibrated on
 * clean elections. Immutable.
 *
 * @param answer   the answer
 * @param method   the family-wise method, in words
 * @param alpha    the family-wise level
 * @param family   the family's rows, in table order
 * @param carriers the rows Holm rejects, strongest first (empty unless anomalous)
 * @param reason   one sentence saying why
 * @since 0.1
 */
public record Verdict(Answer answer, String method, double alpha, List<Row> family, List<Row> carriers,
                      String reason) {
    /** The family-wise level of the verdict. */
    public static final double ALPHA = 0.05;
    /** The method, as reports name it. */
    public static final String METHOD = "Holm's step-down procedure over the national rows (family-wise error "
            + "rate 5%)";

    /** The election-level answer. */
    public enum Answer {
        /** At least one national row rejects the clean-election null at the family-wise level. */
        ANOMALOUS("anomalous"),
        /** No national row does. */
        NO_ANOMALY("no anomaly detected"),
        /** Reference nulls (or no calibrated row): no verdict. */
        NOT_COMPUTED("not computed");

        private final String text;

        Answer(String text) {
            this.text = text;
        }

        /** @return the answer as printed and in the JSON */
        public String text() {
            return text;
        }
    }

    /**
     * One row of the family.
     *
     * @param id        the test id
     * @param variable  the variable
     * @param pValue    its calibrated p-value
     * @param threshold its Holm threshold α/(m − i + 1) at its rank i
     * @param adjusted  its Holm-adjusted p-value
     */
    public record Row(String id, String variable, double pValue, double threshold, double adjusted) {
    }

    /** Copies the lists. */
    public Verdict {
        Objects.requireNonNull(answer, "answer");
        family = List.copyOf(family);
        carriers = List.copyOf(carriers);
    }

    /** @return whether the election is called anomalous */
    public boolean anomalous() {
        return answer == Answer.ANOMALOUS;
    }

    /**
     * The verdict's evidence as one number, for power analyses and calibration studies that score the verdict: the
     * smallest Holm-adjusted p-value of the family (min(1, m·p_(1))); the verdict is anomalous exactly when it is at
     * most {@link #alpha()}. NaN without a family.
     *
     * @return the adjusted p-value of the strongest row
     */
    public double adjustedP() {
        return family.stream().mapToDouble(Row::adjusted).min().orElse(Double.NaN);
    }

    /** @return the verdict under reference nulls: not computed, and why */
    public static Verdict notComputed() {
        return new Verdict(Answer.NOT_COMPUTED, "none", ALPHA, List.of(), List.of(),
                "No verdict under reference nulls: the literature's fixed reference values are not calibrated on "
                        + "clean elections (run with --null calibrated).");
    }

    /**
     * Holm's procedure over a family: what {@link Battery#run} applies to its national, calibrated, non-descriptive
     * rows, public so that a calibration study can score the same rows under other labels.
     *
     * @param rows the battery's rows with their calibrated p-values
     * @param inFamily which rows belong to the family (national, calibrated, not descriptive); rows without a valid
     *                 p-value are left out whatever it says
     * @return the verdict
     */
    public static Verdict holm(List<TestResult> rows, java.util.function.Predicate<TestResult> inFamily) {
        List<TestResult> fam = new ArrayList<>();
        for (TestResult r : rows) {
            if (inFamily.test(r) && MultipleTesting.isValidPValue(r.pValue())) {
                fam.add(r);
            }
        }
        int m = fam.size();
        if (m == 0) {
            return new Verdict(Answer.NOT_COMPUTED, METHOD, ALPHA, List.of(), List.of(),
                    "No verdict: no national row has a calibrated p-value.");
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble(i -> fam.get(i).pValue()));
        double[] threshold = new double[m];
        double[] adjusted = new double[m];
        boolean[] rejected = new boolean[m];
        boolean going = true;
        double running = 0;
        for (int rank = 0; rank < m; rank++) {
            int i = order.get(rank);
            double p = fam.get(i).pValue();
            threshold[i] = ALPHA / (m - rank);
            running = Math.max(running, Math.min(1, (m - rank) * p));
            adjusted[i] = running;
            going = going && p <= threshold[i];
            rejected[i] = going;
        }
        List<Row> family = new ArrayList<>();
        List<Row> carriers = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            TestResult r = fam.get(i);
            family.add(new Row(r.id(), r.variable(), r.pValue(), threshold[i], adjusted[i]));
        }
        for (int i : order) {
            if (rejected[i]) {
                carriers.add(family.get(i));
            }
        }
        Row strongest = family.get(order.get(0));
        String reason;
        if (!carriers.isEmpty()) {
            String more = carriers.size() == 1 ? "" : String.format(Locale.ROOT, " and %d other row%s",
                    carriers.size() - 1, carriers.size() == 2 ? "" : "s");
            reason = String.format(Locale.ROOT, "%s on %s (p = %s)%s reject%s the clean-election null at a "
                    + "family-wise 5%% level (Holm over %d national rows).", strongest.id(), strongest.variable(),
                    p(strongest.pValue()), more, carriers.size() == 1 ? "s" : "", m);
        } else {
            reason = String.format(Locale.ROOT, "No national row rejects the clean-election null at a family-wise "
                    + "5%% level (Holm over %d rows): the smallest p-value, %s (%s on %s), is above its threshold "
                    + "%s.", m, p(strongest.pValue()), strongest.id(), strongest.variable(), p(strongest.threshold()));
        }
        return new Verdict(carriers.isEmpty() ? Answer.NO_ANOMALY : Answer.ANOMALOUS, METHOD, ALPHA, family,
                carriers, reason);
    }

    private static String p(double p) {
        return p < 0.001 ? String.format(Locale.ROOT, "%.1e", p) : String.format(Locale.ROOT, "%.3f", p);
    }
}
