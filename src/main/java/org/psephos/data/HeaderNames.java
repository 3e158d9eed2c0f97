package org.psephos.data;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The header names recognised when a role is not mapped explicitly, compared case-insensitively with spaces and
 * hyphens read as underscores. The spikes layout ({@code N}, {@code t}, {@code v}) is matched case-sensitively,
 * because single letters are too common to guess from otherwise.
 */
final class HeaderNames {
    static final Set<String> REGISTERED = Set.of("registered", "registered_voters", "electorate", "eligible",
            "eligible_voters", "voters", "total_registered", "totalreg", "registration", "inscritos", "inscrits");
    static final Set<String> BALLOTS = Set.of("ballots", "ballots_cast", "votes_cast", "total_votes", "totalvotes",
            "total_ballots", "turnout_votes", "votantes", "votants", "cast");
    static final Set<String> VALID = Set.of("valid", "valid_votes", "valid_ballots", "validvotes", "total_valid");
    static final Set<String> INVALID = Set.of("invalid", "invalid_votes", "invalid_ballots", "invalidvotes",
            "spoiled", "rejected", "null_votes");
    static final Set<String> IDS = Set.of("unit", "id", "uik", "precinct", "precincts", "polling_station",
            "station", "unit_id", "precinct_id");
    static final Set<String> LEVELS = Set.of("region", "regions", "district", "districts", "prefecture",
            "prefectures", "province", "provinces", "oblast", "settlement");
    /** The simulated-fraud label of files the toolkit writes: never a count. */
    static final Set<String> LABELS = Set.of("fraud");

    private HeaderNames() {
    }

    static String normalise(String header) {
        return header.trim().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
    }

    /**
     * @param names  the recognised names
     * @param exact  a case-sensitive single name also accepted (the spikes layout), or {@code null}
     * @param header the header
     * @return the first column whose name is recognised, or -1
     */
    static int find(Set<String> names, String exact, List<String> header) {
        for (int c = 0; c < header.size(); c++) {
            if (names.contains(normalise(header.get(c)))) {
                return c;
            }
        }
        return exact == null ? -1 : header.indexOf(exact);
    }

    static boolean is(Set<String> names, String header) {
        return names.contains(normalise(header));
    }
}
