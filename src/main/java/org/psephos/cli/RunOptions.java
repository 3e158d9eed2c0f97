package org.psephos.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The run options of the commands whose replicates are cut into tasks that may run on Apache Spark
 * ({@code power}, {@code scenarios}, {@code kazakhstan}): a picocli mixin holding the engine ({@link EngineOptions})
 * and {@code --block-size}, the replicates per task. Each command sets its own default block size through the
 * constructor (picocli shows the field's initial value as the default); no result depends on it.
 */
final class RunOptions {
    @Mixin
    EngineOptions engine;

    @Option(names = "--block-size", paramLabel = "N",
            description = "Replicates per task (default ${DEFAULT-VALUE}); does not change the result.")
    int blockSize;

    /** @param defaultBlockSize the command's default replicates per task */
    RunOptions(int defaultBlockSize) {
        this.blockSize = defaultBlockSize;
    }

    /**
     * @param command the subcommand, for the message
     * @throws UsageException if the block size is not positive, or as {@link EngineOptions#check(String)}
     */
    void check(String command) {
        if (blockSize < 1) {
            throw new UsageException("--block-size is not positive: " + blockSize);
        }
        engine.check(command);
    }
}
