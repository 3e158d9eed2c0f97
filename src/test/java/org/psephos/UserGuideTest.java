package org.psephos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.psephos.data.Election;
import org.psephos.forensics.TestResult;
import org.psephos.simulation.ElectorateModel;
import org.psephos.simulation.FraudModel;
import org.psephos.simulation.ProportionDistribution;
import org.psephos.simulation.SimulationModel;
import org.psephos.simulation.SizeDistribution;

/** The README's library example, compiled and run so that it stays true. */
class UserGuideTest {
    @TempDir
    Path dir;

    @Test
    void readmeLibraryExample() throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8);
        Path report = dir.resolve("report.html");
        // README "Library" section, from here ...
        ElectorateModel electorate = ElectorateModel.of(2_000, new SizeDistribution.Uniform(300, 1_500),
                ProportionDistribution.normal(0.6, 0.1), ProportionDistribution.normal(0.5, 0.1));
        SimulationModel model = SimulationModel.clean(electorate).with(new FraudModel.BallotStuffing(0.2, 0.6))
                .with(new FraudModel.InventedResults(0.05, FraudModel.InventedResults.Target.BOTH));
        Election election = Psephos.simulateUnits(model, 42);   // or Psephos.load(Path.of("results.csv"))
        Analysis analysis = Psephos.analyze(election, AnalysisOptions.defaults().withReplicates(200)
                .withTests("2BL", "LastC", "IntegerPercent", "DipT", "Shpilkin"));   // no argument: the standard battery
        out.println(analysis.verdict().answer().text() + ": " + analysis.verdict().reason());
        for (TestResult r : analysis.flagged()) {
            out.printf("%s on %s: %.3f (expected %.3f), q = %.2g%n", r.id(), r.variable(), r.value(),
                    r.expected(), r.qValue());
        }
        analysis.writeHtml(report);
        // ... to here.
        String printed = buf.toString(StandardCharsets.UTF_8);
        assertTrue(printed.startsWith("anomalous: IntegerPercent on leader"), printed);
        assertTrue(printed.contains("\nIntegerPercent on leader"), printed);
        // Shpilkin is descriptive (built-in labels): reported in the table, never flagged
        assertFalse(printed.contains("\nShpilkin on leader"), printed);
        assertTrue(Files.readString(report).contains("Forensic analysis"));
        assertEquals(2_000, election.size());
    }

    @Test
    void optionsValidateAndAnalyzeHonoursThem() {
        assertThrows(IllegalArgumentException.class, () -> AnalysisOptions.defaults().withTests("Benford"));
        assertThrows(IllegalArgumentException.class, () -> AnalysisOptions.defaults().withReplicates(0));
        ElectorateModel electorate = ElectorateModel.of(300, new SizeDistribution.Uniform(300, 900),
                ProportionDistribution.normal(0.6, 0.1), ProportionDistribution.normal(0.5, 0.1));
        Election e = Psephos.simulateUnits(SimulationModel.clean(electorate), 1);
        Analysis a = Psephos.analyze(e, AnalysisOptions.defaults().withTests("LastC", "2BL").withReplicates(50)
                .withThreads(1));
        assertTrue(a.result().results().stream().allMatch(r -> r.id().equals("LastC") || r.id().equals("2BL")));
        long lastC = a.result().results().stream().filter(r -> r.id().equals("LastC")).count();
        long twoBl = a.result().results().stream().filter(r -> r.id().equals("2BL")).count();
        assertTrue(lastC > 0 && lastC == twoBl, lastC + " LastC and " + twoBl + " 2BL rows");
        assertFalse(a.report().text().isEmpty());
        assertFalse(Psephos.version().isEmpty());
    }

    /** The library selects tests from the same registry as {@code psephos analyze --tests}, estimators included. */
    @Test
    void libraryAcceptsTheEstimatorsAsTheCommandLineDoes() {
        ElectorateModel electorate = ElectorateModel.of(300, new SizeDistribution.Uniform(300, 900),
                ProportionDistribution.normal(0.6, 0.1), ProportionDistribution.normal(0.5, 0.1));
        Election e = Psephos.simulateUnits(SimulationModel.clean(electorate), 2);
        Analysis a = Psephos.analyze(e, AnalysisOptions.defaults().withTests("FraudMixture").withReplicates(20)
                .withThreads(1));
        assertFalse(a.result().results().isEmpty());
        assertTrue(a.result().results().stream().allMatch(r -> r.id().equals("FraudMixture")));
    }
}
