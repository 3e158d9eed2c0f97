package org.psephos.scenarios;

import java.util.List;
import org.psephos.estimation.PowerAnalysis;
import org.psephos.estimation.PowerSummary;
import org.psephos.estimation.PowerTask;
import org.psephos.simulation.Parallel;
import org.psephos.simulation.Progress;

/**
 * Where {@link ScenarioRunner} runs its work: the {@link ScenarioTask}s of each round and the detection-power
 * analyses of a scenario. {@link #local(int)} uses this machine's threads; {@code org.psephos.spark} has one that
 * ships the tasks to Spark executors. Every engine must return what the tasks compute, so a scenario's result does
 * not depend on the engine.
 *
 * @since 0.1
 */
public interface ScenarioEngine {
    /**
     * @param tasks    the tasks of one round
     * @param progress told as tasks finish (done, tasks.size())
     * @return one block per task, in any order
     */
    List<ScenarioTask.Block> run(List<ScenarioTask> tasks, Progress progress);

    /**
     * @param tasks detection-power tasks (of one or several {@link PowerAnalysis}, e.g. one clean calibration set
     *              shared by several fraud models)
     * @return their summaries, in the order of the tasks
     */
    List<PowerSummary> power(List<PowerTask> tasks);

    /** @return threads for the small work that stays on this machine (the observer-sampling question) */
    int threads();

    /**
     * The local engine: tasks on {@code threads} threads; when a round has fewer tasks than threads, each task
     * splits its regions over the rest.
     *
     * @param threads threads, at least 1
     * @return the engine
     * @throws IllegalArgumentException if threads is not positive
     */
    static ScenarioEngine local(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("thread count is not positive: " + threads);
        }
        return new ScenarioEngine() {
            @Override
            public List<ScenarioTask.Block> run(List<ScenarioTask> tasks, Progress progress) {
                int outer = Math.max(1, Math.min(threads, tasks.size()));
                int inner = Math.max(1, threads / outer);
                return Parallel.map(tasks.size(), outer, i -> tasks.get(i).run(inner), progress);
            }

            @Override
            public List<PowerSummary> power(List<PowerTask> tasks) {
                return Parallel.map(tasks.size(), threads, i -> tasks.get(i).run(), Progress.NONE);
            }

            @Override
            public int threads() {
                return threads;
            }
        };
    }
}
