package org.psephos.cases.kazakhstan;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.psephos.data.AggregateResults;
import org.psephos.data.CsvTable;
import org.psephos.data.DataException;
import org.psephos.scenarios.AgainstAll;
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
 *       regional ones, up to the rounding of the printed percentages (see {@code BriefingFit}). Each row says which;
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

    /**
     * @param d        the dataset, read once
     * @param election one of {@link #ELECTIONS}
     * @param params   the station-level assumptions
     * @return the calibration ({@link KazakhstanCalibrator})
     */
    static Calibration calibrate(Dataset d, String election, Params params) {
        return KazakhstanCalibrator.calibrate(d, election, params);
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