package org.psephos.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.psephos.estimation.CalibrationScenario;
import org.psephos.estimation.CalibrationScenarios;
import picocli.CommandLine;

/**
 * Every built-in clean scenario of {@code calibrate} prints the {@code simulate} options that draw it (its
 * description): read back by {@code simulate}'s own options they must give exactly the electorate the scenario
 * simulates, so that a user who reruns the printed command gets the scenario's elections (a wrong number in the
 * printed string, e.g. {@code minor-options}' sizes, fails here).
 */
class CalibrationScenarioOptionsTest {
    @Test
    void thePrintedSimulateOptionsDrawTheScenariosElectorate() {
        int units = 500;
        for (String name : CalibrationScenarios.cleanNames()) {
            CalibrationScenario.Simulated s = (CalibrationScenario.Simulated) CalibrationScenarios.clean(name, units);
            List<String> args = new ArrayList<>(List.of(s.description().trim().split("\\s+")));
            args.add("--seed");
            args.add("1");
            SimulateCommand cmd = new SimulateCommand();
            new CommandLine(cmd).parseArgs(args.toArray(String[]::new));
            assertEquals(s.model().electorate(), cmd.electorate.electorate(units, cmd.sizes,
                    new PrintWriter(Writer.nullWriter())), name + ": " + s.description());
        }
    }
}
