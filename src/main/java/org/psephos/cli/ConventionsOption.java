package org.psephos.cli;

import org.psephos.data.Election;
import org.psephos.forensics.Conventions;
import picocli.CommandLine.Option;

/**
 * The {@code --conventions} option of {@code analyze}, {@code shpilkin} and {@code power}: whose definitions the
 * tests follow ({@link Conventions}), so that a file analysed with a reference tool gives that tool's numbers. An
 * option given explicitly ({@code --share-of}, {@code --replicates}, {@code --seed}, {@code --peak}) wins over the
 * conventions' default.
 */
final class ConventionsOption {
    @Option(names = "--conventions", paramLabel = "TOOL", defaultValue = "psephos",
            description = "Whose definitions the tests follow: psephos (default), eftoolkit (the R Election "
                    + "Forensics Toolkit: every unit kept, shares of ballots capped at 1 where it caps them, its "
                    + "Sobyanin measure and Shpilkin bins) or kobak (Kobak et al.'s integer-percentage code: its "
                    + "filter and floating-point rule). A test the tool lacks runs under psephos conventions and its "
                    + "row says so; docs/conventions.md lists every rule.")
    String conventions;

    /**
     * @return the conventions named
     * @throws UsageException if the option names none
     */
    Conventions resolve() {
        try {
            return Conventions.parse(conventions);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--conventions: " + e.getMessage(), e);
        }
    }

    /**
     * @param election the election as loaded
     * @param mapping  the mapping options (an explicit {@code --share-of} wins)
     * @param c        the conventions
     * @return the election with the conventions' share base, unless {@code --share-of} was given or the conventions
     *         keep the loader's
     */
    static Election withShareBase(Election election, MappingOptions mapping, Conventions c) {
        return mapping.shareOfGiven() || c.shareBase() == null || election.shareBase() == c.shareBase() ? election
                : election.withShareBase(c.shareBase());
    }
}
