package org.psephos.cases.kazakhstan;

import static org.psephos.cases.kazakhstan.BriefingFit.fitToBriefings;
import static org.psephos.cases.kazakhstan.CalibrationInputs.areas;
import static org.psephos.cases.kazakhstan.CalibrationInputs.facts;
import static org.psephos.cases.kazakhstan.CalibrationInputs.latestTurnout;
import static org.psephos.cases.kazakhstan.CalibrationInputs.requiredFact;
import static org.psephos.cases.kazakhstan.KazakhstanModel.ELECTIONS;
import static org.psephos.cases.kazakhstan.ProxyRegisters.checks;
import static org.psephos.cases.kazakhstan.ProxyRegisters.registers;
import static org.psephos.cases.kazakhstan.StationAllocation.stations;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.psephos.cases.kazakhstan.KazakhstanModel.Calibration;
import org.psephos.cases.kazakhstan.KazakhstanModel.Dataset;
import org.psephos.cases.kazakhstan.KazakhstanModel.Params;
import org.psephos.cases.kazakhstan.KazakhstanModel.RegionTurnout;
import org.psephos.data.AggregateOption;
import org.psephos.data.AggregateResult;
import org.psephos.data.AggregateResults;
import org.psephos.data.DataException;
import org.psephos.scenarios.TruncatedNormal;

/**
 * Calibrates {@link KazakhstanModel} to one election: the official national counts (leader, "against all",
 * valid and invalid ballots), the stations and registers per region ({@link StationAllocation},
 * {@link ProxyRegisters}, {@link BriefingFit}) and each region's turnout centre solved so that its expected
 * truncated-normal turnout ({@link TruncatedNormal}; Klimek et al. 2012, doi:10.1073/pnas.1210722109) is its
 * latest published figure, and the support centre so that the expected national share of valid votes is the
 * official one. The assumptions are stated in {@link KazakhstanModel}. Stateless.
 */
final class KazakhstanCalibrator {
    private KazakhstanCalibrator() {
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
    static final class Area {
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
}
