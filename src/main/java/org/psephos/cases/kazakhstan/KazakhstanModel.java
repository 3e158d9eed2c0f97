package org.psephos.cases.kazakhstan;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.psephos.data.AggregateOption;
import org.psephos.data.AggregateResult;
import org.psephos.data.AggregateResults;
import org.psephos.data.CsvTable;
import org.psephos.data.DataException;
import org.psephos.scenarios.AgainstAll;
import org.psephos.scenarios.IntradayTurnout;
import org.psephos.scenarios.RegionalElectorate;
import org.psephos.scenarios.TruncatedNormal;
import org.psephos.simulation.ElectorateModel;
import org.psephos.simulation.ProportionDistribution;
import org.psephos.simulation.SizeDistribution;

/**
 * A synthetic Kazakhstan calibrated to the published aggregates of the 2019 and 2022 presidential elections and of
 * the 2022 and 2024 referendums ({@code datasets/kazakhstan}). No polling-station data were ever published, so
 * every station-level choice is an assumption, stated here, in {@link Params} and in the {@link Calibration}:
 *
 * <ul>
 *   <li><b>Regions and stations</b>: the stations in the country (stations minus stations abroad,
 *       {@code election_facts.csv}), per region as published ({@code regions.csv}); where a region's count is not
 *       published, the remaining stations are split equally between the regions without one; where no count of
 *       the election is published (2019, the referendums), the 2022 presidential counts of the same territory
 *       ({@code areas_2022}) scaled to the election's total (and, in 2019, to the published count of the stations
 *       on capital time). Stations abroad are not modelled: the regions' figures are of the country.</li>
 *   <li><b>Registers</b>: the national register less the register abroad where published; a region's published
 *       register where there is one, the rest split in proportion to the stations (the proxy), within the
 *       capital-time and western groups separately where the register of the capital-time group is published
 *       (2019); then this proxy, as a prior, is updated so that the CEC's own briefings add up: at every briefing
 *       that gave the national figure and every region's, the national figure is the register-weighted mean of the
 *       regional ones, up to the rounding of the printed percentages (see fitToBriefings). Each row says which;
 *       registers published for other votes are shown against the estimates ({@link Check}).</li>
 *   <li><b>Sizes</b>: registered voters per station ~ log-normal with log-sd σ ({@link Params#sizeSigma()},
 *       assumed) and mean the region's register over its stations.</li>
 *   <li><b>Turnout</b>: station turnout ~ Normal(c_r, {@link Params#stationTurnoutSd()}) truncated to [0, 1] (Klimek
 *       et al. 2012, doi:10.1073/pnas.1210722109), with each region's centre c_r solved so that its <i>expected</i>
 *       turnout ({@link TruncatedNormal}) equals its published figure: the latest published CEC figure of the
 *       region ({@code intraday_turnout.csv}; 22:00 for the presidential elections). The national figure is final
 *       and includes the voters abroad, the regional ones are preliminary: the difference between the modelled
 *       national turnout and the official one is reported ({@link Calibration#residual()}), not forced.</li>
 *   <li><b>Support</b>: the leader's (the "yes" option's) station support ~ Normal(ν, {@link
 *       Params#stationShareSd()}) truncated to [0, 1], each region's centre moved by a logit-normal shift with sd
 *       {@link Params#regionShareSd()} per replicate (regional results unpublished); ν is solved so the expected
 *       national share of valid votes is the official one unless a scenario sets another.</li>
 *   <li><b>Options and invalid ballots</b>: presidential: every option of the ballot, "against all" included, and
 *       the invalid share (2022: ballots minus the options' votes, derived); referendum: "yes" and "no", with the
 *       invalid ballots and those with both answers marked (valid but not counted) as invalid.</li>
 * </ul>
 *
 * @since 0.1
 */
public final class KazakhstanModel {
    /** The scenario-file presets, in the order of {@link #ELECTIONS}. */
    public static final List<String> PRESETS = List.of("kazakhstan-2019", "kazakhstan-2022",
            "kazakhstan-2022-referendum", "kazakhstan-2024-referendum");
    /** The elections the presets calibrate to. */
    public static final List<String> ELECTIONS = List.of("kz-2019-presidential", "kz-2022-presidential",
            "kz-2022-referendum", "kz-2024-referendum");

    private KazakhstanModel() {
    }

    /**
     * The station-level assumptions (no station data were published).
     *
     * @param sizeSigma        sd of log station size
     * @param stationTurnoutSd sd of clean turnout between the stations of a region
     * @param stationShareSd   sd of clean leader support between the stations of a region
     * @param regionShareSd    sd (logit scale) of a region's clean support centre, per replicate
     */
    public record Params(double sizeSigma, double stationTurnoutSd, double stationShareSd, double regionShareSd) {
        /** The calibrated defaults: log-sd 0.6, station sds 0.08 (Klimek et al. 2012), regional sd 0.15. */
        public static final Params DEFAULT = new Params(0.6, 0.08, 0.08, 0.15);

        /** @throws IllegalArgumentException if a parameter is out of range */
        public Params {
            if (!(sizeSigma >= 0 && sizeSigma <= 3) || !(stationTurnoutSd >= 0 && stationTurnoutSd <= 1)
                    || !(stationShareSd >= 0 && stationShareSd <= 1) || !(regionShareSd >= 0 && regionShareSd <= 10)) {
                throw new IllegalArgumentException("station-level parameters out of range: " + sizeSigma + ", "
                        + stationTurnoutSd + ", " + stationShareSd + ", " + regionShareSd);
            }
        }
    }

    /**
     * One region: what was published and what the model uses.
     *
     * @param area            the region
     * @param published       its latest published turnout, percent
     * @param asOf            when, capital time ({@code HH:MM})
     * @param registered      the register used (published or proxy)
     * @param registeredBasis {@code published}, {@code published (rounded)} or how the proxy was made
     * @param stations        the stations used
     * @param stationsBasis   {@code published} or how the count was made
     * @param centre          the fitted centre of the stations' turnout
     * @param modelled        the model's expected turnout, percent
     */
    public record RegionTurnout(String area, double published, String asOf, double registered,
                                String registeredBasis, int stations, String stationsBasis, double centre,
                                double modelled) {
        /** @return modelled − published, percentage points */
        public double difference() {
            return modelled - published;
        }
    }

    /**
     * The calibration of one election, every figure used.
     *
     * @param election            identifier, e.g. {@code kz-2022-presidential}
     * @param kind                {@code presidential} or {@code referendum}
     * @param year                its year
     * @param stations            stations in the country (modelled)
     * @param stationsAbroad      stations abroad (not modelled), −1 if unknown
     * @param registered          the official register (national, final)
     * @param registeredInCountry the register the regions share (the official one less the register abroad
     *                            where published)
     * @param ballots             official ballots
     * @param nationalTurnout     official ballots / registered
     * @param modelledTurnout     the model's expected turnout in the country (regions weighted by their registers)
     * @param leaderShare         the leader's official share of valid votes ("against all" included; for a
     *                            referendum "yes" of the counted "yes" and "no" votes)
     * @param leaderShareBallots  the leader's official share of ballots
     * @param leaderShareCandidates the leader's official share of the candidates' votes
     * @param againstAllShare     "against all" votes as a fraction of the votes not cast for the leader
     * @param options             options on the ballot (leader first)
     * @param invalidRate         invalid (and, for a referendum, not counted) ballots / ballots
     * @param invalidDerived      whether the invalid count is derived rather than published
     * @param params              the station-level assumptions
     * @param shareCentre         the fitted centre of the stations' support
     * @param briefings           the briefings whose national figure the registers reproduce (0: none used)
     * @param regions             the regions
     * @param checks              the estimated registers against registers published for other elections or
     *                            groups of regions, which the estimate did not use
     */
    public record Calibration(String election, String kind, int year, int stations, int stationsAbroad,
                              long registered, double registeredInCountry, long ballots, double nationalTurnout,
                              double modelledTurnout, double leaderShare, double leaderShareBallots,
                              double leaderShareCandidates, double againstAllShare, int options, double invalidRate,
                              boolean invalidDerived, Params params, double shareCentre, int briefings,
                              List<RegionTurnout> regions, List<Check> checks) {
        /** Copies the lists. */
        public Calibration {
            regions = List.copyOf(regions);
            checks = List.copyOf(checks);
        }

        /** @return modelled − official national turnout (proportions) */
        public double residual() {
            return modelledTurnout - nationalTurnout;
        }

        /**
         * @param rule how a scenario models "against all"
         * @return the official "against all" figures (share of valid votes and fraction of the votes not cast for
         *         the leader) under that rule
         */
        public AgainstAll againstAll(AgainstAll.Rule rule) {
            return new AgainstAll(rule, againstAllShare * (1 - leaderShare), againstAllShare);
        }

        /** @return the largest |modelled − published| of the regions, percentage points */
        public double largestRegionalDifference() {
            return regions.stream().mapToDouble(r -> Math.abs(r.difference())).max().orElse(0);
        }
    }

    /**
     * An estimated register against a published one the estimate did not use.
     *
     * @param what      the region or group
     * @param published the published register
     * @param asOf      when and for which vote it was published
     * @param modelled  the estimate (for a group: the estimate's share of the register in the country times the
     *                  published total it is compared with)
     */
    public record Check(String what, double published, String asOf, double modelled) {
    }

    /**
     * @param preset a scenario-file preset
     * @return its election, or null if the preset is unknown
     */
    public static String presetElection(String preset) {
        int i = PRESETS.indexOf(preset);
        return i < 0 ? null : ELECTIONS.get(i);
    }

    /**
     * @param dir      the dataset directory
     * @param election one of {@link #ELECTIONS}
     * @return the calibration with the default assumptions
     * @throws IllegalArgumentException if the election is not one of {@link #ELECTIONS}
     * @throws DataException            if a file cannot be read or lacks a figure
     */
    public static Calibration calibrate(Path dir, String election) {
        return calibrate(dir, election, Params.DEFAULT);
    }

    /**
     * @param dir      the dataset directory
     * @param election one of {@link #ELECTIONS}
     * @param params   the station-level assumptions
     * @return the calibration
     * @throws IllegalArgumentException if the election is not one of {@link #ELECTIONS}
     * @throws DataException            if a file cannot be read or lacks a figure
     */
    public static Calibration calibrate(Path dir, String election, Params params) {
        return calibrate(Dataset.read(dir), election, params);
    }

    /** The dataset's files read once. */
    record Dataset(Path dir, AggregateResults national, AggregateResults referendums, CsvTable regions,
                   CsvTable facts, CsvTable intraday) {
        static Dataset read(Path dir) {
            return new Dataset(dir, AggregateResults.read(dir.resolve("national_results.csv")),
                    AggregateResults.read(dir.resolve("referendums.csv")), CsvTable.read(dir.resolve("regions.csv")),
                    CsvTable.read(dir.resolve("election_facts.csv")),
                    CsvTable.read(dir.resolve("intraday_turnout.csv")));
        }
    }

    static Calibration calibrate(Dataset d, String election, Params params) {
        if (!ELECTIONS.contains(election)) {
            throw new IllegalArgumentException("Kazakhstan model election is not one of " + ELECTIONS + ": "
                    + election);
        }
        boolean referendum = election.endsWith("referendum");
        AggregateResults file = referendum ? d.referendums() : d.national();
        Path nationalFile = d.dir().resolve(referendum ? "referendums.csv" : "national_results.csv");
        AggregateResult national = file.results().stream()
                .filter(r -> r.isNational() && r.election().equals(election)).findFirst()
                .orElseThrow(() -> DataException.of("no national result for " + election).file(nationalFile)
                        .build());
        long registered = required(national.registered().stream().boxed().findFirst().orElse(null), "registered",
                election, nationalFile);
        long ballots = required(national.ballots().stream().boxed().findFirst().orElse(null), "ballots",
                election, nationalFile);
        AggregateOption leader = null;
        long againstAll = 0;
        long other = 0;
        for (AggregateOption o : national.options()) {
            if (leader == null || o.votes().orElse(0) > leader.votes().orElse(0)) {
                leader = o;
            }
        }
        long leaderVotes = required(leader == null || leader.votes().isEmpty() ? null : leader.votes().getAsLong(),
                "votes", election, nationalFile);
        for (AggregateOption o : national.options()) {
            String n = o.name().toLowerCase(java.util.Locale.ROOT);
            if (n.startsWith("against all")) {
                againstAll += o.votes().orElse(0);
            }
            if (referendum && n.equals("no")) {
                other += o.votes().orElse(0);
            }
        }
        long valid = referendum ? leaderVotes + other : national.knownVotesSum();
        long invalid = referendum ? ballots - valid : national.invalid().orElse(ballots - valid);
        int options = referendum ? 2 : national.options().size();
        double a = valid > leaderVotes ? (double) againstAll / (valid - leaderVotes) : 0;

        Map<String, String> facts = facts(d, election);
        int total = requiredFact(facts, "stations", election, d);
        int abroad = facts.containsKey("stations_abroad") ? Integer.parseInt(facts.get("stations_abroad")) : -1;
        int inCountry = facts.containsKey("stations_in_country") ? Integer.parseInt(facts.get("stations_in_country"))
                : total - Math.max(0, abroad);
        double regAbroad = facts.containsKey("registered_abroad") ? Double.parseDouble(facts.get("registered_abroad"))
                : 0;
        double regIn = registered - regAbroad;

        List<Area> areas = areas(d, election);
        Map<String, Double> latest = latestTurnout(d, election, areas);
        stations(d, election, areas, inCountry, facts);
        registers(areas, regIn, facts);
        int briefings = fitToBriefings(d, election, areas, regIn);

        List<RegionTurnout> regions = new ArrayList<>();
        double w = 0;
        double s = 0;
        for (Area ar : areas) {
            double published = latest.get(ar.name);
            double centre = TruncatedNormal.centreFor(published / 100, params.stationTurnoutSd(), 0);
            double modelled = 100 * TruncatedNormal.mean(centre, params.stationTurnoutSd());
            regions.add(new RegionTurnout(ar.name, published, ar.asOf, ar.registered, ar.registeredBasis, ar.stations,
                    ar.stationsBasis, centre, modelled));
            w += ar.registered;
            s += ar.registered * modelled / 100;
        }
        double share = (double) leaderVotes / valid;
        double centre = TruncatedNormal.centreFor(share, params.stationShareSd(), params.regionShareSd());
        return new Calibration(election, referendum ? "referendum" : "presidential",
                Integer.parseInt(election.substring(3, 7)), inCountry, abroad, registered, regIn, ballots,
                (double) ballots / registered, s / w, share, (double) leaderVotes / ballots,
                (double) leaderVotes / (valid - againstAll), a, options, (double) invalid / ballots,
                !referendum && national.invalid().isEmpty(), params, centre, briefings, regions,
                checks(d, election, areas, regIn, facts));
    }

    private static long required(Long v, String what, String election, Path file) {
        if (v == null) {
            throw DataException.of("the national result of " + election + " has no " + what).file(file).build();
        }
        return v;
    }

    /** One region of an election while it is being calibrated. */
    private static final class Area {
        final String name;
        final List<String> parts;
        final String offset;
        final int publishedStations;
        final double publishedRegistered;
        final String registeredAsOf;
        String asOf;
        int stations;
        String stationsBasis;
        double registered;
        String registeredBasis;

        Area(String name, List<String> parts, String offset, int stations, double registered, String asOf) {
            this.name = name;
            this.parts = parts;
            this.offset = offset;
            this.publishedStations = stations;
            this.publishedRegistered = registered;
            this.registeredAsOf = asOf;
        }
    }

    /** The election's rows of {@code election_facts.csv}, quantity → value. */
    private static Map<String, String> facts(Dataset d, String election) {
        CsvTable t = d.facts();
        int e = column(t, "election");
        int q = column(t, "quantity");
        int v = column(t, "value");
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

    private static int requiredFact(Map<String, String> facts, String quantity, String election, Dataset d) {
        String v = facts.get(quantity);
        if (v == null) {
            throw DataException.of("election_facts.csv has no '" + quantity + "' for " + election)
                    .file(d.dir().resolve("election_facts.csv")).build();
        }
        return Integer.parseInt(v);
    }

    private static int column(CsvTable t, String name) {
        int c = t.column(name);
        if (c < 0) {
            throw DataException.of("the file has no column '" + name + "'").file(Path.of(t.file()))
                    .line(t.header().line()).build();
        }
        return c;
    }

    /** The election's regions from {@code regions.csv}, in file order. */
    private static List<Area> areas(Dataset d, String election) {
        CsvTable t = d.regions();
        int e = column(t, "election");
        int a = column(t, "area");
        int p = column(t, "areas_2022");
        int o = column(t, "utc_offset");
        int s = column(t, "stations");
        int r = column(t, "registered");
        int asOf = column(t, "registered_as_of");
        List<Area> out = new ArrayList<>();
        for (CsvTable.Row row : t.rows()) {
            if (row.isBlank() || !t.cell(row, e).equals(election)) {
                continue;
            }
            List<String> parts = new ArrayList<>();
            for (String x : t.cell(row, p).split(";")) {
                parts.add(x.trim());
            }
            out.add(new Area(t.cell(row, a), parts, t.cell(row, o), (int) count(t, row, s, false),
                    count(t, row, r, true), t.cell(row, asOf)));
        }
        if (out.isEmpty()) {
            throw DataException.of("regions.csv has no region of " + election).file(d.dir().resolve("regions.csv"))
                    .build();
        }
        return out;
    }

    private static double count(CsvTable t, CsvTable.Row row, int col, boolean large) {
        String v = t.cell(row, col);
        if (v.isEmpty()) {
            return -1;
        }
        if (!v.matches("[0-9]+")) {
            throw t.error(row, col, "the count is not a whole number").value(v).build();
        }
        return large ? Double.parseDouble(v) : Integer.parseInt(v);
    }

    /** The latest published turnout of every region ({@code intraday_turnout.csv}), percent; sets its time. */
    private static Map<String, Double> latestTurnout(Dataset d, String election, List<Area> areas) {
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

    /** Stations per region: published, else the rest split equally, else the 2022 counts scaled (see above). */
    private static void stations(Dataset d, String election, List<Area> areas, int inCountry,
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
    private static String capitalOffset(List<Area> areas) {
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

    /** Registers published for the same region in other elections, and the 2019 capital-time group's. */
    private static List<Check> checks(Dataset d, String election, List<Area> areas, double inCountry,
                                      Map<String, String> facts) {
        List<Check> out = new ArrayList<>();
        CsvTable t = d.regions();
        int e = column(t, "election");
        int a = column(t, "area");
        int r = column(t, "registered");
        int asOf = column(t, "registered_as_of");
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
    private static void registers(List<Area> areas, double inCountry, Map<String, String> facts) {
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

    /** Prior coefficient of variation of a proxy register: cities (larger stations) and the other regions. */
    static final double CITY_PRIOR_CV = 0.6;
    /** See {@link #CITY_PRIOR_CV}. */
    static final double REGION_PRIOR_CV = 0.15;

    /**
     * Updates the proxy registers with the commission's own aggregation: at every briefing where it announced the
     * national figure and every region's, the national figure is the register-weighted mean of the regional ones,
     * Σ w_r (T_r − T) = 0 up to the rounding of the printed percentages, and the registers add up to the register in
     * the country. With the proxy w₀ as a prior of independent errors (coefficient of variation {@value
     * #CITY_PRIOR_CV} for the cities, whose stations are larger than the stations-proportional proxy assumes,
     * {@value #REGION_PRIOR_CV} for the other regions; published registers held) and the rounding as noise (uniform
     * over half a unit of the last printed decimal), the posterior mean of a linear Gaussian model is
     * w = w₀ + P Aᵀ (A P Aᵀ + N)⁻¹ (b − A w₀) (the linear calibration of Deville and Särndal 1992, "Calibration
     * estimators in survey sampling", JASA 87(418), 376–382, with soft constraints). Individual registers stay poorly
     * determined (a few briefings for many regions); what the update fixes is the national weighting. Kept as the
     * proxy if a register would not be positive.
     *
     * @return the number of briefings used
     */
    private static int fitToBriefings(Dataset d, String election, List<Area> areas, double inCountry) {
        CsvTable t = d.intraday();
        int e = column(t, "election");
        int time = column(t, "capital_time");
        int a = column(t, "area");
        int v = column(t, "turnout_percent");
        Map<String, Map<String, String>> byTime = new java.util.TreeMap<>();
        for (CsvTable.Row row : t.rows()) {
            if (!row.isBlank() && t.cell(row, e).equals(election)) {
                byTime.computeIfAbsent(t.cell(row, time), k -> new HashMap<>()).put(t.cell(row, a), t.cell(row, v));
            }
        }
        int n = areas.size();
        double[] w0 = new double[n];
        double ss = 0;
        for (int i = 0; i < n; i++) {
            w0[i] = areas.get(i).registered;
            ss += w0[i] * w0[i];
        }
        List<double[]> rows = new ArrayList<>();
        List<Double> rhs = new ArrayList<>();
        List<Double> noise = new ArrayList<>();
        for (Map<String, String> snap : byTime.values()) {
            String nat = snap.get("national");
            if (nat == null || !areas.stream().allMatch(ar -> snap.containsKey(ar.name))) {
                continue;
            }
            int decimals = decimals(nat);
            double[] row = new double[n];
            for (int i = 0; i < n; i++) {
                String x = snap.get(areas.get(i).name);
                decimals = Math.min(decimals, decimals(x));
                row[i] = Double.parseDouble(x) - Double.parseDouble(nat);
            }
            double u = 0.5 * Math.pow(10, -decimals) / Math.sqrt(3);
            rows.add(row);
            rhs.add(0.0);
            noise.add(u * u * (ss + inCountry * inCountry));
        }
        int briefings = rows.size();
        if (briefings == 0) {
            return 0;
        }
        double[] sum = new double[n];
        java.util.Arrays.fill(sum, 1);
        rows.add(sum);
        rhs.add(inCountry);
        noise.add(0.0);
        double[] prior = new double[n];
        for (int i = 0; i < n; i++) {
            Area ar = areas.get(i);
            double cv = ar.name.endsWith("(city)") ? CITY_PRIOR_CV : REGION_PRIOR_CV;
            prior[i] = ar.publishedRegistered >= 0 ? 0 : cv * cv * w0[i] * w0[i];
        }
        org.apache.commons.math3.linear.RealMatrix am = new org.apache.commons.math3.linear.Array2DRowRealMatrix(
                rows.toArray(new double[0][]));
        org.apache.commons.math3.linear.RealMatrix pm = new org.apache.commons.math3.linear.DiagonalMatrix(prior);
        org.apache.commons.math3.linear.RealVector w0v = new org.apache.commons.math3.linear.ArrayRealVector(w0);
        org.apache.commons.math3.linear.RealVector b = new org.apache.commons.math3.linear.ArrayRealVector(
                rhs.stream().mapToDouble(Double::doubleValue).toArray());
        org.apache.commons.math3.linear.RealMatrix s = am.multiply(pm).multiply(am.transpose()).add(
                new org.apache.commons.math3.linear.DiagonalMatrix(noise.stream().mapToDouble(Double::doubleValue)
                        .toArray()));
        double[] w;
        try {
            org.apache.commons.math3.linear.RealVector k = new org.apache.commons.math3.linear.LUDecomposition(s)
                    .getSolver().solve(b.subtract(am.operate(w0v)));
            w = w0v.add(pm.multiply(am.transpose()).operate(k)).toArray();
        } catch (RuntimeException ex) {
            return 0;
        }
        for (double x : w) {
            if (!(x > 0)) {
                return 0;
            }
        }
        for (int i = 0; i < n; i++) {
            Area ar = areas.get(i);
            if (ar.publishedRegistered < 0) {
                ar.registered = w[i];
                ar.registeredBasis = "estimated from " + briefings + " briefings (prior: " + ar.registeredBasis + ")";
            }
        }
        return briefings;
    }

    private static int decimals(String x) {
        int dot = x.indexOf('.');
        return dot < 0 ? 0 : x.length() - dot - 1;
    }

    /**
     * The calibrated electorate.
     *
     * @param c the calibration
     * @return one region per calibrated region: its stations, log-normal sizes of mean register / stations, its
     *         fitted turnout centre and the fitted support centre
     */
    public static RegionalElectorate electorate(Calibration c) {
        Params p = c.params();
        List<RegionalElectorate.Region> regions = new ArrayList<>();
        for (RegionTurnout t : c.regions()) {
            double mu = Math.log(t.registered() / t.stations()) - p.sizeSigma() * p.sizeSigma() / 2;
            regions.add(new RegionalElectorate.Region(t.area(), t.stations(), new SizeDistribution.LogNormal(mu,
                    p.sizeSigma()), ProportionDistribution.normal(t.centre(), p.stationTurnoutSd()),
                    ProportionDistribution.normal(c.shareCentre(), p.stationShareSd())));
        }
        return new RegionalElectorate(regions, p.regionShareSd(), c.options(), ElectorateModel.DEFAULT_CONCENTRATION,
                c.invalidRate());
    }
}
