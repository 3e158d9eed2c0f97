package org.psephos.cli;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.List;
import org.psephos.data.ColumnMapping;
import org.psephos.data.ShareBase;
import org.psephos.data.Thousands;
import picocli.CommandLine.Option;

/**
 * The column-mapping options shared by every command that reads a results file ({@code load}, {@code analyze},
 * {@code audit}, {@code simulate --sizes-from}): a picocli mixin that turns them into a {@link ColumnMapping} and a
 * charset. A syntax error in a reference, or an unknown charset, is a {@link UsageException} (exit code 2).
 */
final class MappingOptions {
    private static final String REF = "A column: its header name, its position #N, or a sum A+B+C.";

    @Option(names = "--registered", paramLabel = "COL", description = "Registered voters. " + REF)
    String registered;

    @Option(names = "--ballots", paramLabel = "COL",
            description = "Ballots cast (voters who took part). " + REF)
    String ballots;

    @Option(names = "--valid", paramLabel = "COL", description = "Valid ballots. " + REF)
    String valid;

    @Option(names = "--invalid", paramLabel = "COL", description = "Invalid ballots. " + REF)
    String invalid;

    @Option(names = "--candidate", paramLabel = "COL",
            description = "An option's votes (repeatable; also a range #22..#28). Default: every remaining numeric"
                    + " column.")
    List<String> candidates = new ArrayList<>();

    @Option(names = "--leader", paramLabel = "COL", description = "The leader. Default: the option with most votes.")
    String leader;

    @Option(names = "--level", paramLabel = "COL",
            description = "A grouping column (repeatable). Default: a column named region, district, prefecture(s)"
                    + " or province.")
    List<String> levels = new ArrayList<>();

    @Option(names = "--id", paramLabel = "COL",
            description = "The unit id column. Default: a column named unit, id, uik or precinct(s).")
    String id;

    @Option(names = "--share-of", paramLabel = "BASE",
            description = "Denominator of vote shares: found (valid + invalid), valid, or ballots."
                    + " Default: found; ballots for a file with one option and no valid or invalid column;"
                    + " under --conventions eftoolkit, ballots (EFToolkit's TotalVotes).")
    String shareOf;

    @Option(names = "--thousands", paramLabel = "SEP",
            description = "The counts' thousands separator: . , or space (groups of exactly three digits: with ."
                    + " 1.413 is 1413 and 123.0 stays 123). Default: none.")
    String thousands;

    @Option(names = "--encoding", paramLabel = "CHARSET", defaultValue = "UTF-8",
            description = "The file's encoding, e.g. windows-1251. Default: ${DEFAULT-VALUE} (a BOM is skipped).")
    String encoding;

    /** @return whether {@code --share-of} was given (an explicit base wins over the conventions' default) */
    boolean shareOfGiven() {
        return shareOf != null;
    }

    /**
     * The grouping the first {@code --level} names, as the loader made it: groupings are named by their header, so
     * a position {@code #N} or another case of the header's name (the loader matches names case-insensitively) is
     * translated to the name of the first grouping, which the loader made from the first {@code --level} column.
     *
     * @param e the election loaded with this mapping
     * @return the grouping's name (the reference as given if it names none), or {@code null} without
     *         {@code --level}
     */
    String levelName(org.psephos.data.Election e) {
        if (levels.isEmpty()) {
            return null;
        }
        String ref = levels.get(0).trim();
        if (e.grouping(ref).isPresent() || e.groupings().size() != levels.size()) {
            return ref;
        }
        String first = e.groupings().get(0).name();
        return ref.startsWith("#") || ref.equalsIgnoreCase(first) ? first : ref;
    }

    /**
     * @param e     the election loaded with this mapping
     * @param level the grouping to run per group of ({@link #levelName}), or {@code null} for none
     * @throws UsageException if the election has no such grouping; the message lists the groupings it has
     */
    static void requireGrouping(org.psephos.data.Election e, String level) {
        if (level != null && e.grouping(level).isEmpty()) {
            throw new UsageException("--level " + level + ": the file has no such grouping column; groupings are "
                    + e.groupings().stream().map(org.psephos.data.Grouping::name).toList());
        }
    }

    /**
     * @return the mapping the options describe
     * @throws UsageException if a reference does not parse or the share base is unknown
     */
    public ColumnMapping mapping() {
        try {
            ColumnMapping.Builder b = ColumnMapping.builder().registered(registered).ballots(ballots).valid(valid)
                    .invalid(invalid).leader(leader).id(id).shareOf(shareOf == null ? null : ShareBase.parse(shareOf))
                    .thousands(thousands(thousands));
            candidates.forEach(b::candidate);
            levels.forEach(b::level);
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }

    /**
     * @return the charset named by {@code --encoding}
     * @throws UsageException if the JVM does not know it
     */
    public Charset charset() {
        return charset(encoding);
    }

    /**
     * @param sep a thousands separator ({@code --thousands}), or null for none
     * @return the separator
     * @throws IllegalArgumentException if it is not one of . , or space (each command says which option it was)
     */
    static Thousands thousands(String sep) {
        return sep == null ? Thousands.NONE : Thousands.parse(sep);
    }

    /**
     * @param encoding a charset name ({@code --encoding}), or null for UTF-8
     * @return the charset
     * @throws UsageException if the JVM does not know it
     */
    static Charset charset(String encoding) {
        try {
            return encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new UsageException("--encoding: unknown charset '" + encoding + "'; try UTF-8, windows-1251,"
                    + " windows-1252 or ISO-8859-2", e);
        }
    }
}
