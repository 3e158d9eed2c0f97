package org.psephos.cli;

import java.util.function.Function;
import org.psephos.scenarios.ScenarioEngine;
import org.psephos.spark.SparkPowerRunner;
import org.psephos.spark.SparkScenarioRunner;
import picocli.CommandLine.Option;

/**
 * The engine options of the commands that can run on Apache Spark ({@code power}, {@code analyze},
 * {@code scenarios}, {@code kazakhstan}): a picocli mixin choosing this machine's threads or Spark, and the Spark
 * master. {@link #check} turns a bad choice, or {@code --engine spark} without Spark on the class path, into a
 * message that says how to run it.
 */
final class EngineOptions {
    @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "local",
            description = "local (this machine's threads) or spark (Apache Spark: run through spark-submit with "
                    + "psephos.jar, see the README); the same --seed gives the same result on both (default "
                    + "${DEFAULT-VALUE}).")
    String engine;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master with --engine spark: local[2], "
            + "spark://host:7077, yarn, ... (default: spark-submit's --master, else local[*]).")
    String master;

    /** @return whether --engine spark was chosen */
    boolean spark() {
        return engine.equals("spark");
    }

    /**
     * @param command the subcommand, for the message
     * @throws UsageException if the engine is unknown, --master comes without Spark, or Spark is absent
     */
    void check(String command) {
        if (!engine.equals("local") && !engine.equals("spark")) {
            throw new UsageException("--engine is not local or spark: " + engine);
        }
        if (engine.equals("local") && master != null) {
            throw new UsageException("--master needs --engine spark");
        }
        if (spark() && !SparkPowerRunner.available()) {
            throw new UsageException("--engine spark needs Apache Spark on the class path, which "
                    + "psephos.jar does not carry: run it through spark-submit, e.g. spark-submit --class "
                    + "org.psephos.cli.Main --master local[2] psephos.jar " + command + " ... --engine spark "
                    + "(see the README, \"Running on a Spark cluster\")");
        }
    }

    /**
     * Runs {@code body} with the chosen scenario engine (for Spark a context is opened for it and stopped
     * afterwards).
     *
     * @param threads threads of the local engine
     * @param body    what to run
     * @param <T>     the body's result type
     * @return the body's result
     */
    <T> T withScenarioEngine(int threads, Function<ScenarioEngine, T> body) {
        if (spark()) {
            return SparkScenarioRunner.withEngine(master, body);
        }
        return body.apply(ScenarioEngine.local(threads));
    }
}
