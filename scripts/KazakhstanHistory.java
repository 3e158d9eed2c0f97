// Kazakhstan's national results since 1991: the leading option's share and the turnout of every election, as a table.
//
// Run from the repository root (Java 11+ single-file source launch):
//     java -cp target/psephos.jar scripts/KazakhstanHistory.java [path/to/national_results.csv]
//
// Reads datasets/kazakhstan/national_results.csv with AggregateResults.read (the long format described in
// datasets/kazakhstan/README.md). The leader's share is computed from the counts (votes / sum of the options'
// votes, or / valid ballots when published) and printed next to the official percentage; turnout is ballots /
// registered. Missing figures print as "-". Where the file has an "against" option (1991, 2022, 2023) it is one of
// the options, so the share is on the commission's base; `psephos kazakhstan` gives the law's other two readings
// (all ballots; the candidates' votes only) in its section 1.

import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.OptionalLong;
import org.psephos.data.AggregateOption;
import org.psephos.data.AggregateResult;
import org.psephos.data.AggregateResults;

public class KazakhstanHistory {
    public static void main(String[] args) {
        Path file = Path.of(args.length > 0 ? args[0] : "datasets/kazakhstan/national_results.csv");
        AggregateResults all = AggregateResults.read(file);
        System.out.printf(Locale.ROOT, "%-5s %-26s %-32s %9s %9s %9s %9s%n", "year", "election", "leader",
                "share %", "official", "turnout %", "official");
        all.results().stream().filter(AggregateResult::isNational)
                .sorted(Comparator.comparing(AggregateResult::date))
                .forEach(KazakhstanHistory::printRow);
    }

    private static void printRow(AggregateResult r) {
        AggregateOption leader = r.options().stream().filter(o -> o.votes().isPresent())
                .max(Comparator.comparingLong(o -> o.votes().getAsLong())).orElse(null);
        if (leader == null) {
            return;
        }
        OptionalLong sum = r.optionsSum();
        long base = r.valid().isPresent() ? r.valid().getAsLong() : sum.orElse(0);
        double share = base > 0 ? 100.0 * leader.votes().getAsLong() / base : Double.NaN;
        double turnout = r.registered().isPresent() && r.ballots().isPresent()
                ? 100.0 * r.ballots().getAsLong() / r.registered().getAsLong() : Double.NaN;
        System.out.printf(Locale.ROOT, "%-5s %-26s %-32s %9s %9s %9s %9s%n", r.date().substring(0, 4),
                r.election(), leader.name(), pct(share),
                leader.percent().map(p -> p.value().toPlainString()).orElse("-"), pct(turnout),
                r.turnout().map(p -> p.value().toPlainString()).orElse("-"));
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.2f", v);
    }
}
