package org.psephos.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The run settings of the commands that analyse one results file ({@code analyze}, {@code shpilkin}): a picocli
 * mixin holding {@code --seed} (default 42), {@code --threads} ({@link ThreadsOption}) and {@code --conventions}
 * ({@link ConventionsOption}). The file itself and its columns are {@link InputColumns}. Named apart from the
 * library's {@code org.psephos.AnalysisOptions}, which these settings feed.
 */
final class AnalysisSettings {
    @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "Seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    ThreadsOption threads;

    @Mixin
    ConventionsOption conventions;
}
