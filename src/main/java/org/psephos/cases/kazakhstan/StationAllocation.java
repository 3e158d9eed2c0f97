package org.psephos.cases.kazakhstan;

import static org.psephos.cases.kazakhstan.CalibrationInputs.areas;
import static org.psephos.cases.kazakhstan.CalibrationInputs.facts;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.psephos.cases.kazakhstan.KazakhstanCalibrator.Area;
import org.psephos.cases.kazakhstan.KazakhstanModel.Dataset;
import org.psephos.data.DataException;

/**
 * The stations in the country per region ({@link KazakhstanModel}, "Regions and stations"): as published;
 * where some regions' counts are missing, the remaining stations split equally between them; where the election
 * has no count at all, the 2022 presidential counts of the same territory scaled to the election's total (within
 * the capital-time group and the rest where that group's count is published), rounded by largest remainders.
 * Stateless.
 */
final class StationAllocation {
    private StationAllocation() {
    }

    /** Stations per region: published, else the rest split equally, else the 2022 counts scaled (see the class comment). */
    static void stations(Dataset d, String election, List<Area> areas, int inCountry,
                         Map<String, String> facts) {
        int published = 0;
        int missing = 0;
        for (Area a : areas) {
            if (a.publishedStations >= 0) {
                published += a.publishedStations;
            } else {
                missing++;
            }
        }
        if (missing < areas.size()) {
            int rest = inCountry - published;
            int i = 0;
            for (Area a : areas) {
                if (a.publishedStations >= 0) {
                    a.stations = a.publishedStations;
                    a.stationsBasis = "published";
                } else {
                    a.stations = rest / missing + (i++ < rest % missing ? 1 : 0);
                    a.stationsBasis = "proxy: the " + rest + " stations not published by region split equally between "
                            + missing + " regions";
                }
            }
            return;
        }
        // No count of this election: the 2022 presidential counts of the same territory, scaled.
        Map<String, Integer> s2022 = new HashMap<>();
        List<Area> a2022 = areas(d, "kz-2022-presidential");
        stations(d, "kz-2022-presidential", a2022, inCountry2022(d), Map.of());
        for (Area a : a2022) {
            s2022.put(a.name, a.stations);
        }
        String capital = capitalOffset(areas);
        Map<Boolean, Double> proxyByGroup = new HashMap<>();
        double[] proxy = new double[areas.size()];
        for (int i = 0; i < areas.size(); i++) {
            for (String part : areas.get(i).parts) {
                Integer v = s2022.get(part);
                if (v == null) {
                    throw DataException.of("regions.csv: " + part + " (areas_2022 of " + areas.get(i).name
                            + ") is not a 2022 region").file(d.dir().resolve("regions.csv")).build();
                }
                proxy[i] += v;
            }
            proxyByGroup.merge(areas.get(i).offset.equals(capital), proxy[i], Double::sum);
        }
        boolean grouped = facts.containsKey("stations_capital_time");
        double capitalTotal = grouped ? Double.parseDouble(facts.get("stations_capital_time")) : Double.NaN;
        double[] target = new double[areas.size()];
        for (int i = 0; i < areas.size(); i++) {
            boolean cap = areas.get(i).offset.equals(capital);
            double groupTotal = grouped ? (cap ? capitalTotal : inCountry - capitalTotal) : inCountry;
            double groupProxy = grouped ? proxyByGroup.get(cap) : proxyByGroup.values().stream()
                    .mapToDouble(Double::doubleValue).sum();
            target[i] = proxy[i] * groupTotal / groupProxy;
        }
        int[] rounded = largestRemainder(target, inCountry);
        for (int i = 0; i < areas.size(); i++) {
            areas.get(i).stations = rounded[i];
            areas.get(i).stationsBasis = "proxy: the 2022 presidential stations of the territory, scaled to "
                    + inCountry + " stations in the country"
                    + (grouped ? " (capital-time regions to the published " + (long) capitalTotal + ")" : "");
        }
    }

    private static int inCountry2022(Dataset d) {
        Map<String, String> f = facts(d, "kz-2022-presidential");
        return Integer.parseInt(f.get("stations")) - Integer.parseInt(f.get("stations_abroad"));
    }

    /** The capital's UTC offset: the offset most regions share. */
    static String capitalOffset(List<Area> areas) {
        Map<String, Integer> n = new LinkedHashMap<>();
        for (Area a : areas) {
            n.merge(a.offset, 1, Integer::sum);
        }
        return n.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    /** Whole numbers that sum to the total, each the floor or ceiling of its target (largest remainders first). */
    private static int[] largestRemainder(double[] target, int total) {
        int[] out = new int[target.length];
        int sum = 0;
        Integer[] order = new Integer[target.length];
        for (int i = 0; i < target.length; i++) {
            out[i] = (int) Math.floor(target[i]);
            sum += out[i];
            order[i] = i;
        }
        java.util.Arrays.sort(order, (x, y) -> {
            int c = Double.compare(target[y] - Math.floor(target[y]), target[x] - Math.floor(target[x]));
            return c != 0 ? c : Integer.compare(x, y);
        });
        for (int k = 0; k < total - sum; k++) {
            out[order[k % order.length]]++;
        }
        return out;
    }
}
