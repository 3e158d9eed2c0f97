package org.psephos.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.psephos.data.DataException;
import org.psephos.estimation.FraudSpec;
import org.psephos.simulation.FraudModel;
import org.psephos.simulation.Progress;

public class ScenarioRunnerTest {
    /** A tiny electorate: 2000 stations of 500-1500 voters, clean turnout 0.6 (sd 0.05), two options. */
    public static final String TINY = """
            {"name": "tiny", "seed": 5, "replicates": 30,
             "electorate": {"stations": 2000, "sizes": {"distribution": "uniform", "min": 500, "max": 1500},
                            "turnout": {"shape": "normal", "mean": 0.6, "sd": 0.05},
                            "share": {"shape": "normal", "mean": 0.45, "sd": 0.05},
                            "regions": [{"name": "A", "turnout": 0.5}, {"name": "B", "turnout": 0.7}]},
             "families": [{"label": "stuffing", "model": "ballot-stuffing", "params": {"fraction": 1},
                           "sweep": "share", "values": [0, 0.1, 0.2, 0.3, 0.4]}],
             "questions": {"runoffAtMost": 0.5, "turnoutAtMost": 0.6, "cleanTurnoutAtMost": 0.6},
             "solve": {"leaderShare": 0.55}}
            """;

    /**
     * {@link #TINY} with 7 replicates (ragged blocks), two clean shares and a minimal-fraud bisection of 3 steps
     * besides the solved share: 2 searches × 5 points, in 5 rounds.
     */
    public static final String ROUNDS = TINY.replace("\"replicates\": 30", "\"replicates\": 7")
            .replace("\"solve\": {\"leaderShare\": 0.55}", "\"solve\": {\"leaderShare\": 0.55}, "
                    + "\"minimal\": {\"steps\": 3}, \"cleanShares\": [0.42, 0.47]");

    static Path write(Path dir, String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    @Test
    void stuffingRaisesTurnoutBySTimesOneMinusT(@TempDir Path dir) throws IOException {
        ScenarioResult r = ScenarioRunner.run(ScenarioFiles.read(write(dir, "tiny.json", TINY)), 2, Progress.NONE);
        assertEquals(5, r.points().size());
        for (ScenarioResult.Point p : r.points()) {
            double s = p.intensity();
            // Closed form: stuffing a share s of the non-voters in every unit adds s (1 - t) to turnout t.
            double t = p.cleanTurnout().mean();
            double expected = t + s * (1 - t);
            // Sampling error of the national turnout of one replicate: binomial over ~1.2 M non-voters, far
            // below 1e-3; the tolerance also covers the mean over 30 replicates.
            assertEquals(expected, p.turnout().mean(), 1e-3, "s = " + s);
        }
        ScenarioResult.Point clean = r.points().get(0);
        assertEquals(0.6, clean.turnout().mean(), 0.01);
        assertEquals(1.0, clean.pRunoff(), 0);
        ScenarioResult.Solution sol = r.solutions().get(0);
        assertTrue(sol.reached());
        // Leader share of valid votes: (v t + s (1 - t)) / (t + s (1 - t)) = S at v = 0.45, t = 0.6, S = 0.55:
        // s = t (S - v) / ((1 - t) (1 - S)) = 1/3; linear interpolation between grid points adds a little.
        double s = 0.6 * (0.55 - 0.45) / (0.4 * 0.45);
        assertEquals(s, sol.intensity(), 0.01);
        assertTrue(sol.intensityLow() <= sol.intensity() && sol.intensity() <= sol.intensityHigh(), sol.toString());
    }

    /**
     * The tasks (point × replicate block) and the rounds of the bisection give the same result, to the byte of the
     * JSON, for any block size and thread count: ragged blocks, one replicate per task, one task per point.
     */
    @Test
    void blockSizeAndThreadsDoNotChangeTheResult(@TempDir Path dir) throws IOException {
        ScenarioSpec spec = ScenarioFiles.read(write(dir, "b.json", ROUNDS));
        ScenarioResult one = ScenarioRunner.run(spec, 1, Progress.NONE);
        assertEquals(2 * 5, one.points().size(), "2 shares x (first, last, 3 bisection steps)");
        assertEquals(2, one.minima().size());
        String json = ScenarioJson.write(one);
        for (int block : new int[] {1, 3, 7, 100}) {
            for (int threads : new int[] {1, 2, 3}) {
                ScenarioResult other = ScenarioRunner.run(spec, ScenarioEngine.local(threads), block, Progress.NONE);
                assertEquals(one, other, "block " + block + ", " + threads + " threads");
                assertEquals(json, ScenarioJson.write(other));
            }
        }
        assertThrows(IllegalArgumentException.class,
                () -> ScenarioRunner.run(spec, ScenarioEngine.local(1), 0, Progress.NONE));
    }

    @Test
    void minimalSearchBracketsTheNoRunoffThreshold(@TempDir Path dir) throws IOException {
        String text = TINY.replace("\"solve\": {\"leaderShare\": 0.55}", "\"minimal\": {\"steps\": 5}")
                .replace("\"values\": [0, 0.1, 0.2, 0.3, 0.4]", "\"values\": [0, 0.4]");
        ScenarioResult r = ScenarioRunner.run(ScenarioFiles.read(write(dir, "m.json", text)), 1, Progress.NONE);
        ScenarioResult.Minimum m = r.minima().get(0);
        assertTrue(m.reached());
        assertTrue(m.pPass() >= 0.95);
        // Closed form for the mean: 0.5 = (v t + s (1 - t)) / (t + s (1 - t)), s = t (0.5 - v) / (0.5 (1 - t)) = 0.15
        assertTrue(m.bracketLow() < 0.15 + 0.02 && m.intensity() > 0.15 - 0.02, m.toString());
        assertEquals(0.4 / 32, m.intensity() - m.bracketLow(), 1e-12);
    }

    @Test
    void errorsNameTheFileAndField(@TempDir Path dir) throws IOException {
        Path f = write(dir, "bad.json", TINY.replace("\"model\": \"ballot-stuffing\"", "\"model\": \"stuffing\""));
        DataException e = assertThrows(DataException.class, () -> ScenarioFiles.read(f));
        assertTrue(e.getMessage().contains("bad.json") && e.getMessage().contains("families[0].model"),
                e.getMessage());
        Path g = write(dir, "bad2.json", TINY.replace("[0, 0.1, 0.2, 0.3, 0.4]", "[0, 0.1, 1.5]"));
        e = assertThrows(DataException.class, () -> ScenarioFiles.read(g));
        assertTrue(e.getMessage().contains("families[0].values[2]"), e.getMessage());
        Path h = write(dir, "bad3.json", "{\"name\": \"x\",");
        e = assertThrows(DataException.class, () -> ScenarioFiles.read(h));
        assertTrue(e.getMessage().contains("bad3.json") && e.getMessage().contains("JSON"), e.getMessage());
        Path m = write(dir, "bad5.json", TINY.replace("\"solve\"", "\"power\": {\"tests\": [\"NoSuchTest\"]}, \"solve\""));
        e = assertThrows(DataException.class, () -> ScenarioFiles.read(m));
        assertTrue(e.getMessage().contains("bad5.json") && e.getMessage().contains("power.tests"), e.getMessage());
        Path k = write(dir, "bad4.json", TINY.replace("\"stations\": 2000,", ""));
        e = assertThrows(DataException.class, () -> ScenarioFiles.read(k));
        assertTrue(e.getMessage().contains("electorate.stations"), e.getMessage());
    }

    @Test
    void omittedParametersTakeTheFraudSpecDefaults(@TempDir Path dir) throws IOException {
        Path f = write(dir, "klimek.json", TINY.replace("\"model\": \"ballot-stuffing\", \"params\": {\"fraction\": 1}",
                "\"model\": \"klimek\"").replace("\"sweep\": \"share\"", "\"sweep\": \"extreme\""));
        ScenarioSpec.Family k = ScenarioFiles.read(f).families().get(0);
        assertEquals(FraudSpec.defaults("klimek"), k.fraud().parameters());
        assertEquals(new FraudSpec("klimek", Map.of("extreme", 0.2)).model(), k.at(0.2));
        assertEquals(new FraudModel.Klimek(0, 0.4, 2, 0.2, FraudModel.Klimek.EXTREME_SD), k.at(0.2));
        Path g = write(dir, "bad6.json", TINY.replace("{\"fraction\": 1}", "{\"fraction\": 1, \"theta\": 1}"));
        DataException e = assertThrows(DataException.class, () -> ScenarioFiles.read(g));
        assertTrue(e.getMessage().contains("families[0].params.theta"), e.getMessage());
    }

    /**
     * The crossing search on the three bases, against closed forms. Clean support 0.4 of valid votes, 10% invalid
     * ballots, "against all" half of the non-leading votes; switching a share s of the opponents' votes gives the
     * leader v = 0.4 + 0.6 s of valid votes: more than half of valid votes from s = 1/6; of all ballots,
     * 0.9 v &gt; 0.5, from s = (0.5/0.9 − 0.4)/0.6 = 0.2593; of the candidates' votes v / (1 − 0.5 (1 − v)) &gt; 0.5
     * already at s = 0 (v &gt; 1/3). The station-level spread and the 95% quantile over replicates move the answers
     * a little above the closed forms.
     */
    @Test
    void crossingSearchOnTheThreeBases(@TempDir Path dir) throws IOException {
        String text = """
                {"name": "cross", "seed": 3, "replicates": 20,
                 "electorate": {"stations": 3000, "sizes": {"distribution": "uniform", "min": 800, "max": 1200},
                                "turnout": {"shape": "normal", "mean": 0.6, "sd": 0.05},
                                "share": {"shape": "normal", "mean": 0.4, "sd": 0.05},
                                "invalidRate": 0.1, "againstAllShare": 0.5},
                 "families": [{"label": "switching", "model": "vote-switching", "params": {"fraction": 1},
                               "sweep": "share", "values": [0, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4]}],
                 "questions": {"runoffAtMost": 0.5, "runoffBase": "valid"},
                 "minimal": {"probability": 0.95, "method": "crossing"}}
                """;
        ScenarioResult r = ScenarioRunner.run(ScenarioFiles.read(write(dir, "c.json", text)), 2, Progress.NONE);
        assertEquals(7, r.points().size());
        assertEquals(3, r.minima().size());
        Map<String, ScenarioResult.Minimum> byBase = new java.util.HashMap<>();
        r.minima().forEach(m -> byBase.put(m.base(), m));
        assertEquals(1 / 6.0, byBase.get("valid").intensity(), 0.01);
        assertEquals((0.5 / 0.9 - 0.4) / 0.6, byBase.get("ballots").intensity(), 0.01);
        assertEquals(0, byBase.get("candidates").intensity(), 0);
        for (ScenarioResult.Minimum m : r.minima()) {
            assertTrue(m.reached() && m.pPass() >= 0.95, m.toString());
            assertTrue(Double.isFinite(m.intensityError()), m.toString());
        }
        // The grid of a crossing search is not an answer: the precision is that of the minima's turnout and shares.
        double figures = r.minima().stream().mapToDouble(ScenarioResult.Minimum::figureError).max().orElseThrow();
        assertTrue(figures > 0 && figures < 0.001, Double.toString(figures));
        assertEquals(figures, r.precision().shareOrTurnout(), 0);
        // Every point reports P(no runoff) on the three bases; on the headline base it is pNoRunoff.
        for (ScenarioResult.Point p : r.points()) {
            assertEquals(p.pNoRunoff(), p.pNoRunoffByBase().get("valid"), 0);
            assertEquals(1.0, p.pNoRunoffByBase().get("candidates"), 0);
        }
    }

    /**
     * "Against all" held at a share of the clean valid votes (the presets' default): at every clean support the
     * modelled line keeps that share, so the leader's share of the candidates' votes without fraud is v / (1 − 0.1)
     * at both clean supports (a fixed fraction of the non-leading votes, the proportional reading, would give the
     * line 0.7 f and 0.55 f of valid votes, which cannot both be 10%). The smallest switching on the candidates' base, closed form at clean 0.45: with a = 0.1 / 0.55 of the
     * non-leading votes, v / (1 − a (1 − v)) &gt; 1/2 from v = (1 − a) / (2 − a) = 0.4737, i.e. s = (v − 0.45) / 0.55
     * = 0.0431; the 95% quantile over replicates lies a little above it.
     */
    @Test
    void againstAllHeldAtItsShareOfValidVotes(@TempDir Path dir) throws IOException {
        String text = """
                {"name": "held", "seed": 5, "replicates": 40,
                 "electorate": {"stations": 3000, "sizes": {"distribution": "uniform", "min": 800, "max": 1200},
                                "turnout": {"shape": "normal", "mean": 0.6, "sd": 0.05},
                                "share": {"shape": "normal", "mean": 0.4, "sd": 0.05},
                                "invalidRate": 0.02, "againstAllOfValid": 0.1},
                 "cleanShares": [0.30, 0.45],
                 "families": [{"label": "switching", "model": "vote-switching", "params": {"fraction": 1},
                               "sweep": "share", "values": [0, 0.02, 0.04, 0.06, 0.08, 0.1, 0.2, 0.22, 0.24, 0.26, 0.3]}],
                 "questions": {"runoffAtMost": 0.5, "runoffBase": "valid"},
                 "minimal": {"probability": 0.95, "method": "crossing"}}
                """;
        ScenarioSpec spec = ScenarioFiles.read(write(dir, "h.json", text));
        assertEquals(AgainstAll.Rule.HELD, spec.againstAll().rule());
        ScenarioResult r = ScenarioRunner.run(spec, 2, Progress.NONE);
        int clean = 0;
        for (ScenarioResult.Point p : r.points()) {
            if (p.intensity() != 0) {
                continue;
            }
            // against all as a share of valid votes, from the two shares: c = v / (1 − x), so x = 1 − v / c
            double x = 1 - p.leaderShare().mean() / p.leaderShareCandidates().mean();
            assertEquals(0.1, x, 0.002, "clean " + p.cleanShare());
            clean++;
        }
        assertEquals(2, clean);
        ScenarioResult.Minimum m = r.minima().stream().filter(k -> k.cleanShare() == 0.45
                && k.base().equals("candidates")).findFirst().orElseThrow();
        assertEquals("held", m.againstAll());
        double a = 0.1 / 0.55;
        double v = (1 - a) / (2 - a);
        double closed = (v - 0.45) / 0.55;
        assertTrue(m.reached() && m.intensity() > closed && m.intensity() < closed + 0.03, m.toString());
        // At a clean 30%: a = 0.1 / 0.7, v = (1 − a) / (2 − a) = 0.4615, s = (v − 0.3) / 0.7 = 0.2308.
        ScenarioResult.Minimum m30 = r.minima().stream().filter(k -> k.cleanShare() == 0.30
                && k.base().equals("candidates")).findFirst().orElseThrow();
        double a30 = 0.1 / 0.7;
        double closed30 = ((1 - a30) / (2 - a30) - 0.3) / 0.7;
        assertTrue(m30.reached() && m30.intensity() > closed30 && m30.intensity() < closed30 + 0.03, m30.toString());
    }
}
