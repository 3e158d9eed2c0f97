package org.psephos.scenarios;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.psephos.data.CsvTable;
import org.psephos.data.DataException;

/**
 * What observers published with numbers ({@code observers.csv}: election, observer, kind, quantity, value, unit,
 * approximate, source): stations observed, violations, counts assessed. An empty value is a publication whose
 * figures could not be read. Immutable.
 *
 * @param rows the rows in file order
 * @since 0.1
 */
public record ObserverEvidence(List<Row> rows) {
    /** Copies the list. */
    public ObserverEvidence {
        rows = List.copyOf(rows);
    }

    /**
     * One published figure.
     *
     * @param election    the election
     * @param observer    who
     * @param kind        {@code international}, {@code domestic} or {@code official}
     * @param quantity    what was counted
     * @param value       the figure (NaN if not readable)
     * @param unit        its unit
     * @param approximate whether the source gives it approximately ("about", "half")
     * @param source      where
     */
    public record Row(String election, String observer, String kind, String quantity, double value, String unit,
                      boolean approximate, String source) {
    }

    /**
     * @param election an election
     * @param quantity a quantity
     * @return the first row of that election and quantity, or null
     */
    public Row find(String election, String quantity) {
        return rows.stream().filter(r -> r.election().equals(election) && r.quantity().equals(quantity)).findFirst()
                .orElse(null);
    }

    /**
     * @param file the file
     * @return its rows
     * @throws DataException naming the file, line and column for a missing column or a value that is not a number
     */
    public static ObserverEvidence read(Path file) {
        CsvTable t = CsvTable.read(file);
        String[] names = {"election", "observer", "kind", "quantity", "value", "unit", "approximate", "source"};
        int[] c = new int[names.length];
        for (int i = 0; i < names.length; i++) {
            c[i] = t.column(names[i]);
            if (c[i] < 0) {
                throw DataException.of("the observer file has no column '" + names[i] + "'").file(file)
                        .line(t.header().line()).build();
            }
        }
        List<Row> out = new ArrayList<>();
        for (CsvTable.Row row : t.rows()) {
            if (row.isBlank()) {
                continue;
            }
            String v = t.cell(row, c[4]);
            double x = Double.NaN;
            if (!v.isEmpty()) {
                try {
                    x = Double.parseDouble(v);
                } catch (NumberFormatException e) {
                    throw t.error(row, c[4], "the value is not a number").value(v).build();
                }
            }
            out.add(new Row(t.cell(row, c[0]), t.cell(row, c[1]), t.cell(row, c[2]), t.cell(row, c[3]), x,
                    t.cell(row, c[5]), t.cell(row, c[6]).equalsIgnoreCase("yes"), t.cell(row, c[7])));
        }
        return new ObserverEvidence(out);
    }
}
