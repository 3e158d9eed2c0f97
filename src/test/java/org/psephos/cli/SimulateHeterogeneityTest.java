package org.psephos.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code simulate}'s heterogeneity options ({@code --size-effect}, {@code --urban}; {@code --regions} with
 * {@code --region-sd} already existed) and the promise that they change nothing when absent: the golden SHA-256
 * digests below are those of the CSV, JSON and printed summary written by {@code target/psephos.jar} built from
 * commit 09be85a (before these options), e.g.
 * {@code java -jar target/psephos.jar simulate --units 3000 --replicates 20 --seed 7 --quiet --out a.csv
 * --json a.json > a.txt; sha256sum a.csv a.json a.txt}.
 */
class SimulateHeterogeneityTest {
    @TempDir
    Path dir;

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {arguments, csv digest, json digest, stdout digest} from commit 09be85a. */
    private static final String[][] GOLDEN = {
        {"--units 3000 --replicates 20 --seed 7",
            "eb1076a70eeacfd4fc5a4384626703640eaa8ec1cc0e0c3880f0fdcb4bfdd023",
            "51e09595e42339554cb0b216bb897a105d2f9c1c960427013bd17f76f5a75ff4",
            "09579f3ed9b8aef6105eff885ceff8ddc1acfa1bb11a1729402fa03f947668cc"},
        {"--units 3000 --replicates 20 --seed 8 --regions 12 --region-sd 0.4:0.3 --distribution logit-normal "
                + "--turnout 0.6:0.4 --share 0.5:0.5 --options 5 --invalid 0.02",
            "e28eb572335a550a19928998456131c24af9133419dd2b81a033323e5c2d227d",
            "1aca29c8111d38e67e20cd572d3e1c5dcab25618f6cc9932ac1e6b059f768982",
            "71759cf743787fb44adc7fe324eed81a383c4da56a36a213621affe83dbcba56"},
        {"--units 3000 --replicates 20 --seed 9 --size-lognormal 6.5:0.6 --distribution beta --turnout 0.6:0.1 "
                + "--share 0.55:0.12 --options 3 --regions 5 --region-sd 0.3",
            "5118e6e243f7c0bac575870c02332f5672a4a86773c91a5938f1ce0aaa0120db",
            "41c8c797d6523b22da4a90fcf3c92caaf336756d6eee8df7215dffaed9efa0a9",
            "566422df16a1ea7b9dcc7d05212497260c718ddc6c1cb2510931c6a36b519d34"},
        {"--units 3000 --replicates 20 --seed 10 --incremental 0.2 --extreme 0.02 --stuffing 0.1:0.3 "
                + "--invented 0.05 --options 4 --invalid 0.01 --regions 7 --region-sd 0.2:0.2",
            "508e2e6d0725e1caf468e3f6ab595926a3f3cd3313867aa1ca683ea7d6c56b72",
            "512b7ebd230d4cb37a75e3e17313064819d9e05cc2409f4e088caf6bbe358355",
            "76a6476e2a90c59f278022dd14c8d012dd066280aac1a167ae88e744645a5030"},
    };

    @Test
    void existingOptionsGiveTheBytesTheyGaveBefore() throws IOException {
        for (String[] g : GOLDEN) {
            Path csv = dir.resolve("g.csv");
            Path json = dir.resolve("g.json");
            String[] args = Stream.concat(Stream.of("simulate"), Stream.concat(Stream.of(g[0].split(" ")),
                    Stream.of("--quiet", "--out", csv.toString(), "--json", json.toString()))).toArray(String[]::new);
            CommandRun r = CommandRun.of(args);
            assertEquals(0, r.code(), r.err());
            assertEquals(g[1], sha256(Files.readAllBytes(csv)), "CSV of " + g[0]);
            assertEquals(g[2], sha256(Files.readAllBytes(json)), "JSON of " + g[0]);
            assertEquals(g[3], sha256(r.out().getBytes(StandardCharsets.UTF_8)), "summary of " + g[0]);
        }
    }

    private static final String[] HETEROGENEOUS = {"simulate", "--units", "6000", "--seed", "5", "--replicates", "4",
        "--size-lognormal", "6.5:0.7", "--size-effect", "-0.3:0.2", "--urban", "0.4:-0.6:-0.5:2", "--regions", "8",
        "--region-sd", "0.4", "--distribution", "logit-normal", "--turnout", "0.6:0.3", "--share", "0.5:0.3",
        "--options", "4", "--invalid", "0.01", "--quiet"};

    private CommandRun heterogeneous(int threads, String tag) {
        return CommandRun.of(Stream.concat(Stream.of(HETEROGENEOUS), Stream.of("--threads", Integer.toString(threads), "--out",
                dir.resolve(tag + ".csv").toString(), "--json", dir.resolve(tag + ".json").toString()))
                .toArray(String[]::new));
    }

    @Test
    void heterogeneityReachesTheFilesAndIsTheSameForAnyThreadCount() throws IOException {
        CommandRun one = heterogeneous(1, "h1");
        assertEquals(0, one.code(), one.err());
        CommandRun two = heterogeneous(2, "h2");
        assertEquals(one.out(), two.out());
        assertArrayEquals(Files.readAllBytes(dir.resolve("h1.csv")), Files.readAllBytes(dir.resolve("h2.csv")));
        assertArrayEquals(Files.readAllBytes(dir.resolve("h1.json")), Files.readAllBytes(dir.resolve("h2.json")));
        List<String> lines = Files.readAllLines(dir.resolve("h1.csv"));
        assertEquals("unit,region,settlement,registered,ballots,valid,invalid,leader,option2,option3,option4,fraud",
                lines.get(0));
        long urban = lines.stream().skip(1).filter(l -> l.split(",")[2].equals("urban")).count();
        assertEquals(0.4 * 6000, urban, 5 * Math.sqrt(0.24 * 6000), "urban units");
        JsonNode het = new ObjectMapper().readTree(dir.resolve("h1.json").toFile()).get("model").get("heterogeneity");
        assertEquals(-0.3, het.get("size_effect_turnout").asDouble(), 0);
        assertEquals(0.2, het.get("size_effect_share").asDouble(), 0);
        assertEquals(6.5, het.get("mean_log_size").asDouble(), 0);
        assertEquals(0.4, het.get("urban_fraction").asDouble(), 0);
        assertEquals(2, het.get("urban_size").asDouble(), 0);
        // The file loads back with the settlement as a grouping.
        CommandRun load = CommandRun.of("load", dir.resolve("h1.csv").toString());
        assertEquals(0, load.code(), load.err());
        assertTrue(load.out().contains("settlement 2"), load.out());
    }

    @Test
    void badValuesAreUsageErrorsNamingTheOption() {
        for (String[] bad : new String[][] {{"--urban", "1.5:0:0"}, {"--urban", "0.5:0"}, {"--size-effect", "x"},
            {"--size-effect", "9"}, {"--urban", "0.5:0:0:0"}}) {
            CommandRun r = CommandRun.of("simulate", "--units", "100", "--seed", "1", bad[0], bad[1]);
            assertEquals(Main.USAGE, r.code(), String.join(" ", bad));
            assertTrue(r.err().contains(bad[0]), r.err());
            assertFalse(r.err().contains("Exception"), r.err());
        }
    }

    @Test
    void helpNamesTheScenarioOptions() {
        CommandRun r = CommandRun.of("simulate", "--help");
        for (String s : List.of("--size-effect", "--urban", "--region-sd", "settlement", "rural")) {
            assertTrue(r.out().contains(s), s);
        }
    }
}
