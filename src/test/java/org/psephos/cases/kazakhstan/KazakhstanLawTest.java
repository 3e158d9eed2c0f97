package org.psephos.cases.kazakhstan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.psephos.data.DataException;
import org.psephos.scenarios.FirstRoundBase;
import org.psephos.scenarios.ScenarioFiles;
import org.psephos.scenarios.ScenarioResult;
import org.psephos.scenarios.ScenarioRunner;
import org.psephos.scenarios.ScenarioSpec;

/** The law as data, the three first-round bases on the official counts, and the referendums' rules. */
class KazakhstanLawTest {
    private static final Path KZ = Path.of("datasets/kazakhstan");

    /**
     * 2022: Tokayev 6,456,392 of 7,940,477 valid votes ("against all" 460,484 included) and 8,300,046 ballots:
     * 81.31% on the CEC's base, 77.79% of all ballots, 86.32% of the candidates' votes (6,456,392 / 7,479,993).
     */
    @Test
    void threeBasesOnThe2022OfficialCounts() {
        KazakhstanModel.Dataset data = KazakhstanModel.Dataset.read(KZ);
        KazakhstanCase.OfficialShares s = OfficialFigures.officialShares(data, "kz-2022-presidential");
        assertEquals(6456392, s.leaderVotes());
        assertEquals(7940477, s.valid());
        assertEquals(8300046, s.ballots());
        assertEquals(460484, s.againstAll());
        assertFalse(s.againstAllTops());
        assertEquals(81.31, Math.round(1e4 * s.shares().get("valid")) / 100.0, 0);
        assertEquals(77.79, Math.round(1e4 * s.shares().get("ballots")) / 100.0, 0);
        assertEquals(86.32, Math.round(1e4 * s.shares().get("candidates")) / 100.0, 0);
        assertEquals(6456392.0 / 7479993, s.shares().get("candidates"), 1e-15);
        // The simulation's form of the candidates base, v / (1 - a(1 - v)) with a = against-all / non-leader votes,
        // gives the same share.
        double a = 460484.0 / (7940477 - 6456392);
        assertEquals(s.shares().get("candidates"), FirstRoundBase.CANDIDATES.share(6456392.0 / 7940477,
                6456392.0 / 8300046, a), 1e-12);
        // 2019 had no "against all": the candidates base is the valid one.
        KazakhstanCase.OfficialShares s19 = OfficialFigures.officialShares(data, "kz-2019-presidential");
        assertEquals(s19.shares().get("valid"), s19.shares().get("candidates"), 0);
        assertEquals(70.96, Math.round(1e4 * s19.shares().get("valid")) / 100.0, 0);
    }

    @Test
    void lawFileGivesTheThresholdsAndArticles() {
        KazakhstanLaw law = KazakhstanLaw.read(KZ.resolve("law.json"));
        assertEquals(0.5, law.winAbove(), 0);
        assertEquals(FirstRoundBase.VALID, law.headline());
        assertEquals(List.of(FirstRoundBase.VALID, FirstRoundBase.BALLOTS, FirstRoundBase.CANDIDATES),
                law.bases().stream().map(KazakhstanLaw.Base::base).toList());
        assertEquals(0.5, law.referendumTurnoutAbove(), 0);
        assertEquals("art. 31(2)", law.referendumTurnoutArticle());
        assertEquals(17, law.regions2022());
        // Two thirds of 17 is 11.33: the rule needs 12 regions.
        assertEquals(12, law.regionsNeeded2022());
        assertTrue(law.winSources().get(0).article().contains("41(5)"));
        assertEquals("1998-11-06", law.presidentialTurnoutSince());
        assertEquals(7, law.pollsOpen());
        assertEquals(20, law.pollsClose());
    }

    @Test
    void aBrokenLawFileNamesTheField(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("law.json");
        Files.writeString(f, Files.readString(KZ.resolve("law.json")).replace("\"winAbove\": 0.5", "\"winAbove\": 5"));
        DataException e = assertThrows(DataException.class, () -> KazakhstanLaw.read(f));
        assertEquals("presidential.winAbove", e.column(), e.getMessage());
        Files.writeString(f, Files.readString(KZ.resolve("law.json")).replace("\"headline\": true", "\"headline\": false"));
        e = assertThrows(DataException.class, () -> KazakhstanLaw.read(f));
        assertEquals("presidential.bases", e.column(), e.getMessage());
        Files.writeString(f, Files.readString(KZ.resolve("law.json")).replace("\"open\": 7", "\"open\": 21"));
        e = assertThrows(DataException.class, () -> KazakhstanLaw.read(f));
        assertEquals("pollingHours.close", e.column(), e.getMessage());
    }

    /**
     * 2022 referendum: 7,985,769 of 11,734,642 took part (68.05% &gt; 50%: valid, by 2,118,448 voters); "yes"
     * 6,163,516 = 77.18% of those who took part; stuffing would have had to fill (0.680529 − 0.5) / 0.5 = 36.11%
     * of the non-voters to lift a turnout at the threshold to the reported one. 2024: 63.66%, "yes" 71.12%.
     */
    @Test
    void referendumRulesOnThePublishedFigures() {
        KazakhstanModel.Dataset data = KazakhstanModel.Dataset.read(KZ);
        KazakhstanLaw law = KazakhstanLaw.read(KZ.resolve("law.json"));
        KazakhstanCase.ReferendumCheck r22 = OfficialFigures.referendum(data, law,
                KazakhstanModel.calibrate(KZ, "kz-2022-referendum"), ReferendumRule.CONSTITUTIONAL);
        assertTrue(r22.valid());
        assertEquals(7985769 - 0.5 * 11734642, r22.marginVotes(), 1e-6);
        assertEquals((7985769.0 / 11734642 - 0.5) / 0.5, r22.stuffingToCarry(), 1e-12);
        assertEquals(77.18, Math.round(1e4 * r22.yesShare()) / 100.0, 0);
        assertTrue(r22.adopted());
        assertEquals(17, r22.regions());
        assertEquals(12, r22.regionsNeeded());
        assertEquals(List.of("Almaty (city)"), r22.regionsBelowTurnout());
        KazakhstanCase.ReferendumCheck r24 = OfficialFigures.referendum(data, law,
                KazakhstanModel.calibrate(KZ, "kz-2024-referendum"), ReferendumRule.ORDINARY);
        assertEquals(63.66, Math.round(1e4 * r24.turnout()) / 100.0, 0);
        assertEquals(71.12, Math.round(1e4 * r24.yesShare()) / 100.0, 0);
        assertEquals(0, r24.regionsNeeded());
        assertEquals(20, r24.regions());
    }

    /**
     * The 2022 referendum's turnout rule by simulation: if "yes" ballots stuffed at every station make the
     * reported 68.05%, the turnout without them falls to the 50% threshold at a stuffed share s with
     * (T − s)/(1 − s) = 0.5, s = 0.3611 (closed form); the scenario's solution finds it.
     */
    @Test
    void referendumTurnoutScenarioFindsTheClosedForm() {
        ScenarioSpec spec = ScenarioFiles.read(KZ.resolve("scenarios/c-referendum-2022-turnout.json")).with(1, 6);
        ScenarioResult r = ScenarioRunner.run(spec, 2, org.psephos.simulation.Progress.NONE);
        ScenarioResult.Solution s = r.solutions().get(0);
        assertTrue(s.reached());
        double t = 7985769.0 / 11734642;
        assertEquals((t - 0.5) / 0.5, s.intensity(), 0.003);
        assertEquals(t, s.turnout(), 0.003);
        assertTrue(r.points().stream().allMatch(p -> Double.isFinite(p.pRegionalMajority())));
    }
}
