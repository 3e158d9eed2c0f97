package org.psephos.cases.kazakhstan;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import org.psephos.data.DataException;
import org.psephos.scenarios.HistoryModel;
import org.psephos.scenarios.IntradayTurnout;
import org.psephos.scenarios.ObserverEvidence;
import org.psephos.scenarios.ScenarioEngine;
import org.psephos.scenarios.ScenarioFiles;
import org.psephos.scenarios.ScenarioPresets;
import org.psephos.scenarios.ScenarioResult;
import org.psephos.scenarios.ScenarioRunner;
import org.psephos.scenarios.ScenarioSpec;
import org.psephos.simulation.Progress;

/**
 * The Kazakhstan case study, second edition: the law as data ({@link KazakhstanLaw}) and the winner's share on each
 * of its three readings; the presidential history model; the electorates of 2019, 2022 and of the 2022 and 2024
 * referendums calibrated region by region ({@link KazakhstanModel}); the referendums' rules checked on the
 * published figures; the election-day turnout by region ({@link IntradayTurnout}); the observers' published counts
 * ({@link ObserverEvidence}); the scenario files of {@code DATASET/scenarios/} (a: fraud to the reported share;
 * b: the smallest fraud that avoids a runoff, on the three bases; c: the referendums' turnout rule; d: detection
 * power; e: observer sample sizes; f: the 2022 referendum's rule of a majority in two thirds of the regions), each
 * checked against the law's thresholds and the official figures; and the sensitivity of the answers to the
 * station-level assumptions ({@link KazakhstanSensitivity}). The dataset's files are read once and the scenario files'
 * presets reuse the calibrations. Stateless. The published figures are read by {@link OfficialFigures}, the scenario
 * files checked against the law and the data by {@link ScenarioFileChecks}.
 *
 * @since 0.1
 */
public final class KazakhstanCase {
    private KazakhstanCase() {
    }

    /**
     * The winner's official share on each reading of the base.
     *
     * @param election     the election
     * @param leader       the winner
     * @param leaderVotes  the winner's votes
     * @param valid        valid votes, "against all" included
     * @param ballots      all ballots
     * @param againstAll   "against all" votes (0 without that line)
     * @param againstAllTops whether "against all" received more votes than the winner
     * @param shares       the winner's share by base id
     */
    public record OfficialShares(String election, String leader, long leaderVotes, long valid, long ballots,
                                 long againstAll, boolean againstAllTops, Map<String, Double> shares) {
        /** Copies the map. */
        public OfficialShares {
            shares = Map.copyOf(shares);
        }
    }

    /**
     * A referendum's rules checked on the published figures.
     *
     * @param election          the referendum
     * @param registered        citizens eligible
     * @param ballots           citizens who took part
     * @param turnout           ballots / registered
     * @param turnoutAbove      the law's threshold
     * @param valid             whether the turnout rule holds
     * @param marginVotes       ballots − threshold × registered: voters above the threshold
     * @param stuffingToCarry   the share of the non-voters that ballots stuffed at every station would have to
     *                          fill to lift a turnout at the threshold to the reported one: (T − t)/(1 − t)
     * @param yesShare          "yes" / ballots
     * @param adopted           whether "yes" exceeds the decision threshold
     * @param regions           regions that voted
     * @param regionsNeeded     regions with a "yes" majority the constitutional rule needs (0 where no such rule)
     * @param regionsPublished  regions whose "yes" or "no" share was published
     * @param regionsBelowTurnout regions whose published turnout is at or below the threshold
     */
    public record ReferendumCheck(String election, long registered, long ballots, double turnout, double turnoutAbove,
                                  boolean valid, double marginVotes, double stuffingToCarry, double yesShare,
                                  boolean adopted, int regions, int regionsNeeded, int regionsPublished,
                                  List<String> regionsBelowTurnout) {
        /** Copies the list. */
        public ReferendumCheck {
            regionsBelowTurnout = List.copyOf(regionsBelowTurnout);
        }
    }

    /**
     * Everything computed.
     *
     * @param law           the law
     * @param history       the presidential history model
     * @param calibrations  the calibrations, in the order of {@link KazakhstanModel#ELECTIONS}
     * @param shares        the winner's official share on each base, 2019 and 2022
     * @param referendums   the referendums' rules on the published figures, 2022 and 2024
     * @param intraday      election-day turnout, in the order of {@link KazakhstanModel#ELECTIONS}
     * @param observers     the observers' published counts
     * @param a             scenario a
     * @param b             scenario b
     * @param c             scenario c, 2022 referendum
     * @param c2024         scenario c, 2024 referendum
     * @param d             scenario d (detection power)
     * @param e             scenario e
     * @param f             scenario f (2022 referendum, regional rule)
     * @param sensitivity   the sensitivity runs
     */
    public record Result(KazakhstanLaw law, HistoryModel history, List<KazakhstanModel.Calibration> calibrations,
                         List<OfficialShares> shares, List<ReferendumCheck> referendums,
                         List<IntradayTurnout> intraday, ObserverEvidence observers, ScenarioResult a,
                         ScenarioResult b, ScenarioResult c, ScenarioResult c2024, ScenarioResult d,
                         ScenarioResult e, ScenarioResult f, KazakhstanSensitivity.Result sensitivity) {
        /** Copies the lists. */
        public Result {
            calibrations = List.copyOf(calibrations);
            shares = List.copyOf(shares);
            referendums = List.copyOf(referendums);
            intraday = List.copyOf(intraday);
        }

        /** @param election an election @return its calibration */
        public KazakhstanModel.Calibration calibration(String election) {
            return calibrations.stream().filter(c -> c.election().equals(election)).findFirst().orElseThrow();
        }

        /** @return the scenarios in report order */
        public List<ScenarioResult> scenarios() {
            return List.of(a, b, c, c2024, d, e, f);
        }

        /** @return the largest Monte Carlo errors of every scenario and sensitivity run */
        public ScenarioResult.Precision precision() {
            double s = sensitivity.precision().shareOrTurnout();
            double p = sensitivity.precision().probability();
            for (ScenarioResult r : scenarios()) {
                s = Math.max(s, r.precision().shareOrTurnout());
                p = Math.max(p, r.precision().probability());
            }
            return new ScenarioResult.Precision(s, p);
        }
    }

    /**
     * The case study with the scenarios' tasks on the given engine (the law, history, calibrations, rules and
     * election-day analysis are small and stay on this machine); the result does not depend on the engine or the
     * block size.
     *
     * @param dataset  the dataset directory (with {@code scenarios/})
     * @param engine   where the scenarios' tasks run
     * @param block    replicates per scenario task
     * @param progress a progress sink per stage, given the stage's label
     * @param finish   called with each stage's progress when the stage ends
     * @return everything
     * @throws DataException if a file cannot be read, or a scenario file disagrees with the law or the data
     */
    public static Result run(Path dataset, ScenarioEngine engine, int block, Function<String, Progress> progress,
                             Consumer<Progress> finish) {
        KazakhstanLaw law = KazakhstanLaw.read(dataset.resolve("law.json"));
        KazakhstanModel.Dataset data = KazakhstanModel.Dataset.read(dataset);
        HistoryModel history = KazakhstanHistoryModel.read(dataset, data.national());
        Map<String, KazakhstanModel.Calibration> cal = new LinkedHashMap<>();
        for (String election : KazakhstanModel.ELECTIONS) {
            cal.put(election, KazakhstanModel.calibrate(data, election, KazakhstanModel.Params.DEFAULT));
        }
        List<OfficialShares> shares = List.of(OfficialFigures.officialShares(data, "kz-2019-presidential"),
                OfficialFigures.officialShares(data, "kz-2022-presidential"));
        List<IntradayTurnout> intraday = new ArrayList<>();
        for (String election : KazakhstanModel.ELECTIONS) {
            intraday.add(IntradayTurnout.of(data.intraday(), data.regions(), election, law.pollsOpen(),
                    law.pollsClose()));
        }
        List<ReferendumCheck> referendums = List.of(
                OfficialFigures.referendum(data, law, cal.get("kz-2022-referendum"), ReferendumRule.CONSTITUTIONAL),
                OfficialFigures.referendum(data, law, cal.get("kz-2024-referendum"), ReferendumRule.ORDINARY));
        ObserverEvidence observers = ObserverEvidence.read(dataset.resolve("observers.csv"));

        Path home = dataset.toAbsolutePath().normalize();
        BiFunction<Path, String, KazakhstanModel.Calibration> calibrations = (dir, election) -> !dir.equals(home)
                ? KazakhstanModel.calibrate(dir, election) : cal.get(election);
        Path s = dataset.resolve("scenarios");
        Function<ScenarioSpec, ScenarioResult> runner = spec -> {
            Progress p = progress.apply(spec.name());
            try {
                return ScenarioRunner.run(spec, engine, block, p);
            } finally {
                finish.accept(p);
            }
        };
        ScenarioPresets presets = KazakhstanPresets.of(calibrations);
        Function<String, ScenarioSpec> read = file -> ScenarioFiles.read(s.resolve(file), presets);
        KazakhstanModel.Calibration c19 = cal.get("kz-2019-presidential");
        KazakhstanModel.Calibration c22 = cal.get("kz-2022-presidential");
        ScenarioSpec a = read.apply("a-fraud-to-reported.json");
        ScenarioFileChecks checks = new ScenarioFileChecks(s, law);
        checks.check("a-fraud-to-reported.json", "electorate.cleanShare", a.electorate().expectedShare(),
                c19.leaderShare(), 1e-4);
        checks.check("a-fraud-to-reported.json", "solve.leaderShare", a.solve().value(), c22.leaderShare(),
                ScenarioFileChecks.TOLERANCE);
        checks.presidential("a-fraud-to-reported.json", a);
        ScenarioSpec b = read.apply("b-no-runoff.json");
        checks.presidential("b-no-runoff.json", b);
        ScenarioSpec c = read.apply("c-referendum-2022-turnout.json");
        checks.referendum("c-referendum-2022-turnout.json", c, cal.get("kz-2022-referendum"),
                ReferendumRule.CONSTITUTIONAL);
        ScenarioSpec c24 = read.apply("c-referendum-2024-turnout.json");
        checks.referendum("c-referendum-2024-turnout.json", c24, cal.get("kz-2024-referendum"),
                ReferendumRule.ORDINARY);
        ScenarioSpec d = read.apply("d-detection-power.json");
        ScenarioSpec e = read.apply("e-observer-sampling.json");
        ScenarioSpec f = read.apply("f-referendum-2022-regions.json");
        checks.referendum("f-referendum-2022-regions.json", f, cal.get("kz-2022-referendum"),
                ReferendumRule.CONSTITUTIONAL);
        ScenarioResult ra = runner.apply(a);
        ScenarioResult rb = runner.apply(b);
        ScenarioResult rc = runner.apply(c);
        ScenarioResult rc24 = runner.apply(c24);
        ScenarioResult rd = runner.apply(d);
        ScenarioResult re = runner.apply(e);
        ScenarioResult rf = runner.apply(f);
        KazakhstanSensitivity.Result sensitivity = KazakhstanSensitivity.run(dataset, data, runner);
        return new Result(law, history, new ArrayList<>(cal.values()), shares, referendums, intraday, observers, ra, rb,
                rc, rc24, rd, re, rf, sensitivity);
    }
}
