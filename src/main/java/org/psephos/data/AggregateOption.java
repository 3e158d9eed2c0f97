package org.psephos.data;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One option (candidate, party list, referendum answer, "against all") of an {@link AggregateResult}: its votes
 * and the percentages sources printed for it. Every figure is optional: an empty cell in the file means that no
 * source published it, and it stays empty here (nothing is estimated). Immutable.
 *
 * @param name       the option's name
 * @param party      the nominating party or a descriptive label; empty if none
 * @param votes      the votes, if published
 * @param percent    the percentage printed by the main source, if any
 * @param percentAlt the percentage printed by another source for the same option, if any
 * @param seats      seats won, if the election allocates seats and a source gives them
 * @param source     where the row's figures come from (URLs and citations), possibly empty
 * @param line       the 1-based line of the row in its file (header = line 1), or 0 if not read from a file
 * @since 0.1
 */
public record AggregateOption(String name, String party, OptionalLong votes, Optional<PrintedPercent> percent,
                              Optional<PrintedPercent> percentAlt, OptionalLong seats, String source, long line) {

    /** @throws NullPointerException if an argument is null */
    public AggregateOption {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(party, "party");
        Objects.requireNonNull(votes, "votes");
        Objects.requireNonNull(percent, "percent");
        Objects.requireNonNull(percentAlt, "percentAlt");
        Objects.requireNonNull(seats, "seats");
        Objects.requireNonNull(source, "source");
    }

    /**
     * @param name  the option's name
     * @param votes its votes
     * @param percent the printed percentage, or {@code null} for none
     * @return an option with only a name, votes and a printed percentage (for tests and programmatic use)
     */
    public static AggregateOption of(String name, long votes, String percent) {
        return new AggregateOption(name, "", OptionalLong.of(votes),
                Optional.ofNullable(percent).map(PrintedPercent::parse), Optional.empty(), OptionalLong.empty(),
                "", 0);
    }
}
