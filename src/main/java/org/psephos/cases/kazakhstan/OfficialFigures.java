package org.psephos.cases.kazakhstan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.psephos.cases.kazakhstan.KazakhstanCase.OfficialShares;
import org.psephos.cases.kazakhstan.KazakhstanCase.ReferendumCheck;
import org.psephos.data.AggregateOption;
import org.psephos.data.AggregateResult;
import org.psephos.data.DataException;
import org.psephos.scenarios.FirstRoundBase;

/**
 * The case's figures read off the published results, before any model: the winner's official share on each reading
 * of the base, and a referendum's rules (turnout, majority, regions) on its published figures.
 */
final class OfficialFigures {
    private OfficialFigures() {
    }

    /** The winner's official share on each base, from the national results. */
    static OfficialShares officialShares(KazakhstanModel.Dataset data, String election) {
        AggregateResult r = data.national().results().stream()
                .filter(x -> x.isNational() && x.election().equals(election)).findFirst().orElseThrow(() ->
                        DataException.of("no national result for " + election)
                                .file(data.dir().resolve("national_results.csv")).build());
        AggregateOption leader = null;
        long againstAll = 0;
        for (AggregateOption o : r.options()) {
            if (leader == null || o.votes().orElse(0) > leader.votes().orElse(0)) {
                leader = o;
            }
            if (o.name().toLowerCase(Locale.ROOT).startsWith("against all")) {
                againstAll += o.votes().orElse(0);
            }
        }
        long l = leader.votes().orElse(0);
        long valid = r.valid().orElse(r.knownVotesSum());
        long ballots = r.ballots().orElse(valid);
        Map<String, Double> out = new LinkedHashMap<>();
        for (FirstRoundBase base : FirstRoundBase.values()) {
            out.put(base.id(), base.share(l, valid, ballots, againstAll));
        }
        return new OfficialShares(election, leader.name(), l, valid, ballots, againstAll, againstAll > l, out);
    }

    /** A referendum's rules on the published figures. */
    static ReferendumCheck referendum(KazakhstanModel.Dataset data, KazakhstanLaw law, KazakhstanModel.Calibration c,
                                      ReferendumRule rule) {
        double t = law.referendumTurnoutAbove();
        long yes = Math.round(c.leaderShareBallots() * c.ballots());
        int published = 0;
        for (AggregateResult r : data.referendums().results()) {
            if (r.election().equals(c.election()) && !r.isNational()) {
                published++;
            }
        }
        List<String> below = new ArrayList<>();
        for (KazakhstanModel.RegionTurnout rt : c.regions()) {
            if (rt.published() <= 100 * t) {
                below.add(rt.area());
            }
        }
        return new ReferendumCheck(c.election(), c.registered(), c.ballots(), c.nationalTurnout(), t,
                c.nationalTurnout() > t, c.ballots() - t * c.registered(), (c.nationalTurnout() - t) / (1 - t),
                (double) yes / c.ballots(), (double) yes / c.ballots() > law.decisionAbove(), c.regions().size(),
                rule.regionsNeeded(law), published, below);
    }
}
