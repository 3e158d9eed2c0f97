package org.psephos.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code psephos audit} end to end through {@link Main#run}, with captured output. */
class AuditCommandTest {
    private static final String NATIONAL = "datasets/kazakhstan/national_results.csv";

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(args, new PrintWriter(out), new PrintWriter(err));
    }

    @Test
    void printsATableByElectionAndASummaryAndExitsZeroDespiteDiscrepancies() {
        assertEquals(0, run("audit", NATIONAL));
        String text = out.toString();
        assertTrue(text.contains("\nkz-1999-presidential\n"), text);
        assertTrue(text.contains("DISCREPANCY  percent-base"), text);
        assertTrue(text.contains("+230,970"), text);
        assertTrue(text.contains("359,569 (4.33% of ballots) unexplained"), text);
        assertTrue(text.endsWith("Audited 10 elections: 24 OK, 5 DISCREPANCY, 12 UNVERIFIABLE.\n"), text);
        assertEquals("", err.toString());
    }

    @Test
    void writesJsonAtomicallyWithNullForNumbersThatDoNotApply() throws IOException {
        Path json = dir.resolve("audit.json");
        assertEquals(0, run("audit", NATIONAL, "datasets/kazakhstan/regional_turnout_2022.csv",
                "--json", json.toString()));
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertEquals(5, root.get("summary").get("DISCREPANCY").asInt());
        JsonNode first = root.get("findings").get(0);
        assertEquals("kz-1991-presidential", first.get("election").asText());
        assertEquals(8_788_726, first.get("found").asLong());
        boolean weighted = false;
        for (JsonNode f : root.get("findings")) {
            if (f.get("check").asText().equals("regional-turnout-weighted")) {
                weighted = true;
                assertEquals("UNVERIFIABLE", f.get("status").asText());
                assertTrue(f.get("expected").isNull());
            }
        }
        assertTrue(weighted, "the 2022 regional turnout is reported as unverifiable, not skipped");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void unreadableDataExitsThreeWithOneLine() throws IOException {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "election,option,votes\ne,A,1 000\n");
        assertEquals(3, run("audit", bad.toString()));
        assertEquals("psephos: " + bad + ", line 2, column 'votes' (#3): not a whole number: '1 000'. "
                + "write counts as plain digits without thousands separators (8788726), or leave the cell empty "
                + "where no figure is published\n", err.toString().replace("\r\n", "\n"));
        assertFalse(err.toString().contains("Exception"));
    }

    @Test
    void perUnitFilesAreReadWithTheLoaderAndEachIdentityIsChecked() throws IOException {
        Path stations = dir.resolve("stations.csv");
        // Unit 1 has more ballots than voters; unit 3's options sum to 48, not its valid 40, and 40 + 2 != 50.
        Files.writeString(stations, "station,registered,ballots,valid,invalid,A,B\n"
                + "1,10,12,12,0,6,6\n2,100,50,48,2,30,18\n3,100,50,40,2,30,18\n");
        assertEquals(0, run("audit", stations.toString()));
        String text = out.toString();
        assertTrue(text.contains("more ballots than registered voters in 1 of 3 units checked (total |difference| 2)"),
                text);
        assertTrue(text.contains("the options' votes do not sum to valid in 1 of 3 units checked "
                + "(total |difference| 8); first: 3 (40 vs 48)"), text);
        assertTrue(text.contains("valid + invalid differs from ballots in 1 of 3 units checked"), text);
        assertTrue(text.contains("0 OK, 3 DISCREPANCY"), text);
    }

    @Test
    void perUnitMappingErrorsAreDataErrors() throws IOException {
        Path stations = dir.resolve("stations.csv");
        Files.writeString(stations, "station,registered,ballots,A\n1,10,5,5\n");
        assertEquals(3, run("audit", stations.toString(), "--valid", "good"));
        assertTrue(err.toString().contains("good"), err.toString());
    }

    @Test
    void missingArgumentIsAUsageError() {
        assertEquals(2, run("audit"));
    }
}
