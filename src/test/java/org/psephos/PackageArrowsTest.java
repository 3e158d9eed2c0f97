package org.psephos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Enforces the package arrows of docs/architecture.md by scanning the main sources' imports and fully qualified
 * names: {@code data ← simulation ← forensics ← estimation ← scenarios ← report ← org.psephos ← cli}, with
 * {@code spark} beside {@code report} (it may use everything up to {@code scenarios}; only {@code cli} uses it) and
 * the country cases, {@code cases} and its sub-packages, beside {@code org.psephos} (they may use the library up to
 * {@code report}, not {@code spark}, {@code org.psephos} or {@code cli}; no library package uses them, only
 * {@code cli}). Picocli is used only in {@code cli}, Apache Spark only in {@code spark}. A plain source scan rather
 * than ArchUnit: one class, no dependency, and it reads the same text a reviewer reads.
 */
class PackageArrowsTest {
    /** Rank of each top-level package under {@code org.psephos}; "" is {@code org.psephos} itself. */
    static final Map<String, Integer> RANK = Map.of("data", 0, "simulation", 1, "forensics", 2, "estimation", 3,
            "scenarios", 4, "report", 5, "spark", 5, "", 6, "cases", 6, "cli", 7);

    private static final Path MAIN = Path.of("src/main/java/org/psephos");
    private static final Pattern PSEPHOS_REF =
            Pattern.compile("\\borg\\.psephos\\.(?:([a-z]+)\\.)?(?:[a-z]+\\.)*[A-Z]\\w*");

    @Test
    void everyReferenceFollowsTheArrows() throws IOException {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String from = topPackage(MAIN.relativize(file));
                violations.addAll(violations(from, Files.readString(file, StandardCharsets.UTF_8),
                        file.toString()));
            }
        }
        assertEquals(List.of(), violations);
    }

    @Test
    void theScanSeesAViolation() {
        String source = """
                package org.psephos.forensics;
                import org.psephos.estimation.KlimekFit;
                import org.psephos.simulation.FraudModel;
                // a comment naming org.psephos.report.AnalysisReport does not count
                class X { Object y = new org.psephos.cli.Main(); picocli.CommandLine z; }
                """;
        List<String> found = violations("forensics", source, "X.java");
        assertEquals(3, found.size(), found.toString());
        assertTrue(found.get(0).contains("estimation"), found.toString());
        assertTrue(found.get(1).contains("cli"), found.toString());
        assertTrue(found.get(2).contains("picocli"), found.toString());
        assertEquals(List.of(), violations("cli", source.replace("picocli.CommandLine z;", ""), "X.java"));
        assertEquals(1, violations("report", "import org.psephos.spark.SparkNullRunner;", "Y.java").size());
        String kz = "import org.psephos.cases.kazakhstan.KazakhstanModel;";
        for (String library : List.of("data", "simulation", "forensics", "estimation", "scenarios", "report", "spark",
                "")) {
            assertEquals(1, violations(library, kz, "Z.java").size(), library);
        }
        assertEquals(List.of(), violations("cli", kz, "Z.java"));
        assertEquals(List.of(), violations("cases", "import org.psephos.report.HtmlReport;\n"
                + "import org.psephos.scenarios.ScenarioFiles;\nimport org.psephos.cases.kazakhstan.KazakhstanLaw;",
                "K.java"));
        assertEquals(3, violations("cases", "import org.psephos.spark.SparkScenarioRunner;\n"
                + "import org.psephos.cli.Main;\nimport org.psephos.Psephos;", "K.java").size());
    }

    /** @return the top-level package of a source file relative to {@code org/psephos}, "" for the root */
    private static String topPackage(Path relative) {
        return relative.getNameCount() == 1 ? "" : relative.getName(0).toString();
    }

    /** @return one line per reference from package {@code from} that goes against the arrows */
    static List<String> violations(String from, String source, String file) {
        List<String> out = new ArrayList<>();
        int rank = RANK.getOrDefault(from, -1);
        String[] lines = source.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String code = codeOf(lines[i]);
            if (code.isEmpty()) {
                continue;
            }
            Matcher m = PSEPHOS_REF.matcher(code);
            while (m.find()) {
                String to = m.group(1) == null ? "" : m.group(1);
                if (!to.equals(from) && (!RANK.containsKey(to) || RANK.get(to) >= rank
                        || to.equals("spark") && !from.equals("cli"))) {
                    out.add(file + ":" + (i + 1) + ": " + (from.isEmpty() ? "org.psephos" : from) + " -> "
                            + m.group());
                }
            }
            if (code.matches(".*\\bpicocli\\..*") && !from.equals("cli")) {
                out.add(file + ":" + (i + 1) + ": picocli outside cli");
            }
            if (code.matches(".*\\borg\\.apache\\.spark\\..*") && !from.equals("spark")) {
                out.add(file + ":" + (i + 1) + ": Apache Spark outside spark");
            }
        }
        return out;
    }

    /** @return the line without its comment part; empty for javadoc and block-comment lines */
    private static String codeOf(String line) {
        String t = line.strip();
        if (t.startsWith("*") || t.startsWith("/*") || t.startsWith("//")) {
            return "";
        }
        int comment = t.indexOf("//");
        return comment >= 0 ? t.substring(0, comment) : t;
    }
}
