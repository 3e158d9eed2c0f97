package org.psephos.scenarios;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.psephos.data.AggregateOption;
import org.psephos.data.AggregateResult;
import org.psephos.data.AggregateResults;
import org.psephos.data.CsvTable;
import org.psephos.data.DataException;
import org.psephos.simulation.ElectorateModel;
import org.psephos.simulation.ProportionDistribution;
import org.psephos.simulation.SizeDistribution;

/**
 * A synthetic Kazakhstan calibrated to the published aggregates of the 2019 and 2022 presidential elections
 * ({@code datasets/kazakhstan}). No polling-station data were ever published, so every station-level choice below
 * is an assumption, stated here and in {@link Calibration}:
 *
 * <ul>
 *   <li><b>Stations</b>: {@value #STATIONS} = 10,101 in the country + 68 abroad, the CEC's count for 20 November
 *       2022 (Kazinform, 15 Nov 2022, "Up to 11mln Kazakhstanis can cast their ballots in upcoming presidential
 *       elections", inform.kz article a4001781; full URL in datasets/kazakhstan/scenarios/README.md).
 *       The same count is used for 2019 (no 2019 count was checked). Stations abroad are not modelled apart.</li>
 *   <li><b>Sizes</b>: registered voters per station ~ log-normal with log-sd {@value #SIZE_SIGMA} (assumed: no
 *       station sizes published) and μ = ln(R/N) − σ²/2, so the expected register is the official R (2019:
 *       11,960,364; 2022: 11,953,465).</li>
 *   <li><b>Regions</b>: the CEC's preliminary regional turnout (2019: close of polls, 17 units; 2022: 22:00 for 14
 *       units and, for the six without a 22:00 figure, the 18:05 figure, labelled so). No regional register was
 *       published: the stations are split equally between regions (equal register shares, assumed), and all
 *       regional turnouts get one common logit shift so the register-weighted national turnout equals the official
 *       ballots/registered (2019: 77.54%; 2022: 69.44%).</li>
 *   <li><b>Clean behaviour per station</b>: turnout ~ Normal(region centre, {@value #STATION_TURNOUT_SD}) and
 *       leader support ~ Normal(ν, {@value #STATION_SHARE_SD}), truncated to [0, 1] (Klimek et al. 2012,
 *       doi:10.1073/pnas.1210722109); ν = the official share of valid votes (2019: 70.96%; 2022: 81.31%) unless
 *       a scenario sets it; each region's support centre moves by a logit-normal shift with sd
 *       {@value #REGION_SHARE_SD} per replicate (regional support unpublished). Options: 7 (2019: seven
 *       candidates; 2022: six candidates and "against all").</li>
 *   <li><b>Invalid ballots</b>: 2019: 57,700 / 9,274,110 (published); 2022: 359,569 / 8,300,046, the ballots
 *       minus the options' votes (derived; the CEC published no invalid count).</li>
 * </ul>
 *
 * @since 0.1
 */
public final class KazakhstanModel {
    /** Polling stations, 2022 (10,101 in the country + 68 abroad). */
    public static final int STATIONS = 10_169;
    /** Assumed sd of log station size. */
    public static final double SIZE_SIGMA = 0.6;
    /** Assumed sd of clean turnout between stations of a region. */
    public static final double STATION_TURNOUT_SD = 0.08;
    /** Assumed sd of clean leader support between stations of a region. */
    public static final double STATION_SHARE_SD = 0.08;
    /** Assumed sd (logit scale) of a region's clean support centre, per replicate. */
    public static final double REGION_SHARE_SD = 0.15;
    /** Options on the ballot in both years. */
    public static final int OPTIONS = 7;

    private KazakhstanModel() {
    }

    /**
     * One region's published turnout and the value used.
     *
     * @param area       the region
     * @param published  the published turnout, percent
     * @param asOf       which snapshot: {@code close of polls}, {@code 22:00}, or {@code 18:05 (no 22:00 figure)}
     * @param calibrated the clean turnout centre used, after the common logit shift, as a proportion
     */
    public record RegionTurnout(String area, double published, String asOf, double calibrated) {
    }

    /**
     * The calibration of one year, every figure used.
     *
     * @param year            election year
     * @param stations        polling stations
     * @param registered      official registered voters
     * @param ballots         official ballots
     * @param nationalTurnout ballots / registered
     * @param leaderShare     the winner's official share of valid votes (proportion)
     * @param invalidRate     invalid / ballots
     * @param invalidDerived  whether the invalid count is derived rather than published
     * @param sizeMu          μ of log station size
     * @param sizeSigma       σ of log station size
     * @param logitShift      the common shift applied to the regional turnouts' logits
     * @param regions         the regions
     */
    public record Calibration(int year, int stations, long registered, long ballots, double nationalTurnout,
                              double leaderShare, double invalidRate, boolean invalidDerived, double sizeMu,
                              double sizeSigma, double logitShift, List<RegionTurnout> regions) {
        /** Copies the list. */
        public Calibration {
            regions = List.copyOf(regions);
        }
    }

    /**
     * @param dir  the dataset directory ({@code national_results.csv}, {@code regional_turnout_YEAR.csv})
     * @param year 2019 or 2022
     * @return the calibration
     * @throws IllegalArgumentException if the year is not 2019 or 2022
     * @throws DataException            if a file cannot be read or lacks a figure
     */
    public static Calibration calibrate(Path dir, int year) {
        checkYear(year);
        return calibrate(dir, year, AggregateResults.read(dir.resolve("national_results.csv")));
    }

    /** {@link #calibrate(Path, int)} with the directory's {@code national_results.csv} already read. */
    static Calibration calibrate(Path dir, int year, AggregateResults results) {
        checkYear(year);
        Path nationalFile = dir.resolve("national_results.csv");
        AggregateResult national = results.results().stream()
                .filter(r -> r.isNational() && r.election().equals("kz-" + year + "-presidential")).findFirst()
                .orElseThrow(() -> DataException.of("no national result for kz-" + year + "-presidential")
                        .file(nationalFile).build());
        long registered = national.registered().orElseThrow();
        long ballots = national.ballots().orElseThrow();
        long votes = national.knownVotesSum();
        long invalid = national.invalid().orElse(ballots - votes);
        AggregateOption leader = national.options().get(0);
        for (AggregateOption o : national.options()) {
            if (o.votes().orElse(0) > leader.votes().orElse(0)) {
                leader = o;
            }
        }
        double share = (double) leader.votes().getAsLong() / votes;
        double turnout = (double) ballots / registered;
        List<String[]> regional = readRegional(dir.resolve("regional_turnout_" + year + ".csv"));
        double[] logits = new double[regional.size()];
        for (int i = 0; i < logits.length; i++) {
            double p = Double.parseDouble(regional.get(i)[1]) / 100;
            logits[i] = Logit.logit(p);
        }
        double shift = Logit.shiftTo(logits, null, turnout, 10);
        List<RegionTurnout> regions = new ArrayList<>();
        for (int i = 0; i < logits.length; i++) {
            String[] r = regional.get(i);
            regions.add(new RegionTurnout(r[0], Double.parseDouble(r[1]), r[2], Logit.expit(logits[i] + shift)));
        }
        double mu = Math.log((double) registered / STATIONS) - SIZE_SIGMA * SIZE_SIGMA / 2;
        return new Calibration(year, STATIONS, registered, ballots, turnout, share, (double) invalid / ballots,
                national.invalid().isEmpty(), mu, SIZE_SIGMA, shift, regions);
    }

    private static void checkYear(int year) {
        if (year != 2019 && year != 2022) {
            throw new IllegalArgumentException("Kazakhstan model year is not 2019 or 2022: " + year);
        }
    }

    /**
     * Rows {area, percent, snapshot} of a regional turnout file; the 18:05 column fills a missing 22:00 cell.
     *
     * @throws DataException naming the file, line and column if the file cannot be read, lacks a column, or a row is
     *                       short or has no turnout percentage strictly between 0 and 100
     */
    private static List<String[]> readRegional(Path file) {
        CsvTable table = CsvTable.read(file);
        int area = table.column("area");
        int pct = table.column("turnout_percent");
        int early = table.column("turnout_percent_at_1805");
        if (area < 0 || pct < 0) {
            throw DataException.of("the regional turnout file lacks the area or turnout_percent column").file(file)
                    .line(table.header().line()).build();
        }
        List<String[]> out = new ArrayList<>();
        for (CsvTable.Row row : table.rows()) {
            if (row.isBlank()) {
                continue;
            }
            int col = pct;
            String v = table.cell(row, pct);
            String asOf = early >= 0 ? "22:00" : "close of polls";
            if (v.isEmpty() && early >= 0) {
                col = early;
                v = table.cell(row, early);
                asOf = "18:05 (no 22:00 figure)";
            }
            if (v.isEmpty()) {
                throw table.error(row, pct, "a region has no turnout").build();
            }
            double p;
            try {
                p = Double.parseDouble(v);
            } catch (NumberFormatException e) {
                p = Double.NaN;
            }
            if (!(p > 0 && p < 100)) {
                throw table.error(row, col, "the turnout is not a percentage between 0 and 100").value(v).build();
            }
            out.add(new String[] {table.cell(row, area), v, asOf});
        }
        return out;
    }

    /**
     * The calibrated electorate with its published regions.
     *
     * @param c the calibration
     * @return stations split equally between the regions, clean support at the official share
     */
    public static RegionalElectorate electorate(Calibration c) {
        int k = c.regions().size();
        List<RegionalElectorate.Region> regions = new ArrayList<>();
        SizeDistribution sizes = new SizeDistribution.LogNormal(c.sizeMu(), c.sizeSigma());
        for (int r = 0; r < k; r++) {
            int units = c.stations() / k + (r < c.stations() % k ? 1 : 0);
            RegionTurnout t = c.regions().get(r);
            regions.add(new RegionalElectorate.Region(t.area(), units, sizes,
                    ProportionDistribution.normal(t.calibrated(), STATION_TURNOUT_SD),
                    ProportionDistribution.normal(c.leaderShare(), STATION_SHARE_SD)));
        }
        return new RegionalElectorate(regions, REGION_SHARE_SD, OPTIONS, ElectorateModel.DEFAULT_CONCENTRATION,
                c.invalidRate());
    }
}
