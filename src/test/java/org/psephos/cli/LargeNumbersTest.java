package org.psephos.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8, numbers: totals far beyond {@link Integer#MAX_VALUE} (60 units of about two billion registered voters,
 * 119.97 billion in all, and an ordinary 100-million-voter election) come out exact in every command's output;
 * simulating units of two billion voters gives sane shares. Per-unit counts stay within int by the loader's
 * policy; every sum is a long.
 */
class LargeNumbersTest {
    private static final int UNITS = 60;
    /** Each unit: registered 1,999,500,000 + i, ballots 1,500,000,000 + i, A 900,000,000 + i, B the rest. */
    private static final long REGISTERED = UNITS * 1_999_500_000L + UNITS * (UNITS - 1) / 2;
    private static final long BALLOTS = UNITS * 1_500_000_000L + UNITS * (UNITS - 1) / 2;
    private static final long A = UNITS * 900_000_000L + UNITS * (UNITS - 1) / 2;

    @TempDir
    Path dir;

    private Path huge() throws IOException {
        StringBuilder b = new StringBuilder("unit,region,registered,ballots,valid,invalid,A,B\n");
        for (int i = 0; i < UNITS; i++) {
            b.append(i).append(i % 2 == 0 ? ",N," : ",S,").append(1_999_500_000 + i).append(',')
                    .append(1_500_000_000 + i).append(',').append(1_500_000_000 + i).append(",0,")
                    .append(900_000_000 + i).append(",600000000\n");
        }
        return Files.writeString(dir.resolve("huge.csv"), b.toString());
    }

    @Test
    void loadAndAnalyzeReportExactTotalsBeyondTwoToThe31() throws IOException {
        Path f = huge();
        Path json = dir.resolve("load.json");
        HostileInputsTest.Run r = HostileInputsTest.run("load", f.toString(), "--json", json.toString());
        assertEquals(Main.OK, r.code(), r.err());
        assertTrue(r.out().contains(String.format(java.util.Locale.ROOT, "registered %,d  ballots %,d", REGISTERED,
                BALLOTS)), r.out());
        assertTrue(r.out().contains(String.format(java.util.Locale.ROOT, "%,d", A)), r.out());
        JsonNode n = new ObjectMapper().readTree(json.toFile());
        assertEquals(REGISTERED, n.get("registered").asLong());
        assertEquals(BALLOTS, n.get("valid").asLong());

        Path out = dir.resolve("analyze.json");
        r = HostileInputsTest.run("analyze", f.toString(), "--replicates", "5", "--threads", "1", "--tests",
                "LastC,Skew,Correlation", "--json", out.toString());
        assertEquals(Main.OK, r.code(), r.err());
        JsonNode s = new ObjectMapper().readTree(out.toFile()).get("summary");
        assertEquals(REGISTERED, s.get("registered").asLong());
        assertEquals(BALLOTS, s.get("ballots").asLong());
        assertEquals((double) BALLOTS / REGISTERED, s.get("turnout").asDouble(), 1e-15);
        assertEquals((double) A / BALLOTS, s.at("/shares/A").asDouble(), 1e-15);

        r = HostileInputsTest.run("audit", f.toString());
        assertEquals(Main.OK, r.code(), r.err());
        assertTrue(r.out().contains("0 DISCREPANCY"), r.out());
    }

    @Test
    void aHundredMillionVotersSumExactly() throws IOException {
        // 1000 units of 100,000 registered voters: 100,000,000 in all, the ballots 75,000,000 + 0 + ... + 999.
        StringBuilder b = new StringBuilder("registered,ballots,A,B\n");
        for (int i = 0; i < 1000; i++) {
            b.append(100_000).append(',').append(75_000 + i).append(',').append(40_000 + i).append(",35000\n");
        }
        Path f = Files.writeString(dir.resolve("hundred million.csv"), b.toString());
        HostileInputsTest.Run r = HostileInputsTest.run("load", f.toString());
        assertEquals(Main.OK, r.code(), r.err());
        assertTrue(r.out().contains("registered 100,000,000  ballots 75,499,500"), r.out());
    }

    @Test
    void simulatingUnitsOfTwoBillionVotersGivesSaneShares() throws IOException {
        Path json = dir.resolve("sim.json");
        HostileInputsTest.Run r = HostileInputsTest.run("simulate", "--units", "40", "--size",
                "2000000000:2147483647", "--seed", "5", "--replicates", "3", "--threads", "1", "--quiet",
                "--stuffing", "0.5:0.5", "--carousel", "0.2:1", "--inflated", "0.2:1:1", "--json", json.toString());
        assertEquals(Main.OK, r.code(), r.err());
        JsonNode n = new ObjectMapper().readTree(json.toFile());
        double turnout = n.at("/turnout/mean").asDouble();
        double share = n.at("/leader_share/mean").asDouble();
        assertTrue(turnout > 0.7 && turnout <= 1, "turnout " + turnout);
        assertTrue(share > 0.6 && share <= 1, "leader share " + share);
    }
}
