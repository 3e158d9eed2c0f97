package org.psephos.forensics.nulls;

import java.util.ArrayList;
import java.util.List;

/**
 * The others' split of the clean-twin model ({@link TwinModel}): the members that share the valid votes not cast
 * for the leader (each option but the leader, and "other valid", valid − the options' sum), the reference member
 * (the one with the most votes), and per other member its additive log-ratio normal component against the reference,
 * fitted on the empirical log-ratios ln((c + ½)/(c_ref + ½)) with the symmetric rule (fraud does not push the
 * others' split one way). Package-private; immutable.
 */
final class TwinOthers {
    /** The members: option indices (the leader excluded) and −1 for "other valid". */
    final int[] members;
    /** The index of the reference member in {@link #members}. */
    final int reference;
    /** Log-ratio components of the members (null at the reference). */
    final TwinModel.Component[] ratios;

    private TwinOthers(int[] members, int reference, TwinModel.Component[] ratios) {
        this.members = members;
        this.reference = reference;
        this.ratios = ratios;
    }

    /**
     * @param v         the election's columns
     * @param valid     per unit the valid ballots the twins draw and split (−1 where missing)
     * @param lead      the leader's option index, or −1
     * @param group     per unit its group, or null
     * @param groups    the number of groups (1 without a grouping)
     * @param symmetric the fit's options with the symmetric tail rule
     * @return the fitted split
     */
    static TwinOthers fit(ElectionView v, int[] valid, int lead, int[] group, int groups, TwinOptions symmetric) {
        int n = v.units;
        long[] memberTotal = new long[v.options + 1];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < v.options; k++) {
                memberTotal[k] += k == lead ? 0 : Math.max(0, v.votes[k][i]);
            }
            memberTotal[v.options] += Math.max(0, otherValid(v, valid, i));
        }
        List<Integer> m = new ArrayList<>();
        int refK = -1;
        for (int k = 0; k <= v.options; k++) {
            if (k != lead && memberTotal[k] > 0) {
                m.add(k == v.options ? -1 : k);
                refK = refK < 0 || memberTotal[k] > memberTotal[refK] ? k : refK;
            }
        }
        int refMember = refK == v.options ? -1 : refK;
        int[] members = m.stream().mapToInt(Integer::intValue).toArray();
        int reference = m.indexOf(refMember);
        TwinModel.Component[] ratios = new TwinModel.Component[members.length];
        int[] refCounts = new int[n];
        for (int i = 0; i < n; i++) {
            refCounts[i] = count(v, valid, refMember, i);
        }
        for (int q = 0; q < members.length; q++) {
            if (q == reference) {
                continue;
            }
            double[][] r = new double[2][n];
            for (int i = 0; i < n; i++) {
                int c = count(v, valid, members[q], i);
                int cr = refCounts[i];
                boolean ok = c >= 0 && cr >= 0 && c + cr > 0;
                r[0][i] = ok ? Math.log((c + 0.5) / (cr + 0.5)) : Double.NaN;
                r[1][i] = ok ? 1 / (c + 0.5) + 1 / (cr + 0.5) : Double.NaN;
            }
            ratios[q] = ComponentFit.fit(r[0], r[1], null, group, groups, symmetric, ComponentFit.Push.NEITHER_WAY);
        }
        return new TwinOthers(members, reference, ratios);
    }

    /** @return valid − the options' sum (−1 if a cell is missing) */
    private static int otherValid(ElectionView v, int[] valid, int i) {
        long s = 0;
        for (int[] col : v.votes) {
            if (col[i] < 0) {
                return -1;
            }
            s += col[i];
        }
        return valid[i] < 0 ? -1 : (int) Math.max(0, valid[i] - s);
    }

    private static int count(ElectionView v, int[] valid, int member, int i) {
        return member >= 0 ? v.votes[member][i] : otherValid(v, valid, i);
    }
}
