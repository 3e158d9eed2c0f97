package org.psephos.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The published result of one election in one area (the whole country, or one region when a source gives regional
 * figures): registered voters, ballots cast, valid and invalid ballots, the printed turnout and each option's votes
 * and printed percentages. This is the shape in which most official results are published when no polling-station
 * data exist; {@link AggregateResults#read(java.nio.file.Path)} reads it from the long-format file described there.
 *
 * <p>Every figure is optional: an empty value means that no source published it. Derived figures (the options'
 * sum, an implied invalid count) are never stored here; {@link ArithmeticAudit} computes and reports them.
 * Immutable.
 *
 * @param election    the election's identifier, e.g. {@code kz-2019-presidential}
 * @param date        the election day as ISO {@code yyyy-mm-dd}, or empty
 * @param kind        the kind of election ({@code presidential}, {@code referendum}...), or empty
 * @param area        {@value #NATIONAL} for the whole electorate, otherwise a region's name
 * @param registered  registered voters
 * @param ballots     ballots cast: voters who took part (the numerator of turnout)
 * @param valid       valid ballots
 * @param invalid     invalid ballots
 * @param turnout     the turnout percentage as printed by the main source
 * @param turnoutAlt  the turnout percentage as printed by another source
 * @param turnoutAsOf when the printed turnout was taken ("final", "preliminary, 22:00"), or empty
 * @param options     the options in file order; empty for an area with totals only (e.g. turnout)
 * @param sources     the distinct source texts of the rows, in file order
 * @param line        the 1-based line of the first row in its file, or 0 if not read from a file
 * @since 0.1
 */
public record AggregateResult(String election, String date, String kind, String area, OptionalLong registered,
                              OptionalLong ballots, OptionalLong valid, OptionalLong invalid,
                              Optional<PrintedPercent> turnout, Optional<PrintedPercent> turnoutAlt,
                              String turnoutAsOf, List<AggregateOption> options, List<String> sources, long line) {

    /** The {@code area} of a national (whole-electorate) result. */
    public static final String NATIONAL = "national";

    /**
     * Copies the lists.
     *
     * @throws NullPointerException if an argument is null
     */
    public AggregateResult {
        Objects.requireNonNull(election, "election");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(area, "area");
        Objects.requireNonNull(registered, "registered");
        Objects.requireNonNull(ballots, "ballots");
        Objects.requireNonNull(valid, "valid");
        Objects.requireNonNull(invalid, "invalid");
        Objects.requireNonNull(turnout, "turnout");
        Objects.requireNonNull(turnoutAlt, "turnoutAlt");
        Objects.requireNonNull(turnoutAsOf, "turnoutAsOf");
        options = List.copyOf(options);
        sources = List.copyOf(sources);
    }

    /** @return whether this is the whole electorate's result */
    public boolean isNational() {
        return NATIONAL.equalsIgnoreCase(area);
    }

    /** @return the sum of the options' votes, or empty if there is no option or one has no published count */
    public OptionalLong optionsSum() {
        if (options.isEmpty() || !optionsWithoutVotes().isEmpty()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(knownVotesSum());
    }

    /** @return the sum of the votes of the options that have a published count */
    public long knownVotesSum() {
        long s = 0;
        for (AggregateOption o : options) {
            s += o.votes().orElse(0);
        }
        return s;
    }

    /** @return the names of the options without a published vote count, in file order */
    public List<String> optionsWithoutVotes() {
        List<String> out = new ArrayList<>();
        for (AggregateOption o : options) {
            if (o.votes().isEmpty()) {
                out.add(o.name());
            }
        }
        return out;
    }

    /** @return whether any count (registered, ballots, valid, invalid or an option's votes) is published */
    public boolean hasCounts() {
        return registered.isPresent() || ballots.isPresent() || valid.isPresent() || invalid.isPresent()
                || options.stream().anyMatch(o -> o.votes().isPresent());
    }

    /** @return {@code election} for a national result, {@code election / area} otherwise */
    public String label() {
        return isNational() ? election : election + " / " + area;
    }
}
