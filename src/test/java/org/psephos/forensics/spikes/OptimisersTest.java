package org.psephos.forensics.spikes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The optimisers of the fit against closed forms: the box-constrained BFGS on functions whose constrained minimum is
 * known, the analytic gradients of the initialisation and of the M-step against central differences, and the
 * M-step's Newton maximiser against the stationarity of its objective.
 */
class OptimisersTest {

    /** Digamma and trigamma against R's digamma() and trigamma(), at both sides of the series' threshold. */
    @Test
    void polygammaIsRs() {
        double[][] r = {
            {0.049799999999999997, -20.578472790079203, 404.75208199598126},
            {0.69999999999999996, -1.2200235536979349, 2.8340491566946104},
            {3.2999999999999998, 1.034822489059622, 0.35350154184106186},
            {9.9900000000000002, 2.2507003728312012, 0.10527695014824182},
            {10, 2.2517525890667214, 0.10516633568168572},
            {49.049799999999998, 3.8826077511682104, 0.02059667909684549},
            {50.049799999999998, 3.902995194134339, 0.020181031266148355},
            {703.25, 6.5550012941564173, 0.001422980905386706},
            {22671.5, 10.028841853769897, 4.410921440773961e-05}};
        for (double[] c : r) {
            assertEquals(c[1], Polygamma.digamma(c[0]), 4e-15 * Math.max(1, Math.abs(c[1])), "digamma " + c[0]);
            assertEquals(c[2], Polygamma.trigamma(c[0]), 4e-15 * c[2], "trigamma " + c[0]);
        }
    }

    /** The recurrences of {@link GammaRuns} against the direct functions, over runs, gaps and reseeds. */
    @Test
    void gammaRunsAgreeWithTheDirectFunctions() {
        double[] v = new double[700];
        for (int m = 0; m < v.length; m++) {
            v[m] = m < 400 ? m : 400 + 3 * (m - 400) + (m % 7 == 0 ? 100 : 0) * (m - 400);
        }
        java.util.Arrays.sort(v);
        for (double x : new double[] {0.0498, 1.7, 403.4}) {
            double[] lg = new double[v.length];
            double[] dg = new double[v.length];
            double[] tg = new double[v.length];
            GammaRuns.evaluate(v, x, lg, dg, tg);
            for (int m = 0; m < v.length; m++) {
                double z = v[m] + x;
                double l = org.apache.commons.math3.special.Gamma.logGamma(z);
                double d = Polygamma.digamma(z);
                double t = Polygamma.trigamma(z);
                assertEquals(l, lg[m], 1e-12 * Math.max(1, Math.abs(l)), "lgamma " + z);
                assertEquals(d, dg[m], 1e-12 * Math.max(1, Math.abs(d)), "digamma " + z);
                assertEquals(t, tg[m], 1e-11 * Math.abs(t), "trigamma " + z);
            }
        }
    }

    @Test
    void boxBfgsFindsAConstrainedMinimum() {
        // (x - 1)^2 + 10 (y + 5)^2 on [-3, 6]^2: y is held at its bound, x is free
        BoxBfgs.Minimum m = BoxBfgs.minimise((p, g) -> {
            if (g != null) {
                g[0] = 2 * (p[0] - 1);
                g[1] = 20 * (p[1] + 5);
            }
            return (p[0] - 1) * (p[0] - 1) + 10 * (p[1] + 5) * (p[1] + 5);
        }, new double[] {5, 5}, -3, 6);
        assertEquals(1, m.x()[0], 1e-6);
        assertEquals(-3, m.x()[1], 0);
        assertEquals(40, m.value(), 1e-9);
    }

    @Test
    void boxBfgsSolvesRosenbrockInsideTheBox() {
        BoxBfgs.Minimum m = BoxBfgs.minimise((p, g) -> {
            double a = 1 - p[0];
            double b = p[1] - p[0] * p[0];
            if (g != null) {
                g[0] = -2 * a - 400 * p[0] * b;
                g[1] = 200 * b;
            }
            return a * a + 100 * b * b;
        }, new double[] {-1.2, 1}, -3, 6);
        assertEquals(1, m.x()[0], 1e-4);
        assertEquals(1, m.x()[1], 1e-4);
    }

    /** The initialisation's gradient (log shapes and the package's weight parameters) against central differences. */
    @Test
    void theInitialisationGradientIsExact() {
        int[][] d = SpikesGolden.ntv("coarse");
        KdeInit init = new MixtureFitter(new BinomialCounts(d[2], d[1])).init();
        double[] p = {0.5, 2.0, 1.1, 1.3, 0.8, 2.2, 0.3, -0.7};
        int l = 3;
        double[] g = new double[p.length];
        init.objective(p, l, g);
        for (int j = 0; j < p.length; j++) {
            double h = 1e-6;
            double[] a = p.clone();
            double[] b = p.clone();
            a[j] += h;
            b[j] -= h;
            double num = (init.objective(a, l, null) - init.objective(b, l, null)) / (2 * h);
            assertEquals(num, g[j], 1e-6 * Math.max(1e-3, Math.abs(num)), "parameter " + j);
        }
    }

    /** The M-step's gradient and Hessian against central differences, and its maximiser is stationary. */
    @Test
    void theMStepIsNewtonsMethodOnTheExactObjective() {
        int[][] d = SpikesGolden.ntv("clean");
        BinomialCounts c = new BinomialCounts(d[1], d[0]);
        BetaBinomialEm em = new BetaBinomialEm(c);
        em.expectation(new BetaBinomialMixture(new double[] {8, 12}, new double[] {5, 4}, new double[] {0.7, 0.3}));
        BetaBinomialMStep m = new BetaBinomialMStep(c);
        BetaBinomialMStep.Weights w = m.weights(em.posterior()[1]);
        double a = Math.log(12);
        double b = Math.log(4);
        double[] e = m.valueGradientHessian(w, a, b);
        // steps large enough that the sums' rounding (about 1e-12 of terms near 1e4) does not dominate
        double h = 1e-4;
        double fa = (m.value(w, a + h, b) - m.value(w, a - h, b)) / (2 * h);
        double fb = (m.value(w, a, b + h) - m.value(w, a, b - h)) / (2 * h);
        assertEquals(fa, e[1], 1e-5 * Math.abs(fa));
        assertEquals(fb, e[2], 1e-5 * Math.abs(fb));
        h = 1e-3;
        double faa = (m.valueGradientHessian(w, a + h, b)[1] - m.valueGradientHessian(w, a - h, b)[1]) / (2 * h);
        double fab = (m.valueGradientHessian(w, a, b + h)[1] - m.valueGradientHessian(w, a, b - h)[1]) / (2 * h);
        double fbb = (m.valueGradientHessian(w, a, b + h)[2] - m.valueGradientHessian(w, a, b - h)[2]) / (2 * h);
        assertEquals(faa, e[3], 1e-5 * Math.abs(faa));
        assertEquals(fbb, e[4], 1e-5 * Math.abs(fbb));
        assertEquals(fab, e[5], 1e-5 * Math.abs(fab));
        double[] x = m.maximise(w, a, b);
        double[] at = m.valueGradientHessian(w, x[0], x[1]);
        assertTrue(Math.abs(at[1]) < 1e-6 * Math.abs(at[3]) && Math.abs(at[2]) < 1e-6 * Math.abs(at[4]),
                "gradient at the maximiser: " + at[1] + ", " + at[2]);
        assertTrue(at[3] < 0 && at[3] * at[4] - at[5] * at[5] > 0, "not a maximum");
    }
}
