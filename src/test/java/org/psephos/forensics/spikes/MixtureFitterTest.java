package org.psephos.forensics.spikes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.psephos.simulation.Progress;

/**
 * The mixture fit against R's {@code est.density} run on the golden inputs ({@code fit_trace.csv}: R's start of
 * every number of components L, its EM iterates and their log-likelihoods, {@code fit_final.csv},
 * {@code fit_hessian.csv}).
 *
 * <p>Tolerances. R's M-step is {@code optim(method = "L-BFGS-B")} with finite-difference gradients, stopped when an
 * iteration lowers the objective by less than {@code factr}·ε = 2.2e-9 of its size; ours is Newton's method to
 * 1e-10 on the log scale. So at R's own parameters our objective must equal R's reported value to rounding
 * (1e-10 relative), ours must be at least as high, and R's shortfall is the optimiser's tolerance: a few hundred
 * times factr·ε in practice along the flat ridge of a small component ({@value #M_STEP} relative). The mixture
 * log-likelihood after the step, which the M-step does not maximise, moves by up to about ten times that
 * ({@value #LOG_LIKELIHOOD} relative), the latent densities by less than {@value #DENSITY} in correlation.
 */
class MixtureFitterTest {
    /** R's M-step objective short of the maximum, relative. */
    static final double M_STEP = 1e-6;
    /** Mixture log-likelihoods after the same step, relative. */
    static final double LOG_LIKELIHOOD = 1e-5;
    /** One minus the correlation of the latent densities after the same step. */
    static final double DENSITY = 1e-6;

    static Stream<Arguments> levels() {
        List<Arguments> out = new ArrayList<>();
        for (String input : SpikesGolden.INPUTS) {
            SpikesGolden.Table tr = SpikesGolden.table(input + "/fit_trace.csv");
            for (String variable : new String[] {"t", "v"}) {
                for (int l = 1; l <= 5; l++) {
                    if (!tr.where(Map.of("variable", variable, "L", "" + l, "stage", "init")).isEmpty()) {
                        out.add(Arguments.of(input, variable, l));
                    }
                }
            }
        }
        return out.stream();
    }

    /** @return the counts of a variable: t of N, or v of t */
    static BinomialCounts counts(String input, String variable) {
        int[][] d = SpikesGolden.ntv(input);
        return variable.equals("t") ? new BinomialCounts(d[1], d[0]) : new BinomialCounts(d[2], d[1]);
    }

    private static BetaBinomialMixture rMixture(String input, String variable, int l, String stage, int iter) {
        return SpikesGolden.mixture(input + "/fit_trace.csv", Map.of("variable", variable, "L", "" + l, "stage", stage,
                "iter", "" + iter));
    }

    private static double rValue(String input, String variable, int l, String stage, int iter, String column) {
        SpikesGolden.Table tr = SpikesGolden.table(input + "/fit_trace.csv");
        return tr.num(tr.where(Map.of("variable", variable, "L", "" + l, "stage", stage, "iter", "" + iter)).get(0),
                column);
    }

    /** The weighted log-likelihood R's M-step maximises, log-choose terms included, with W from {@code old}. */
    private static double mStepObjective(BinomialCounts c, BetaBinomialMixture old, BetaBinomialMixture at) {
        BetaBinomialEm em = new BetaBinomialEm(c);
        BetaBinomialMStep m = new BetaBinomialMStep(c);
        em.expectation(old);
        double q = 0;
        for (int k = 0; k < at.components(); k++) {
            BetaBinomialMStep.Weights w = m.weights(em.posterior()[k]);
            q += m.value(w, Math.log(at.alpha(k)), Math.log(at.beta(k)));
        }
        return q + c.logChooseSum;
    }

    /** R's start (the initialisation's mixture) has R's log-likelihood, and R's L-BFGS-B result is its mixture. */
    @ParameterizedTest
    @MethodSource("levels")
    void theStartIsRs(String input, String variable, int l) {
        BinomialCounts c = counts(input, variable);
        BetaBinomialMixture start = rMixture(input, variable, l, "init", 0);
        double ll = rValue(input, variable, l, "init", 0, "loglik");
        assertEquals(ll, new BetaBinomialEm(c).logLikelihood(start), 1e-12 * Math.abs(ll));
        SpikesGolden.Table st = SpikesGolden.table(input + "/fit_starts.csv");
        List<Integer> rows = st.where(Map.of("variable", variable, "L", "" + l));
        double[] par = new double[rows.size()];
        for (int i = 0; i < par.length; i++) {
            par[i] = st.num(rows.get(i), "par");
        }
        BetaBinomialMixture fromPar = KdeInit.mixture(par, l);
        for (int k = 0; k < l; k++) {
            assertEquals(start.alpha(k), fromPar.alpha(k), 1e-12 * start.alpha(k));
            assertEquals(start.beta(k), fromPar.beta(k), 1e-12 * start.beta(k));
            assertEquals(start.w(k), fromPar.w(k), 1e-12);
        }
        // the initialisation's objective at R's optimum: the kernel density (bw 0.001), dbeta and y.v
        double objective = rValue(input, variable, l, "init", 0, "objective");
        double ours = new MixtureFitter(c).init().objective(par, l, null);
        assertEquals(objective, ours, 1e-9 * objective, "mean squared error of the initialisation");
    }

    /** Every EM step from R's previous iterate: R's objective, at least as high, R's log-likelihood and density. */
    @ParameterizedTest
    @MethodSource("levels")
    void eachEmStepReachesRsMaximum(String input, String variable, int l) {
        BinomialCounts c = counts(input, variable);
        MixtureFitter f = new MixtureFitter(c);
        double[] grid = f.grid();
        BetaBinomialMixture old = rMixture(input, variable, l, "init", 0);
        for (int it = 1; ; it++) {
            SpikesGolden.Table tr = SpikesGolden.table(input + "/fit_trace.csv");
            if (tr.where(Map.of("variable", variable, "L", "" + l, "stage", "em", "iter", "" + it)).isEmpty()) {
                break;
            }
            BetaBinomialMixture rNew = rMixture(input, variable, l, "em", it);
            double rObjective = rValue(input, variable, l, "em", it, "objective");
            String where = input + " " + variable + " L=" + l + " iteration " + it;
            assertEquals(rObjective, mStepObjective(c, old, rNew), 1e-10 * Math.abs(rObjective), where);
            BetaBinomialMixture ours = new BetaBinomialEm(c).step(old).next();
            double q = mStepObjective(c, old, ours);
            assertTrue(q >= rObjective - 1e-10 * Math.abs(rObjective), where + ": ours " + q + " < R's " + rObjective);
            assertTrue(q - rObjective <= M_STEP * Math.abs(rObjective), where + ": R short by " + (q - rObjective));
            double rLl = rValue(input, variable, l, "em", it, "loglik");
            assertEquals(rLl, new BetaBinomialEm(c).logLikelihood(ours), LOG_LIKELIHOOD * Math.abs(rLl), where);
            double cor = BetaBinomialMixture.correlation(ours.latentDensity(grid), rNew.latentDensity(grid));
            assertTrue(1 - cor <= DENSITY, where + ": correlation " + cor);
            old = rNew;
        }
    }

    /** The whole EM run from R's start: as many iterations, R's log-likelihood, and the same choice of L. */
    @ParameterizedTest
    @MethodSource("levels")
    void theEmRunFromRsStartEndsWhereRsDoes(String input, String variable, int l) {
        BinomialCounts c = counts(input, variable);
        MixtureFitter.EmRun run = new MixtureFitter(c).em(rMixture(input, variable, l, "init", 0));
        SpikesGolden.Table tr = SpikesGolden.table(input + "/fit_trace.csv");
        int rIterations = 0;
        while (!tr.where(Map.of("variable", variable, "L", "" + l, "stage", "em", "iter", "" + (rIterations + 1)))
                .isEmpty()) {
            rIterations++;
        }
        assertEquals(rIterations, run.iterates().size());
        double rLl = rValue(input, variable, l, "em", rIterations, "loglik");
        assertEquals(rLl, run.last().logLikelihood(), LOG_LIKELIHOOD * Math.abs(rLl));
        assertEquals(rValue(input, variable, l, "em", rIterations, "delta") >= MixtureFitter.CORRELATION,
                run.last().delta() >= MixtureFitter.CORRELATION);
    }

    /**
     * The number of components: R stops at the first L whose latent density correlates at 0.99 with L − 1's; our
     * correlations of R's fits and of ours (from R's starts) stop at the same L, and R's final fit is the last L's.
     */
    @ParameterizedTest
    @MethodSource("inputsAndVariables")
    void theNumberOfComponentsIsRs(String input, String variable) {
        BinomialCounts c = counts(input, variable);
        MixtureFitter f = new MixtureFitter(c);
        double[] grid = f.grid();
        BetaBinomialMixture fin = SpikesGolden.mixture(input + "/fit_final.csv", Map.of("variable", variable));
        int last = fin.components();
        double[] prevR = null;
        double[] prevOurs = null;
        for (int l = 1; l <= last; l++) {
            int its = 0;
            SpikesGolden.Table tr = SpikesGolden.table(input + "/fit_trace.csv");
            while (!tr.where(Map.of("variable", variable, "L", "" + l, "stage", "em", "iter", "" + (its + 1)))
                    .isEmpty()) {
                its++;
            }
            double[] r = rMixture(input, variable, l, "em", its).latentDensity(grid);
            double[] ours = f.em(rMixture(input, variable, l, "init", 0)).last().mixture().latentDensity(grid);
            if (prevR != null) {
                boolean stop = l == last && last < 5;
                assertEquals(stop, BetaBinomialMixture.correlation(r, prevR) >= MixtureFitter.CORRELATION, "R, L=" + l);
                assertEquals(stop, BetaBinomialMixture.correlation(ours, prevOurs) >= MixtureFitter.CORRELATION,
                        "ours, L=" + l);
            }
            prevR = r;
            prevOurs = ours;
        }
        double ll = SpikesGolden.table(input + "/fit_final.csv").num(
                SpikesGolden.table(input + "/fit_final.csv").where(Map.of("variable", variable)).get(0), "loglik");
        assertEquals(ll, new BetaBinomialEm(c).logLikelihood(fin), 1e-12 * Math.abs(ll));
    }

    static Stream<Arguments> inputsAndVariables() {
        List<Arguments> out = new ArrayList<>();
        for (String input : SpikesGolden.INPUTS) {
            out.add(Arguments.of(input, "t"));
            out.add(Arguments.of(input, "v"));
        }
        return out.stream();
    }

    /**
     * The Hessian of the last M-step: ours is exact, R's comes from differences of finite-difference gradients
     * (step 1e-3 on the log scale), so they agree to about 1e-3 of the diagonal.
     */
    @ParameterizedTest
    @MethodSource("inputsAndVariables")
    void theHessianIsRs(String input, String variable) {
        BinomialCounts c = counts(input, variable);
        BetaBinomialMixture fin = SpikesGolden.mixture(input + "/fit_final.csv", Map.of("variable", variable));
        int l = fin.components();
        SpikesGolden.Table tr = SpikesGolden.table(input + "/fit_trace.csv");
        int its = 0;
        while (!tr.where(Map.of("variable", variable, "L", "" + l, "stage", "em", "iter", "" + (its + 1)))
                .isEmpty()) {
            its++;
        }
        BetaBinomialMixture before = its == 1 ? rMixture(input, variable, l, "init", 0)
                : rMixture(input, variable, l, "em", its - 1);
        double[][] ours = new BetaBinomialEm(c).step(before).hessian();
        SpikesGolden.Table h = SpikesGolden.table(input + "/fit_hessian.csv");
        double scale = 0;
        for (int r : h.where(Map.of("variable", variable))) {
            scale = Math.max(scale, Math.abs(h.num(r, "value")));
        }
        for (int r : h.where(Map.of("variable", variable))) {
            int i = (int) h.num(r, "row") - 1;
            int j = (int) h.num(r, "col") - 1;
            assertEquals(h.num(r, "value"), ours[i][j], 1e-3 * scale, input + " " + variable + " H[" + i + "][" + j
                    + "]");
        }
    }

    /** Seeded starts: the same seed gives the same fit on one thread and on two; a different seed may not. */
    @Test
    void theFitIsTheSameForAnyThreadCount() {
        BinomialCounts c = counts("coarse", "v");
        MixtureFit one = new MixtureFitter(c).fit(5, 4, 99, 1, Progress.NONE);
        MixtureFit two = new MixtureFitter(c).fit(5, 4, 99, 2, Progress.NONE);
        assertEquals(one.mixture(), two.mixture());
        assertEquals(one.logLikelihood(), two.logLikelihood());
        assertEquals(one.levels().size(), two.levels().size());
        for (MixtureFit.Level lv : one.levels()) {
            double best = lv.logLikelihoods()[lv.best()];
            for (double x : lv.logLikelihoods()) {
                assertTrue(x <= best);
            }
        }
    }
}
