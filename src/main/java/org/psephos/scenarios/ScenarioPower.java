package org.psephos.scenarios;

import java.util.ArrayList;
import java.util.List;
import org.psephos.estimation.PowerAnalysis;
import org.psephos.estimation.PowerResult;
import org.psephos.estimation.PowerSummary;
import org.psephos.estimation.PowerTask;
import org.psephos.simulation.ElectorateModel;

/**
 * A scenario's detection power: for every family, {@link PowerAnalysis} over the family's values on the
 * engine-native form of the electorate ({@link RegionalElectorate#toElectorateModel()}), same seed and replicates
 * as the scenario, each test's flag calibrated to the scenario's false-positive rate on clean replicates. The
 * families share their clean calibration set (same electorate, seed and tests), so it is simulated and tested
 * once, and all the tasks go to the engine in one round. Stateless.
 */
final class ScenarioPower {
    private ScenarioPower() {
    }

    /**
     * @param spec   the scenario, with a {@code power}
     * @param engine where the tasks run
     * @return one result per family, in the scenario's order
     * @throws IllegalStateException if the families' analyses do not share their clean set
     */
    static List<PowerResult> of(ScenarioSpec spec, ScenarioEngine engine) {
        ElectorateModel e = spec.electorate().toElectorateModel();
        List<PowerAnalysis> analyses = new ArrayList<>();
        for (ScenarioSpec.Family f : spec.families()) {
            double[] values = f.values().stream().mapToDouble(Double::doubleValue).toArray();
            analyses.add(PowerAnalysis.of(e, f.fraud(),
                    List.of(new PowerAnalysis.Axis(f.sweep(), values)), spec.power().tests())
                    .withReplicates(spec.replicates()).withSeed(spec.seed())
                    .withFalsePositiveRate(spec.power().alpha()).withTestReplicates(spec.power().testReplicates()));
        }
        List<PowerTask> tasks = new ArrayList<>(analyses.get(0).cleanTasks(PowerAnalysis.BLOCK));
        int clean = tasks.size();
        int[] ends = new int[analyses.size()];
        for (int i = 0; i < analyses.size(); i++) {
            if (!analyses.get(i).sharesCleanSetWith(analyses.get(0))) {
                throw new IllegalStateException("the families' power analyses differ in their clean set");
            }
            tasks.addAll(analyses.get(i).pointTasks(PowerAnalysis.BLOCK));
            ends[i] = tasks.size();
        }
        List<PowerSummary> summaries = engine.power(tasks);
        List<PowerResult> out = new ArrayList<>();
        for (int i = 0; i < analyses.size(); i++) {
            List<PowerSummary> own = new ArrayList<>(summaries.subList(0, clean));
            own.addAll(summaries.subList(i == 0 ? clean : ends[i - 1], ends[i]));
            out.add(analyses.get(i).reduce(own));
        }
        return out;
    }
}
