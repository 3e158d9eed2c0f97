package org.psephos.cases.kazakhstan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.psephos.cases.kazakhstan.KazakhstanCalibrator.Area;
import org.psephos.cases.kazakhstan.KazakhstanModel.Dataset;
import org.psephos.data.CsvTable;
import org.psephos.data.DataException;
import org.psephos.scenarios.IntradayTurnout;

/**
 * The rows of one election that {@link KazakhstanCalibrator} reads from the dataset's tables: its facts
 * ({@code election_facts.csv}), its regions ({@code regions.csv}) and every region's latest published turnout
 * ({@code intraday_turnout.csv}); a missing column, figure or region is a {@link DataException} naming the file.
 * Stateless.
 */
final class CalibrationInputs {
    private CalibrationInputs() {
    }

    /** The election's rows of {@code election_facts.csv}, quantity → value. */
    static Map<String, String> facts(Dataset d, String election) {
        CsvTable t = d.facts();
        int e = t.requiredColumn("election");
        int q = t.requiredColumn("quantity");
        int v = t.requiredColumn("value");
        Map<String, String> out = new HashMap<>();
        for (CsvTable.Row row : t.rows()) {
            if (!row.isBlank() && t.cell(row, e).equals(election)) {
                String value = t.cell(row, v);
                if (!value.matches("[0-9]+")) {
                    throw t.error(row, v, "the value is not a whole number").value(value).build();
                }
                out.put(t.cell(row, q), value);
            }
        }
        return out;
    }

    static int requiredFact(Map<String, String> facts, String quantity, String election, Dataset d) {
        String v = facts.get(quantity);
        if (v == null) {
            throw DataException.of("election_facts.csv has no '" + quantity + "' for " + election)
                    .file(d.dir().resolve("election_facts.csv")).build();
        }
        return Integer.parseInt(v);
    }

    /** The election's regions from {@code regions.csv}, in file order. */
    static List<Area> areas(Dataset d, String election) {
        CsvTable t = d.regions();
        int e = t.requiredColumn("election");
        int a = t.requiredColumn("area");
        int p = t.requiredColumn("areas_2022");
        int o = t.requiredColumn("utc_offset");
        int s = t.requiredColumn("stations");
        int r = t.requiredColumn("registered");
        int asOf = t.requiredColumn("registered_as_of");
        List<Area> out = new ArrayList<>();
        for (CsvTable.Row row : t.rows()) {
            if (row.isBlank() || !t.cell(row, e).equals(election)) {
                continue;
            }
            List<String> parts = new ArrayList<>();
            for (String x : t.cell(row, p).split(";")) {
                parts.add(x.trim());
            }
            out.add(new Area(t.cell(row, a), parts, t.cell(row, o), count(t, row, s),
                    largeCount(t, row, r), t.cell(row, asOf)));
        }
        if (out.isEmpty()) {
            throw DataException.of("regions.csv has no region of " + election).file(d.dir().resolve("regions.csv"))
                    .build();
        }
        return out;
    }

    /** A whole-number cell as an int (a number of stations), or -1 where it is empty. */
    private static int count(CsvTable t, CsvTable.Row row, int col) {
        String v = wholeNumber(t, row, col);
        return v == null ? -1 : Integer.parseInt(v);
    }

    /** A whole-number cell that may exceed an int (a number of voters), as a double, or -1 where it is empty. */
    private static double largeCount(CsvTable t, CsvTable.Row row, int col) {
        String v = wholeNumber(t, row, col);
        return v == null ? -1 : Double.parseDouble(v);
    }

    private static String wholeNumber(CsvTable t, CsvTable.Row row, int col) {
        String v = t.cell(row, col);
        if (v.isEmpty()) {
            return null;
        }
        if (!v.matches("[0-9]+")) {
            throw t.error(row, col, "the count is not a whole number").value(v).build();
        }
        return v;
    }

    /** The latest published turnout of every region ({@code intraday_turnout.csv}), percent; sets its time. */
    static Map<String, Double> latestTurnout(Dataset d, String election, List<Area> areas) {
        CsvTable t = d.intraday();
        Map<String, Double> out = new HashMap<>();
        Map<String, String> when = new HashMap<>();
        for (IntradayTurnout.Figure f : IntradayTurnout.figures(t, election)) {
            if (!(f.turnout() > 0 && f.turnout() < 100)) {
                throw t.error(f.row(), t.column("turnout_percent"), "a turnout of 0 or 100% cannot be calibrated to")
                        .value(Double.toString(f.turnout())).build();
            }
            String area = f.area();
            String at = f.capitalTime();
            if (!when.containsKey(area) || at.compareTo(when.get(area)) > 0) {
                when.put(area, at);
                out.put(area, f.turnout());
            }
        }
        for (Area ar : areas) {
            if (!out.containsKey(ar.name)) {
                throw DataException.of("intraday_turnout.csv has no turnout of " + ar.name + " for " + election)
                        .file(d.dir().resolve("intraday_turnout.csv")).build();
            }
            ar.asOf = when.get(ar.name);
        }
        return out;
    }
}
