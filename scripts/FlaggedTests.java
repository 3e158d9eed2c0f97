// Run the forensic battery on a results file and print the tests that flag it.
//
// Run from the repository root (Java 11+ single-file source launch):
//     java -cp target/psephos.jar scripts/FlaggedTests.java [results.csv]
//
// With no argument it first simulates a small election into a temporary directory (3,000 polling stations in 10
// regions, ballot stuffing in 15% of them, whole percentages invented in 5%) and writes it as a results CSV, so that
// the script shows the whole round trip a user goes through: file -> Psephos.load -> Psephos.analyze -> flagged
// results -> HTML report. It then lists the descriptive rows that reject their null at 5%: tests whose null rejects
// too many clean elections in docs/calibration.md (the shape tests, Shpilkin), reported outside the verdict.

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.psephos.Analysis;
import org.psephos.AnalysisOptions;
import org.psephos.Psephos;
import org.psephos.data.Election;
import org.psephos.forensics.TestRegistry;
import org.psephos.forensics.TestResult;
import org.psephos.simulation.ElectorateModel;
import org.psephos.simulation.FraudModel;
import org.psephos.simulation.ProportionDistribution;
import org.psephos.simulation.SimulationModel;
import org.psephos.simulation.SizeDistribution;

public class FlaggedTests {
    public static void main(String[] args) throws IOException {
        Path file = args.length > 0 ? Path.of(args[0]) : simulatedFile();
        Election election = Psephos.load(file);
        // the standard battery and Shpilkin's excess-vote estimator (estimators run only when named)
        List<String> tests = new ArrayList<>();
        TestRegistry.standard().tests().forEach(t -> tests.add(t.id()));
        tests.add("Shpilkin");
        Analysis analysis = Psephos.analyze(election, AnalysisOptions.defaults().withLevel("region")
                .withReplicates(200).withSeed(42).withTests(tests.toArray(new String[0])));
        System.out.printf(Locale.ROOT, "%s: %,d units, %d results, %d flagged%n", file.getFileName(),
                election.size(), analysis.result().results().size(), analysis.flagged().size());
        System.out.println("verdict: " + analysis.verdict().answer().text() + " (" + analysis.verdict().reason() + ")");
        System.out.printf(Locale.ROOT, "%-16s %-10s %-10s %10s %10s %9s%n", "test", "variable", "group", "value",
                "expected", "q (p)");
        // A flag is a q-value below 0.05 against the row's calibrated null; "expected" is the null's mean.
        for (TestResult r : analysis.flagged()) {
            if (r.level().equals("national")) {
                System.out.printf(Locale.ROOT, "%-16s %-10s %-10s %10.4f %10s %9s%n", r.id(), r.variable(),
                        r.level(), r.value(), Double.isNaN(r.expected()) ? "-" : String.format(Locale.ROOT, "%.4f",
                                r.expected()), Double.isNaN(r.qValue()) ? "-" : String.format(Locale.ROOT, "%.2g",
                                r.qValue()));
            }
        }
        System.out.println("descriptive, p <= 0.05 (outside the q-values and the verdict):");
        for (TestResult r : analysis.result().results()) {
            if (r.level().equals("national") && "descriptive".equals(r.details().get("label")) && r.pValue() <= 0.05) {
                System.out.printf(Locale.ROOT, "%-16s %-10s %-10s %10.4f %10s %9.2g%n", r.id(), r.variable(), r.level(),
                        r.value(), Double.isNaN(r.expected()) ? "-" : String.format(Locale.ROOT, "%.4f", r.expected()),
                        r.pValue());
            }
        }
        long groups = analysis.flagged().stream().filter(r -> !r.level().equals("national"))
                .map(TestResult::level).distinct().count();
        System.out.println("regions with at least one flag: " + groups);
        Path report = file.resolveSibling("report.html");
        analysis.writeHtml(report);
        System.out.println("report: " + report);
    }

    /**
     * Simulates 3,000 stations with ballot stuffing in 15% of them and whole-percentage turnout and shares invented in
     * 5% (the integer-percent fingerprint of Kobak et al.), and writes them as a results CSV.
     */
    private static Path simulatedFile() throws IOException {
        ElectorateModel electorate = ElectorateModel.of(3_000, new SizeDistribution.Uniform(400, 2_000),
                ProportionDistribution.normal(0.55, 0.08), ProportionDistribution.normal(0.45, 0.08))
                .withRegions(10, 0.2, 0.2).withOptions(3, 20);
        SimulationModel model = SimulationModel.clean(electorate).with(new FraudModel.BallotStuffing(0.15, 0.7))
                .with(new FraudModel.InventedResults(0.05, FraudModel.InventedResults.Target.BOTH));
        Election e = Psephos.simulateUnits(model, 2026);
        Path file = Files.createTempDirectory("psephos-script").resolve("simulated.csv");
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(file))) {
            w.print("unit,region,registered,ballots");
            for (String o : e.options()) {
                w.print("," + o);
            }
            w.println();
            for (int i = 0; i < e.size(); i++) {
                w.print(i + 1 + ",R" + (electorate.regionOf(i) + 1) + "," + e.registered(i) + "," + e.ballots(i));
                for (int k = 0; k < e.optionCount(); k++) {
                    w.print("," + e.votes(k, i));
                }
                w.println();
            }
        }
        return file;
    }
}
