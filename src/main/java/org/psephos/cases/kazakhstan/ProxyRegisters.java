package org.psephos.cases.kazakhstan;

import static org.psephos.cases.kazakhstan.StationAllocation.capitalOffset;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.psephos.cases.kazakhstan.KazakhstanCalibrator.Area;
import org.psephos.cases.kazakhstan.KazakhstanModel.Check;
import org.psephos.cases.kazakhstan.KazakhstanModel.Dataset;
import org.psephos.data.CsvTable;

/**
 * The registers per region before the briefings are used ({@link KazakhstanModel}, "Registers"): a region's
 * published register where there is one, the rest of the register in the country split in proportion to the
 * stations (within the capital-time and western groups where the capital-time register is published); and the
 * checks of the final estimates against registers published for other votes. {@link BriefingFit} then updates
 * the proxies. Stateless.
 */
final class ProxyRegisters {
    private ProxyRegisters() {
    }

    /** Registers published for the same region in other elections, and the 2019 capital-time group's. */
    static List<Check> checks(Dataset d, String election, List<Area> areas, double inCountry,
                              Map<String, String> facts) {
        List<Check> out = new ArrayList<>();
        CsvTable t = d.regions();
        int e = t.requiredColumn("election");
        int a = t.requiredColumn("area");
        int r = t.requiredColumn("registered");
        int asOf = t.requiredColumn("registered_as_of");
        for (CsvTable.Row row : t.rows()) {
            if (row.isBlank() || t.cell(row, e).equals(election) || t.cell(row, r).isEmpty()) {
                continue;
            }
            for (Area ar : areas) {
                if (ar.name.equals(t.cell(row, a)) && ar.publishedRegistered < 0) {
                    out.add(new Check(ar.name, Double.parseDouble(t.cell(row, r)), t.cell(row, e) + ", "
                            + t.cell(row, asOf), ar.registered));
                }
            }
        }
        if (facts.containsKey("registered_capital_time") && facts.containsKey("registered_election_day")) {
            String capital = capitalOffset(areas);
            double est = areas.stream().filter(x -> x.offset.equals(capital)).mapToDouble(x -> x.registered).sum();
            double pub = Double.parseDouble(facts.get("registered_capital_time"));
            double all = Double.parseDouble(facts.get("registered_election_day"));
            out.add(new Check("regions on capital time (UTC" + capital + ")", pub, "07:00 on election day, of "
                    + String.format(java.util.Locale.ROOT, "%,.0f", all) + " in the lists", est / inCountry * all));
        }
        return out;
    }

    /** Registers per region: published where there is one, the rest in proportion to the stations. */
    static void registers(List<Area> areas, double inCountry, Map<String, String> facts) {
        String capital = capitalOffset(areas);
        boolean grouped = facts.containsKey("registered_capital_time") && facts.containsKey("registered_election_day");
        double capShare = grouped ? Double.parseDouble(facts.get("registered_capital_time"))
                / Double.parseDouble(facts.get("registered_election_day")) : Double.NaN;
        for (boolean cap : grouped ? new boolean[] {true, false} : new boolean[] {true}) {
            List<Area> group = new ArrayList<>();
            for (Area a : areas) {
                if (!grouped || a.offset.equals(capital) == cap) {
                    group.add(a);
                }
            }
            double total = grouped ? inCountry * (cap ? capShare : 1 - capShare) : inCountry;
            double published = 0;
            double stations = 0;
            for (Area a : group) {
                if (a.publishedRegistered >= 0) {
                    published += a.publishedRegistered;
                } else {
                    stations += a.stations;
                }
            }
            for (Area a : group) {
                if (a.publishedRegistered >= 0) {
                    a.registered = a.publishedRegistered;
                    a.registeredBasis = a.registeredAsOf.startsWith("about") ? "published (rounded)" : "published";
                } else {
                    a.registered = (total - published) * a.stations / stations;
                    a.registeredBasis = "proxy: the register less the published regional registers, in proportion "
                            + "to the stations" + (grouped ? " (capital-time and western groups to the published "
                            + "capital-time register's share, " + String.format(java.util.Locale.ROOT, "%.4f",
                            capShare) + ")" : "");
                }
            }
        }
    }
}
