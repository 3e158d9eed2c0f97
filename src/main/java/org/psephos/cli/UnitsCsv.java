package org.psephos.cli;

import java.io.IOException;
import java.io.Writer;
import org.psephos.data.Election;
import org.psephos.data.Grouping;
import org.psephos.simulation.MonteCarloEngine;

/**
 * The {@code simulate --out} table: one row per unit, header
 * {@code unit,region,registered,ballots,valid,invalid,<options>,fraud}, the leader's column first among the options,
 * region and fraud class as text ({@code R01}, {@code clean}, {@code incremental}, …). An election simulated with an
 * urban population has the column {@code settlement} ({@code rural}, {@code urban}) after {@code region}.
 */
final class UnitsCsv {
    private UnitsCsv() {
    }

    /**
     * @param e   a simulated election with groupings {@code region} and {@code fraud}
     * @param out where to write
     * @throws IOException if writing fails
     */
    static void write(Election e, Writer out) throws IOException {
        Grouping region = e.grouping("region").orElseThrow();
        Grouping fraud = e.grouping("fraud").orElseThrow();
        Grouping settlement = e.grouping(MonteCarloEngine.SETTLEMENT).orElse(null);
        StringBuilder row = new StringBuilder(256);
        row.append(settlement == null ? "unit,region" : "unit,region,settlement")
                .append(",registered,ballots,valid,invalid");
        for (String o : e.options()) {
            row.append(',').append(o);
        }
        row.append(",fraud\n");
        out.write(row.toString());
        for (int i = 0; i < e.size(); i++) {
            row.setLength(0);
            row.append(e.unitId(i)).append(',').append(region.label(i));
            if (settlement != null) {
                row.append(',').append(settlement.label(i));
            }
            row.append(',').append(e.registered(i))
                    .append(',').append(e.ballots(i)).append(',').append(e.valid(i)).append(',').append(e.invalid(i));
            for (int k = 0; k < e.optionCount(); k++) {
                row.append(',').append(e.votes(k, i));
            }
            row.append(',').append(fraud.label(i)).append('\n');
            out.append(row);
        }
    }
}
