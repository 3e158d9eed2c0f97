package org.psephos.scenarios;

import java.nio.file.Path;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.psephos.data.AggregateResults;
import org.psephos.simulation.Progress;

/**
 * The Kazakhstan case study (issue 7): the presidential history model, the calibrated synthetic electorates of 2019
 * and 2022, and the scenario files {@code a}–{@code e} of {@code DATASET/scenarios/}, run with their own seeds and
 * replicate counts (d through the detection-power API, {@code org.psephos.estimation.PowerAnalysis}); the dataset's
 * {@code national_results.csv} is read once and the scenario files' presets reuse the calibrations. Stateless.
 *
 * @since 0.1
 */
public final class KazakhstanCase {
    /** The winner rule, cited. */
    public static final String WINNER_RULE = "Constitutional Law of the Republic of Kazakhstan \"On Elections in the "
            + "Republic of Kazakhstan\" of 28 September 1995 No. 2464, art. 9(1)(2): elected is the candidate who "
            + "collected more than fifty percent of the votes of the voters who took part in the voting; otherwise a "
            + "second round (unofficial English translation: "
            + "https://www.te.gob.mx/vota_elections/thesaurus/article/22590/16231/173). "
            + "Psephos therefore measures the runoff share on ballots (voters who took part), not on valid votes.";
    /** What could (not) be confirmed about a participation threshold. */
    public static final String PARTICIPATION_RULE = "A rule that a presidential election is valid only if more than "
            + "50% of registered voters take part could NOT be confirmed in the current law. RIA Novosti reported on "
            + "election day 2019: \"There is no turnout threshold; the election will be recognised as valid in any "
            + "case\" (https://ria.ru/amp/20190609/1555416362.html, 9 June 2019; also Sputnik via 21.by). The 50% "
            + "threshold of scenario c is therefore a parameter (cleanTurnoutAtMost), a reference line and not a "
            + "confirmed legal requirement.";

    private KazakhstanCase() {
    }

    /**
     * Everything computed.
     *
     * @param history       the presidential history model
     * @param calibration2019 the 2019 calibration
     * @param calibration2022 the 2022 calibration
     * @param a             scenario a
     * @param b             scenario b
     * @param c             scenario c
     * @param d             scenario d (detection power)
     * @param e             scenario e
     * @param winnerRule    {@link #WINNER_RULE}
     * @param participationRule {@link #PARTICIPATION_RULE}
     */
    public record Result(HistoryModel history, KazakhstanModel.Calibration calibration2019,
                         KazakhstanModel.Calibration calibration2022, ScenarioResult a, ScenarioResult b,
                         ScenarioResult c, ScenarioResult d, ScenarioResult e, String winnerRule,
                         String participationRule) {
    }

    /**
     * The case study with the scenarios' tasks on the given engine (the history model and the calibrations are
     * small and stay on this machine); the result does not depend on the engine or the block size.
     *
     * @param dataset  the dataset directory (with {@code scenarios/})
     * @param engine   where the scenarios' tasks run
     * @param block    replicates per scenario task
     * @param progress a progress sink per stage, given the stage's label
     * @param finish   called with each stage's progress when the stage ends
     * @return everything
     */
    public static Result run(Path dataset, ScenarioEngine engine, int block, Function<String, Progress> progress,
                             java.util.function.Consumer<Progress> finish) {
        AggregateResults national = AggregateResults.read(dataset.resolve("national_results.csv"));
        HistoryModel history = HistoryModel.kazakhstan(dataset, national);
        KazakhstanModel.Calibration c19 = KazakhstanModel.calibrate(dataset, 2019, national);
        KazakhstanModel.Calibration c22 = KazakhstanModel.calibrate(dataset, 2022, national);
        Path home = dataset.toAbsolutePath().normalize();
        BiFunction<Path, Integer, KazakhstanModel.Calibration> calibrations = (dir, year) -> !dir.equals(home)
                ? KazakhstanModel.calibrate(dir, year) : year == 2019 ? c19 : c22;
        Path s = dataset.resolve("scenarios");
        Stage stage = (file, label) -> {
            ScenarioSpec spec = ScenarioFiles.read(s.resolve(file), calibrations);
            Progress p = progress.apply(label);
            try {
                return ScenarioRunner.run(spec, engine, block, p);
            } finally {
                finish.accept(p);
            }
        };
        ScenarioResult a = stage.run("a-fraud-to-reported.json", "a: fraud to 81.31%");
        ScenarioResult b = stage.run("b-no-runoff.json", "b: no-runoff fraud");
        ScenarioResult c = stage.run("c-turnout-without-stuffing.json", "c: turnout without stuffing");
        ScenarioResult d = stage.run("d-detection-power.json", "d: detection power");
        ScenarioResult e = stage.run("e-observer-sampling.json", "e: observer sampling");
        return new Result(history, c19, c22, a, b, c, d, e, WINNER_RULE, PARTICIPATION_RULE);
    }

    /** Runs one scenario file of {@code scenarios/} under a progress label. */
    @FunctionalInterface
    private interface Stage {
        ScenarioResult run(String file, String label);
    }
}
