package org.psephos.cases.kazakhstan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.psephos.cases.kazakhstan.KazakhstanCalibrator.Area;
import org.psephos.cases.kazakhstan.KazakhstanModel.Dataset;
import org.psephos.data.CsvTable;

/**
 * Estimates the registers the commission never published from its own aggregation on election day: at every
 * briefing with the national turnout and every region's, the national figure is the register-weighted mean of the
 * regional ones. A linear Gaussian update of the proxy registers ({@link ProxyRegisters}), the linear calibration
 * of Deville and Särndal (1992), "Calibration estimators in survey sampling", JASA 87(418), 376–382, with
 * soft constraints; see {@link #fitToBriefings}. Stateless.
 */
final class BriefingFit {
    private BriefingFit() {
    }

    /** Prior coefficient of variation of a proxy register: cities (larger stations) and the other regions. */
    static final double CITY_PRIOR_CV = 0.6;
    /** See {@link #CITY_PRIOR_CV}. */
    static final double REGION_PRIOR_CV = 0.15;

    /**
     * Updates the proxy registers with the commission's own aggregation: at every briefing where it announced the
     * national figure and every region's, the national figure is the register-weighted mean of the regional ones,
     * Σ w_r (T_r − T) = 0 up to the rounding of the printed percentages, and the registers add up to the register in
     * the country. With the proxy w₀ as a prior of independent errors (coefficient of variation {@value
     * #CITY_PRIOR_CV} for the cities, whose stations are larger than the stations-proportional proxy assumes,
     * {@value #REGION_PRIOR_CV} for the other regions; published registers held) and the rounding as noise (uniform
     * over half a unit of the last printed decimal), the posterior mean of a linear Gaussian model is
     * w = w₀ + P Aᵀ (A P Aᵀ + N)⁻¹ (b − A w₀) (the linear calibration of Deville and Särndal 1992, "Calibration
     * estimators in survey sampling", JASA 87(418), 376–382, with soft constraints). Individual registers stay poorly
     * determined (a few briefings for many regions); what the update fixes is the national weighting. Kept as the
     * proxy if a register would not be positive.
     *
     * @return the number of briefings used
     */
    static int fitToBriefings(Dataset d, String election, List<Area> areas, double inCountry) {
        CsvTable t = d.intraday();
        int e = t.requiredColumn("election");
        int time = t.requiredColumn("capital_time");
        int a = t.requiredColumn("area");
        int v = t.requiredColumn("turnout_percent");
        Map<String, Map<String, String>> byTime = new java.util.TreeMap<>();
        for (CsvTable.Row row : t.rows()) {
            if (!row.isBlank() && t.cell(row, e).equals(election)) {
                byTime.computeIfAbsent(t.cell(row, time), k -> new HashMap<>()).put(t.cell(row, a), t.cell(row, v));
            }
        }
        int n = areas.size();
        double[] w0 = new double[n];
        double ss = 0;
        for (int i = 0; i < n; i++) {
            w0[i] = areas.get(i).registered;
            ss += w0[i] * w0[i];
        }
        List<double[]> rows = new ArrayList<>();
        List<Double> rhs = new ArrayList<>();
        List<Double> noise = new ArrayList<>();
        for (Map<String, String> snap : byTime.values()) {
            String nat = snap.get("national");
            if (nat == null || !areas.stream().allMatch(ar -> snap.containsKey(ar.name))) {
                continue;
            }
            int decimals = decimals(nat);
            double[] row = new double[n];
            for (int i = 0; i < n; i++) {
                String x = snap.get(areas.get(i).name);
                decimals = Math.min(decimals, decimals(x));
                row[i] = Double.parseDouble(x) - Double.parseDouble(nat);
            }
            double u = 0.5 * Math.pow(10, -decimals) / Math.sqrt(3);
            rows.add(row);
            rhs.add(0.0);
            noise.add(u * u * (ss + inCountry * inCountry));
        }
        int briefings = rows.size();
        if (briefings == 0) {
            return 0;
        }
        double[] sum = new double[n];
        java.util.Arrays.fill(sum, 1);
        rows.add(sum);
        rhs.add(inCountry);
        noise.add(0.0);
        double[] prior = new double[n];
        for (int i = 0; i < n; i++) {
            Area ar = areas.get(i);
            double cv = ar.name.endsWith("(city)") ? CITY_PRIOR_CV : REGION_PRIOR_CV;
            prior[i] = ar.publishedRegistered >= 0 ? 0 : cv * cv * w0[i] * w0[i];
        }
        org.apache.commons.math3.linear.RealMatrix am = new org.apache.commons.math3.linear.Array2DRowRealMatrix(
                rows.toArray(new double[0][]));
        org.apache.commons.math3.linear.RealMatrix pm = new org.apache.commons.math3.linear.DiagonalMatrix(prior);
        org.apache.commons.math3.linear.RealVector w0v = new org.apache.commons.math3.linear.ArrayRealVector(w0);
        org.apache.commons.math3.linear.RealVector b = new org.apache.commons.math3.linear.ArrayRealVector(
                rhs.stream().mapToDouble(Double::doubleValue).toArray());
        org.apache.commons.math3.linear.RealMatrix s = am.multiply(pm).multiply(am.transpose()).add(
                new org.apache.commons.math3.linear.DiagonalMatrix(noise.stream().mapToDouble(Double::doubleValue)
                        .toArray()));
        double[] w;
        try {
            org.apache.commons.math3.linear.RealVector k = new org.apache.commons.math3.linear.LUDecomposition(s)
                    .getSolver().solve(b.subtract(am.operate(w0v)));
            w = w0v.add(pm.multiply(am.transpose()).operate(k)).toArray();
        } catch (RuntimeException ex) {
            return 0;
        }
        for (double x : w) {
            if (!(x > 0)) {
                return 0;
            }
        }
        for (int i = 0; i < n; i++) {
            Area ar = areas.get(i);
            if (ar.publishedRegistered < 0) {
                ar.registered = w[i];
                ar.registeredBasis = "estimated from " + briefings + " briefings (prior: " + ar.registeredBasis + ")";
            }
        }
        return briefings;
    }

    private static int decimals(String x) {
        int dot = x.indexOf('.');
        return dot < 0 ? 0 : x.length() - dot - 1;
    }
}
