package org.psephos.scenarios;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.psephos.data.CsvTable;
import org.psephos.data.DataException;
import org.psephos.scenarios.IntradayTurnout.Figure;

/**
 * The files of {@link IntradayTurnout}, read and checked: the briefings ({@code election, capital_time, area,
 * turnout_percent}) and the regions' UTC offsets ({@code election, area, utc_offset}); a bad cell is a
 * {@link DataException} naming its file, row and column.
 */
final class IntradayFiles {
    private IntradayFiles() {
    }

    /**
     * @param t        the briefings file
     * @param election the election
     * @return its rows, in file order
     * @throws DataException naming the row and column of a time that is not HH:MM or a turnout outside [0, 100]
     */
    static List<Figure> figures(CsvTable t, String election) {
        int e = t.requiredColumn("election");
        int time = t.requiredColumn("capital_time");
        int a = t.requiredColumn("area");
        int v = t.requiredColumn("turnout_percent");
        List<Figure> out = new ArrayList<>();
        for (CsvTable.Row row : t.rows()) {
            if (row.isBlank() || !t.cell(row, e).equals(election)) {
                continue;
            }
            String at = t.cell(row, time);
            if (!at.matches("([01][0-9]|2[0-3]):[0-5][0-9]")) {
                throw t.error(row, time, "the time is not HH:MM").value(at).build();
            }
            double p;
            try {
                p = Double.parseDouble(t.cell(row, v));
            } catch (NumberFormatException ex) {
                p = Double.NaN;
            }
            if (!(p >= 0 && p <= 100)) {
                throw t.error(row, v, "the turnout is not a percentage between 0 and 100").value(t.cell(row, v))
                        .build();
            }
            out.add(new Figure(row, at, t.cell(row, a), p));
        }
        return out;
    }

    /**
     * @param t        the regions file ({@code election, area, utc_offset}), read
     * @param election the election
     * @return each region's UTC offset in hours, in file order
     * @throws DataException naming the row and column of an offset that is not +HH:MM, or if no row is the election's
     */
    static Map<String, Double> offsets(CsvTable t, String election) {
        int e = t.requiredColumn("election");
        int a = t.requiredColumn("area");
        int o = t.requiredColumn("utc_offset");
        Map<String, Double> out = new LinkedHashMap<>();
        for (CsvTable.Row row : t.rows()) {
            if (row.isBlank() || !t.cell(row, e).equals(election)) {
                continue;
            }
            String v = t.cell(row, o);
            if (!v.matches("[+-][0-9]{2}:[0-9]{2}")) {
                throw t.error(row, o, "the UTC offset is not +HH:MM").value(v).build();
            }
            double h = Integer.parseInt(v.substring(1, 3)) + Integer.parseInt(v.substring(4, 6)) / 60.0;
            out.put(t.cell(row, a), v.startsWith("-") ? -h : h);
        }
        if (out.isEmpty()) {
            throw DataException.of("the regions file has no region of " + election).file(Path.of(t.file())).build();
        }
        return out;
    }
}
