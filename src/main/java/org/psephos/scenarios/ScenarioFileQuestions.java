package org.psephos.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.psephos.estimation.Estimators;

/**
 * What a scenario file asks, read: its {@code questions} (the runoff threshold and base, the turnout, support and
 * regional-majority thresholds), the {@code solve} target, the {@code minimal}-fraud search and the detection
 * {@code power}, each checked against the others and against the electorate. The format is in
 * {@link ScenarioFiles}. Immutable.
 *
 * @param questions the questions (defaults where the file has none)
 * @param solve     the solve target, or null
 * @param minimal   the minimal-fraud search, or null
 * @param power     the detection power, or null
 */
record ScenarioFileQuestions(ScenarioSpec.Questions questions, ScenarioSpec.Solve solve,
                             ScenarioSpec.Minimal minimal, ScenarioSpec.PowerSpec power) {

    /**
     * @param f          the file's fields
     * @param root       the file's root object
     * @param electorate the scenario's electorate (its regions bound the regional-majority rule)
     * @param hold       the held reported turnout, NaN if none
     * @param replicates the scenario's replicates
     * @return the sections
     * @throws org.psephos.data.DataException naming the field if a value is invalid
     */
    static ScenarioFileQuestions read(ScenarioFields f, JsonNode root, RegionalElectorate electorate, double hold,
                                      double replicates) {
        ScenarioSpec.Questions questions = questions(f, root.path("questions"), electorate);
        ScenarioSpec.Solve solve = root.has("solve") ? solve(f, root.get("solve"), questions, hold) : null;
        ScenarioSpec.Minimal minimal = root.has("minimal") ? minimal(f, root.get("minimal"), questions) : null;
        ScenarioSpec.PowerSpec power = root.has("power") ? power(f, root.get("power"), replicates) : null;
        return new ScenarioFileQuestions(questions, solve, minimal, power);
    }

    private static ScenarioSpec.Questions questions(ScenarioFields f, JsonNode q, RegionalElectorate electorate) {
        FirstRoundBase base;
        try {
            base = FirstRoundBase.parse(f.text(q, "runoffBase", "valid"));
        } catch (IllegalArgumentException ex) {
            throw f.error("questions.runoffBase", "runoffBase is not 'valid', 'ballots' or 'candidates'",
                    f.text(q, "runoffBase", ""));
        }
        double k = f.number(q, "regionsMajorityAtLeast", "questions.", 0);
        if (!(k >= 0 && k <= electorate.regions().size()) || k != Math.rint(k)) {
            throw f.error("questions.regionsMajorityAtLeast", "regionsMajorityAtLeast is not a whole number between"
                    + " 0 and the number of regions (" + electorate.regions().size() + ")", k);
        }
        return new ScenarioSpec.Questions(
                f.probability(q, "runoffAtMost", "questions.", 0.5), base,
                f.probability(q, "turnoutAtMost", "questions.", Double.NaN),
                f.probability(q, "leaderAtLeast", "questions.", Double.NaN),
                f.probability(q, "cleanTurnoutAtMost", "questions.", Double.NaN), (int) k);
    }

    private static ScenarioSpec.Solve solve(ScenarioFields f, JsonNode sv, ScenarioSpec.Questions questions,
                                            double hold) {
        double share = f.probability(sv, "leaderShare", "solve.", Double.NaN);
        double turnout = f.probability(sv, "cleanTurnout", "solve.", Double.NaN);
        if (Double.isNaN(share) == Double.isNaN(turnout)) {
            throw f.error("solve", "solve needs exactly one of leaderShare and cleanTurnout", null);
        }
        if (!Double.isNaN(turnout) && Double.isNaN(questions.cleanTurnoutAtMost()) && Double.isNaN(hold)) {
            throw f.error("solve.cleanTurnout", "solving for the clean turnout needs holdReportedTurnout or "
                    + "questions.cleanTurnoutAtMost (the clean turnout is computed only then)", turnout);
        }
        return Double.isNaN(turnout) ? new ScenarioSpec.Solve(ScenarioSpec.Target.LEADER_SHARE, share)
                : new ScenarioSpec.Solve(ScenarioSpec.Target.CLEAN_TURNOUT, turnout);
    }

    private static ScenarioSpec.Minimal minimal(ScenarioFields f, JsonNode m, ScenarioSpec.Questions questions) {
        double p = f.probability(m, m.has("probability") ? "probability" : "noRunoffProbability", "minimal.", 0.95);
        double steps = f.whole(f.number(m, "steps", "minimal.", 6), "steps", "minimal.", 0, 30);
        String method = f.text(m, "method", "bisection");
        if (!method.equals("bisection") && !method.equals("crossing")) {
            throw f.error("minimal.method", "method is not 'bisection' or 'crossing'", method);
        }
        String rule = f.text(m, "rule", "no-runoff");
        if (!rule.equals("no-runoff") && !rule.equals("regional-majority")) {
            throw f.error("minimal.rule", "rule is not 'no-runoff' or 'regional-majority'", rule);
        }
        if (rule.equals("regional-majority") && (questions.regionsMajorityAtLeast() == 0
                || method.equals("bisection"))) {
            throw f.error("minimal.rule", "the regional-majority rule needs method 'crossing' and "
                    + "questions.regionsMajorityAtLeast", rule);
        }
        return new ScenarioSpec.Minimal(p, (int) steps, method.equals("crossing")
                ? ScenarioSpec.Method.CROSSING : ScenarioSpec.Method.BISECTION,
                rule.equals("no-runoff") ? ScenarioSpec.Rule.NO_RUNOFF : ScenarioSpec.Rule.REGIONAL_MAJORITY);
    }

    private static ScenarioSpec.PowerSpec power(ScenarioFields f, JsonNode p, double replicates) {
        List<String> tests = new ArrayList<>();
        for (JsonNode t : p.path("tests")) {
            tests.add(t.asText());
        }
        if (tests.isEmpty()) {
            throw f.error("power.tests", "power.tests is not a non-empty list of test ids", null);
        }
        try {
            Estimators.registry().select(tests);
        } catch (IllegalArgumentException ex) {
            throw f.error("power.tests", ex.getMessage(), null);
        }
        double tr = f.whole(f.number(p, "testReplicates", "power.", 100), "testReplicates", "power.", 2, 100_000);
        if (!(replicates >= 2)) {
            throw f.error("replicates", "detection power needs at least 2 replicates", replicates);
        }
        return new ScenarioSpec.PowerSpec(tests, f.probability(p, "alpha", "power.", 0.05), (int) tr,
                "detection power (PowerAnalysis) on the engine-native form of the electorate, one axis per "
                + "family; flags calibrated to the false-positive rate on clean replicates");
    }
}
