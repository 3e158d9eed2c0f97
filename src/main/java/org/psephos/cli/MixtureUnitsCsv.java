package org.psephos.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.psephos.data.Election;
import org.psephos.estimation.FraudMixture;
import org.psephos.estimation.FraudMixtureResult;
import org.psephos.report.CsvWriter;

/**
 * The {@code analyze --units-csv} table: the national {@link FraudMixture} fit per unit, header
 * {@code unit,registered,ballots,leader,turnout,share,p_clean,p_incremental,p_extreme,class,manufactured_votes,
 * stolen_votes}. {@code class} is the modal class (eforensics' {@code k.hat}); the vote columns are the expected
 * manufactured and stolen votes given the unit's posterior (eforensics' {@code Manufactured} and {@code Stolen}).
 * Units are those the battery kept (the standard filter), in file order; {@code unit} is the file's id, else the
 * kept unit's 1-based position.
 */
final class MixtureUnitsCsv {
    private static final String[] CLASSES = {"clean", "incremental", "extreme"};

    private MixtureUnitsCsv() {
    }

    /**
     * Fits the mixture to the kept units and writes the table.
     *
     * @param kept    the units the battery analysed
     * @param target  the CSV file
     * @param threads threads for the fit (the result does not depend on it)
     * @throws UsageException if the mixture cannot be fitted (fewer than 10 units, no leader) or the file cannot be
     *                        written
     */
    static void write(Election kept, Path target, int threads) {
        FraudMixtureResult r;
        try {
            r = FraudMixture.withDefaults().fit(kept, threads);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--units-csv: no FraudMixture fit: " + e.getMessage(), e);
        }
        int lead = kept.leader();
        double[] man = r.unitManufactured();
        double[] st = r.unitStolen();
        OutputFiles.writeText(target, w -> {
            CsvWriter.row(w, List.of("unit", "registered", "ballots", "leader", "turnout", "share", "p_clean",
                    "p_incremental", "p_extreme", "class", "manufactured_votes", "stolen_votes"));
            List<Object> row = new ArrayList<>(12);
            for (int i = 0; i < kept.size(); i++) {
                row.clear();
                int b = kept.ballots(i);
                row.add(kept.hasUnitIds() ? kept.unitId(i) : Integer.toString(i + 1));
                row.add(kept.registered(i));
                row.add(b);
                row.add(kept.votes(lead, i));
                row.add((double) b / kept.registered(i));
                row.add(b > 0 ? (double) kept.votes(lead, i) / b : Double.NaN);
                row.add(r.posterior(i, 0));
                row.add(r.posterior(i, 1));
                row.add(r.posterior(i, 2));
                row.add(CLASSES[r.modalClass(i)]);
                row.add(man[i]);
                row.add(st[i]);
                CsvWriter.row(w, row);
            }
        });
    }
}
