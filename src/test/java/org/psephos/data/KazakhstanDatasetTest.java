package org.psephos.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The curated Kazakhstan files read through {@link AggregateResults}: totals per election as the sources state
 * them (sums checked by hand in datasets/kazakhstan/README.md). An empty expected cell means "not published".
 */
class KazakhstanDatasetTest {
    static final Path DIR = Path.of("datasets", "kazakhstan");
    static final Path NATIONAL = DIR.resolve("national_results.csv");

    static Map<String, AggregateResult> national() {
        return AggregateResults.read(NATIONAL).results().stream()
                .collect(Collectors.toMap(AggregateResult::election, Function.identity()));
    }

    @Test
    void nationalFileHoldsTenElectionsWithFortySevenOptions() {
        AggregateResults file = AggregateResults.read(NATIONAL);
        assertEquals(10, file.results().size());
        assertEquals(47, file.results().stream().mapToInt(r -> r.options().size()).sum());
        assertTrue(file.results().stream().allMatch(AggregateResult::isNational));
        assertEquals(List.of(), file.ignoredColumns());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "", value = {
        // election,           options, known sum, registered, ballots, valid, invalid, turnout 2 decimals
        "kz-1991-presidential, 2, 8788528, 9961242, 8788726, , 198, 88.23",
        "kz-1995-referendum,   2, 8244990, 9110156, 8309637, , 64647, 91.21",
        "kz-1999-presidential, 4, 7097705, , , , , ",
        "kz-2005-presidential, 5, 6744267, , 6871571, 6744267, , ",
        "kz-2011-presidential, 4, 8216370, , 8216370, 8216370, , ",
        "kz-2015-presidential, 3, 8979006, , , , , ",
        "kz-2019-presidential, 7, 9216410, 11960364, 9274110, , 57700, 77.54",
        "kz-2022-presidential, 7, 7940477, 11953465, 8300046, , , 69.44",
        "kz-2021-mazhilis,     5, 7241562, 11919241, 7539280, 7241562, 297718, 63.25",
        "kz-2023-mazhilis,     8, 6366441, 12035578, 6521860, 6366441, , 54.19"})
    void totalsPerElection(String election, int options, long knownSum, Long registered, Long ballots, Long valid,
                           Long invalid, Double turnout) {
        AggregateResult r = national().get(election);
        assertEquals(options, r.options().size());
        assertEquals(knownSum, r.knownVotesSum());
        assertEquals(optional(registered), r.registered());
        assertEquals(optional(ballots), r.ballots());
        assertEquals(optional(valid), r.valid());
        assertEquals(optional(invalid), r.invalid());
        if (turnout != null) {
            double computed = 100.0 * r.ballots().getAsLong() / r.registered().getAsLong();
            assertEquals(turnout, Math.round(computed * 100) / 100.0, 1e-12);
        }
    }

    private static OptionalLong optional(Long v) {
        return v == null ? OptionalLong.empty() : OptionalLong.of(v);
    }

    @Test
    void identitiesThatTheNotesCheckHoldExactly() {
        Map<String, AggregateResult> n = national();
        AggregateResult y1991 = n.get("kz-1991-presidential");
        assertEquals(8_788_726L, y1991.optionsSum().getAsLong() + y1991.invalid().getAsLong());
        AggregateResult y2019 = n.get("kz-2019-presidential");
        assertEquals(9_216_410L, y2019.ballots().getAsLong() - y2019.invalid().getAsLong());
        assertEquals(y2019.optionsSum().getAsLong(), y2019.ballots().getAsLong() - y2019.invalid().getAsLong());
        AggregateResult y2022 = n.get("kz-2022-presidential");
        assertEquals(7_940_477L, y2022.optionsSum().getAsLong());
        assertEquals(359_569L, y2022.ballots().getAsLong() - y2022.optionsSum().getAsLong());
        assertEquals(460_484L, y2022.options().get(6).votes().getAsLong(), "against all, not telegraf's 480,484");
        assertEquals("Against all", y2022.options().get(6).name());
        AggregateResult y2015 = n.get("kz-2015-presidential");
        assertTrue(y2015.optionsSum().isEmpty(), "Kusainov's count was never found");
        assertEquals(List.of("Abelgazi Kusainov"), y2015.optionsWithoutVotes());
    }

    @Test
    void printedPercentagesKeepTheirTrailingZeros() {
        Map<String, AggregateResult> n = national();
        assertEquals("2.60", n.get("kz-2022-presidential").options().get(2).percent().orElseThrow().toString());
        assertEquals("9.10", n.get("kz-2021-mazhilis").options().get(2).percent().orElseThrow().toString());
        assertEquals(1, n.get("kz-2019-presidential").turnout().orElseThrow().decimals(), "77.5 as printed");
        assertEquals("95.46", n.get("kz-1995-referendum").options().get(0).percentAlt().orElseThrow().toString());
    }

    @Test
    void everyRowKeepsItsSource() {
        for (AggregateResult r : AggregateResults.read(NATIONAL).results()) {
            for (AggregateOption o : r.options()) {
                assertFalse(o.source().isBlank(), r.election() + " " + o.name());
            }
        }
    }

    @Test
    void regionalTurnoutFilesKeepThe1805FiguresOutOfTheTurnoutColumn() {
        List<AggregateResult> y2019 = AggregateResults.read(DIR.resolve("regional_turnout_2019.csv")).results();
        assertEquals(17, y2019.size());
        assertTrue(y2019.stream().allMatch(r -> r.turnout().isPresent() && !r.hasCounts()));
        AggregateResults y2022 = AggregateResults.read(DIR.resolve("regional_turnout_2022.csv"));
        assertEquals(20, y2022.results().size());
        assertEquals(20, y2022.results().stream().filter(r -> r.turnout().isPresent()).count(),
                "the 22:00 figure of every unit (Informburo's Kazakh list completes Azattyq's)");
        assertEquals(List.of("turnout_percent_at_1805"), y2022.ignoredColumns());
        AggregateResult almaty = y2022.results().stream().filter(r -> r.area().equals("Almaty (city)")).findFirst()
                .orElseThrow();
        assertEquals("28.72", almaty.turnout().orElseThrow().toString(), "22:00, not the 18:05 27.93");
        AggregateResult nko = y2022.results().stream().filter(r -> r.area().equals("North Kazakhstan Region"))
                .findFirst().orElseThrow();
        assertEquals("79.01", nko.turnout().orElseThrow().toString());
    }

    @Test
    void referendumsAddUpNationallyAndKeepTheirPartialRegionalFigures() {
        AggregateResults file = AggregateResults.read(DIR.resolve("referendums.csv"));
        assertEquals(List.of(), file.ignoredColumns());
        Map<String, AggregateResult> national = file.results().stream().filter(AggregateResult::isNational)
                .collect(Collectors.toMap(AggregateResult::election, Function.identity()));
        AggregateResult y2022 = national.get("kz-2022-referendum");
        assertEquals(7_779_845L, y2022.optionsSum().getAsLong(), "yes + no + both marked");
        assertEquals(7_985_769L, y2022.optionsSum().getAsLong() + y2022.invalid().getAsLong());
        assertEquals(11_734_642L, y2022.registered().getAsLong());
        assertEquals(68.05, Math.round(10000.0 * y2022.ballots().getAsLong() / y2022.registered().getAsLong())
                / 100.0, 1e-12);
        AggregateResult y2024 = national.get("kz-2024-referendum");
        assertEquals(7_820_204L, y2024.optionsSum().getAsLong() + y2024.invalid().getAsLong());
        assertEquals(63.66, Math.round(10000.0 * y2024.ballots().getAsLong() / y2024.registered().getAsLong())
                / 100.0, 1e-12);
        assertEquals(71.12, Math.round(10000.0 * y2024.options().get(0).votes().getAsLong()
                / y2024.ballots().getAsLong()) / 100.0, 1e-12, "the CEC's share is of those who took part");
        List<AggregateResult> regional = file.results().stream().filter(r -> !r.isNational()).toList();
        assertEquals(8, regional.size(), "Almaty city and five 'no' shares in 2022, two regions in 2024");
        AggregateResult almaty = regional.stream().filter(r -> r.area().equals("Almaty (city)")).findFirst()
                .orElseThrow();
        assertEquals(1_129_117L, almaty.registered().getAsLong());
        assertEquals(373_057L, almaty.ballots().getAsLong());
        for (AggregateResult r : file.results()) {
            for (AggregateOption o : r.options()) {
                assertFalse(o.source().isBlank(), r.election() + " " + r.area() + " " + o.name());
            }
        }
    }

    @Test
    void exitPollOptionsNameOptionsOfTheNationalFile() {
        Set<String> known = new HashSet<>();
        national().values().forEach(r -> r.options().forEach(o -> known.add(r.election() + "|" + o.name())));
        CsvTable table = CsvTable.read(DIR.resolve("exit_polls.csv"));
        assertEquals(List.of("election", "date", "pollster", "option", "percent", "source"), table.header().fields());
        assertEquals(26, table.rows().size());
        for (CsvTable.Row row : table.rows()) {
            String key = row.fields().get(0) + "|" + row.fields().get(3);
            assertTrue(known.contains(key), "line " + row.line() + ": " + key);
        }
    }
}
