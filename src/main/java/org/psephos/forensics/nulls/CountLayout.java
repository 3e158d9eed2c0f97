package org.psephos.forensics.nulls;

import java.util.ArrayList;
import java.util.List;
import org.psephos.data.Election;
import org.psephos.simulation.ConditionalMultinomial;

/**
 * The per-unit constants of {@link CountResampler}, computed once: how each unit's ballots are redrawn, the
 * categories of its multinomial and their (conditional) probabilities or Dirichlet parameters, and the cells that
 * stay missing. Stored per chunk so that the block samplers read them in place. Package-private; immutable after
 * construction.
 *
 * <p>Categories: every option, "other valid" (valid − the options' sum, where the source has a valid column),
 * invalid (where it has an invalid column) and "unfound" (ballots − found, where positive). Categories that are 0
 * in every unit are left out; the others are ordered by their totals, except that the category whose draws would
 * cost most (by the sampler's cost model, see {@code order}) is last, the chain's free remainder.
 */
final class CountLayout {
    /** Output indices of missing cells beyond the options (options are 0 .. K − 1). */
    static final int VALID_OUT = -1;
    static final int INVALID_OUT = -2;
    static final int BALLOTS_OUT = -3;

    final ElectionView view;
    final boolean beta;
    /** The categories, in draw order. */
    final Category[] categories;
    /**
     * [chunk][unit]: trials and probability of the ballots draw (binomial; the shrunk rate of {@link MatchedRates}
     * under the matched model); Dirichlet parameters (beta).
     */
    final int[][] trials;
    final double[][] rate;
    final double[][][] ballotAlpha;
    /** [chunk][unit]: the multinomial's size is fixed[.] where ≥ 0, else ballots* + offset[.]. */
    final int[][] fixed;
    final int[][] offset;
    /** [chunk][category][unit]: conditional probabilities (binomial) or Dirichlet parameters (beta). */
    final double[][][] cond;
    /** [chunk]: packed (unit · 2048 + output + 8) of the cells that stay missing, or null. */
    final int[][] missing;
    final double turnoutConcentration;
    final double shareConcentration;

    CountLayout(ElectionView v, ResamplingModel model) {
        this.view = v;
        this.beta = model instanceof ResamplingModel.BetaBinomial;
        int n = v.units;
        int k = v.options;
        Election e = v.election;
        // Raw category weights per unit: options 0..K-1, other K, invalid K+1, unfound K+2.
        double[][] w = new double[k + 3][n];
        boolean matched = model instanceof ResamplingModel.Matched;
        boolean[][] absent = matched ? new boolean[k + 3][n] : null;
        int[] fixedAll = new int[n];
        int[] offsetAll = new int[n];
        List<List<Integer>> miss = new ArrayList<>();
        for (int c = 0; c < v.chunks(); c++) {
            miss.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            long present = 0;
            boolean optionMissing = false;
            for (int o = 0; o < k; o++) {
                int x = v.votes[o][i];
                if (x < 0) {
                    optionMissing = true;
                    miss.get(i / UnitChunk.CAPACITY).add(pack(i, o));
                    if (matched) {
                        absent[o][i] = true;
                    }
                } else {
                    w[o][i] = x;
                    present += x;
                }
            }
            int val = v.valid[i];
            if (val < 0 || (!e.hasValid() && optionMissing)) {
                miss.get(i / UnitChunk.CAPACITY).add(pack(i, VALID_OUT));
            }
            w[k][i] = e.hasValid() && val >= 0 ? Math.max(0, val - present) : 0;
            int inv = v.invalid[i];
            if (inv < 0) {
                miss.get(i / UnitChunk.CAPACITY).add(pack(i, INVALID_OUT));
                if (matched) {
                    absent[k + 1][i] = true;
                }
            }
            w[k + 1][i] = Math.max(0, inv);
            long found = present + (long) w[k][i] + (long) w[k + 1][i];
            int b = v.ballots[i];
            if (b < 0) {
                miss.get(i / UnitChunk.CAPACITY).add(pack(i, BALLOTS_OUT));
                fixedAll[i] = (int) Math.min(Integer.MAX_VALUE, found);
            } else {
                w[k + 2][i] = Math.max(0, b - found);
                fixedAll[i] = -1;
                offsetAll[i] = (int) Math.min(Integer.MAX_VALUE, Math.max(0, found - b));
            }
        }
        categories = order(w, k);
        turnoutConcentration = beta ? BetaPrior.concentration(model, BetaPrior.turnoutMoments(v)) : Double.NaN;
        shareConcentration = beta ? BetaPrior.concentration(model, BetaPrior.shareMoments(w, categories)) : Double.NaN;
        int chunks = v.chunks();
        trials = new int[chunks][];
        rate = beta ? null : new double[chunks][];
        ballotAlpha = beta ? new double[chunks][][] : null;
        fixed = new int[chunks][];
        offset = new int[chunks][];
        cond = new double[chunks][][];
        missing = new int[chunks][];
        double meanTurnout = beta ? BetaPrior.turnoutMoments(v)[0] : 0;
        double[] meanShare = beta ? BetaPrior.meanShares(w, categories) : null;
        double[] matchedTurnout = matched ? MatchedRates.turnout(v) : null;
        double[][] matchedCond = matched ? MatchedRates.conditionals(w, categories, v, absent) : null;
        for (int c = 0; c < chunks; c++) {
            int from = v.start(c);
            int len = v.length(c);
            trials[c] = new int[len];
            fixed[c] = java.util.Arrays.copyOfRange(fixedAll, from, from + len);
            offset[c] = java.util.Arrays.copyOfRange(offsetAll, from, from + len);
            double[] p = new double[len];
            double[][] alpha = beta ? new double[2][len] : null;
            for (int j = 0; j < len; j++) {
                int i = from + j;
                int reg = v.registered[i];
                int b = v.ballots[i];
                // Redrawn from the registered voters where they bound the ballots; otherwise kept (B* = B).
                boolean drawn = b >= 0 && reg > 0 && b <= reg;
                trials[c][j] = drawn ? reg : Math.max(0, b);
                p[j] = !drawn ? 1 : matched ? matchedTurnout[i] : (double) b / reg;
                if (beta) {
                    alpha[0][j] = drawn ? b + turnoutConcentration * meanTurnout : 1;
                    alpha[1][j] = drawn ? reg - b + turnoutConcentration * (1 - meanTurnout) : 0;
                }
            }
            if (beta) {
                ballotAlpha[c] = alpha;
            } else {
                rate[c] = p;
            }
            double[][] wc = new double[categories.length][len];
            for (int q = 0; q < categories.length; q++) {
                double[] src = w[categories[q].row(k)];
                for (int j = 0; j < len; j++) {
                    wc[q][j] = beta ? (src[from + j] + shareConcentration * meanShare[q]) : src[from + j];
                }
            }
            if (beta) {
                zeroMissing(wc, miss.get(c), from, k);
            } else if (matched) {
                for (int q = 0; q < categories.length; q++) {
                    System.arraycopy(matchedCond[q], from, wc[q], 0, len);
                }
            } else {
                ConditionalMultinomial.conditional(wc, categories.length, wc, len);
            }
            cond[c] = wc;
            missing[c] = miss.get(c).isEmpty() ? null : miss.get(c).stream().mapToInt(Integer::intValue).toArray();
        }
    }

    static int pack(int unit, int output) {
        return (unit % UnitChunk.CAPACITY) * 2048 + output + 8;
    }

    /**
     * The categories with a positive total, by decreasing total, except that the one whose draws would cost most
     * goes last, where the chain gives it for free. Cost model per unit, from the block sampler's timings
     * (benchmarks/README.md): a count of mean m costs about 6 + 4.5(m + 1) ns by inversion when m &lt; 16, about
     * 20 ns by BTRD above. The order changes which counts a seed gives, not their distribution.
     */
    private static Category[] order(double[][] w, int options) {
        List<double[]> cats = new ArrayList<>();
        for (int r = 0; r < w.length; r++) {
            double total = 0;
            double cost = 0;
            for (double x : w[r]) {
                total += x;
                cost += x <= 0 ? 0 : x < 16 ? 6 + 4.5 * (x + 1) : 20;
            }
            if (total > 0) {
                cats.add(new double[] {r, total, cost});
            }
        }
        if (cats.isEmpty()) {
            return new Category[] {Category.UNFOUND};
        }
        cats.sort((a, b) -> Double.compare(b[1], a[1]));
        int dearest = 0;
        for (int q = 1; q < cats.size(); q++) {
            dearest = cats.get(q)[2] > cats.get(dearest)[2] ? q : dearest;
        }
        Category[] out = new Category[cats.size()];
        int pos = 0;
        for (int q = 0; q < cats.size(); q++) {
            if (q != dearest) {
                out[pos++] = Category.ofRow((int) cats.get(q)[0], options);
            }
        }
        out[pos] = Category.ofRow((int) cats.get(dearest)[0], options);
        return out;
    }

    /** Missing option and invalid cells take no trials under the Dirichlet draw. */
    private void zeroMissing(double[][] wc, List<Integer> miss, int from, int options) {
        for (int packed : miss) {
            int j = packed / 2048;
            int out = packed % 2048 - 8;
            for (int q = 0; q < categories.length; q++) {
                Category cat = categories[q];
                if ((cat.isOption() && cat.option() == out)
                        || (cat.kind() == Category.Kind.INVALID && out == INVALID_OUT)) {
                    wc[q][j] = 0;
                }
            }
        }
    }
}
