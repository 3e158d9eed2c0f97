package org.psephos.forensics.nulls;

/**
 * One category of {@link CountResampler}'s multinomial chain (see {@link CountLayout}): an option's votes, or one of
 * the three counts beside them. Package-private; immutable.
 *
 * @param kind   what the category counts
 * @param option the option's index (0, 1, …) for {@link Kind#OPTION}, −1 otherwise
 */
record Category(Kind kind, int option) {
    /** What a category counts. */
    enum Kind {
        /** An option's votes. */
        OPTION,
        /** Valid votes beyond the options' sum (valid − Σ options), where the source has a valid column. */
        OTHER_VALID,
        /** Invalid ballots, where the source has an invalid column. */
        INVALID,
        /** Ballots beyond those found (ballots − found): a bookkeeping residue, not a vote. */
        UNFOUND
    }

    static final Category OTHER_VALID = new Category(Kind.OTHER_VALID, -1);
    static final Category INVALID = new Category(Kind.INVALID, -1);
    static final Category UNFOUND = new Category(Kind.UNFOUND, -1);

    /** Checks that an option category has an index and the others have none. */
    Category {
        if ((kind == Kind.OPTION) != (option >= 0)) {
            throw new IllegalArgumentException(kind + " with option " + option);
        }
    }

    /** @param option an option's index @return its category */
    static Category option(int option) {
        return new Category(Kind.OPTION, option);
    }

    /**
     * @param row     a row of {@link CountLayout}'s weights: options 0 .. K − 1, other valid K, invalid K + 1,
     *                unfound K + 2
     * @param options K
     * @return the category that row holds
     */
    static Category ofRow(int row, int options) {
        return row < options ? option(row) : row == options ? OTHER_VALID : row == options + 1 ? INVALID : UNFOUND;
    }

    /** @param options K @return the row of {@link CountLayout}'s weights holding this category */
    int row(int options) {
        return switch (kind) {
            case OPTION -> option;
            case OTHER_VALID -> options;
            case INVALID -> options + 1;
            case UNFOUND -> options + 2;
        };
    }

    /** @return whether this is an option's votes */
    boolean isOption() {
        return kind == Kind.OPTION;
    }
}
