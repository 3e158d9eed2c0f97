package org.psephos.data;

import static org.psephos.data.AggregateChecks.n;

import java.util.ArrayList;
import java.util.List;

/** The per-unit checks of {@link ArithmeticAudit}: each identity on every unit, counted, with the first few units. */
final class UnitChecks {
    /** How many failing units a finding names. */
    static final int EXAMPLES = 5;

    private final Election e;
    private final List<AuditFinding> out = new ArrayList<>();

    private UnitChecks(Election e) {
        this.e = e;
    }

    static List<AuditFinding> run(Election e) {
        UnitChecks c = new UnitChecks(e);
        if (e.hasValid()) {
            c.check("options-sum=valid", "the options' votes do not sum to valid", i -> {
                long s = 0;
                for (int k = 0; k < e.optionCount(); k++) {
                    if (e.votes(k, i) < 0) {
                        return null;
                    }
                    s += e.votes(k, i);
                }
                return e.valid(i) < 0 ? null : new long[] {s, e.valid(i)};
            });
        } else {
            c.unverifiable("options-sum=valid", "no valid column: valid is taken as the options' sum, so the "
                    + "identity holds by construction");
        }
        if (e.hasInvalid()) {
            c.check("valid+invalid=ballots", "valid + invalid differs from ballots", i -> {
                int v = e.valid(i);
                int inv = e.invalid(i);
                int b = e.ballots(i);
                return v < 0 || inv < 0 || b < 0 ? null : new long[] {(long) v + inv, b};
            });
        } else {
            c.unverifiable("valid+invalid=ballots", "no invalid column: valid + invalid cannot be compared with "
                    + "ballots");
        }
        c.check("ballots<=registered", "more ballots than registered voters", i -> {
            int b = e.ballots(i);
            int r = e.registered(i);
            return b < 0 || r < 0 ? null : new long[] {Math.min(b, r), b};
        });
        return c.out;
    }

    /** Yields {expected, found} for a unit, or {@code null} when a needed cell is missing. */
    private interface UnitIdentity {
        long[] values(int unit);
    }

    private void check(String check, String failure, UnitIdentity identity) {
        int failing = 0;
        int skipped = 0;
        long absolute = 0;
        List<String> units = new ArrayList<>();
        List<String> details = new ArrayList<>();
        for (int i = 0; i < e.size(); i++) {
            long[] v = identity.values(i);
            if (v == null) {
                skipped++;
            } else if (v[0] != v[1]) {
                failing++;
                absolute += Math.abs(v[1] - v[0]);
                if (units.size() < EXAMPLES) {
                    units.add(e.unitId(i));
                    details.add(e.unitId(i) + " (" + n(v[1]) + " vs " + n(v[0]) + ")");
                }
            }
        }
        int checked = e.size() - skipped;
        String skippedText = skipped == 0 ? "" : "; " + n(skipped) + " units skipped for missing cells";
        String text = failing == 0
                ? "holds in all " + n(checked) + " units checked" + skippedText
                : failure + " in " + n(failing) + " of " + n(checked) + " units checked (total |difference| "
                + n(absolute) + ")" + skippedText + "; first: " + String.join(", ", details);
        out.add(new AuditFinding(e.name(), "units", check,
                failing == 0 ? AuditFinding.Status.OK : AuditFinding.Status.DISCREPANCY, 0, failing, failing, text,
                units));
    }

    private void unverifiable(String check, String text) {
        out.add(new AuditFinding(e.name(), "units", check, AuditFinding.Status.UNVERIFIABLE, Double.NaN, Double.NaN,
                Double.NaN, text, List.of()));
    }
}
