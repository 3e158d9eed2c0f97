package org.psephos.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The root command: prints usage when called alone. */
@Command(name = "psephos",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Simulates election results and tests them for fraud.",
        subcommands = {
            LoadCommand.class,
            AuditCommand.class,
            AnalyzeCommand.class,
            SimulateCommand.class,
            PowerCommand.class,
            CalibrateCommand.class,
            ShpilkinCommand.class,
            ScenariosCommand.class,
            KazakhstanCommand.class,
        },
        commandListHeading = "%nCommands:%n",
        footer = {"", Main.EXIT_CODES})
final class PsephosCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
