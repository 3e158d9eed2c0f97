package org.psephos.report;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Plain-language descriptions of the forensic tests, keyed by test id, for every report that explains its tests to
 * readers who are not statisticians (the {@code analyze} HTML report, case studies, notes): what a test detects,
 * when it does not apply, and the paper it comes from. The texts follow {@code FORENSICS.md} and the test classes'
 * javadoc, which carry the formulas. Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class TestGuide {
    /**
     * One test explained.
     *
     * @param id            the test id, as in the battery table
     * @param name          a short name
     * @param detects       what the test looks for and what a flag means
     * @param notApplicable when the test does not apply or misleads
     * @param source        the source paper or code
     * @since 0.1
     */
    public record Entry(String id, String name, String detects, String notApplicable, String source) {
        /** Checks that no field is null. */
        public Entry {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(detects, "detects");
            Objects.requireNonNull(notApplicable, "notApplicable");
            Objects.requireNonNull(source, "source");
        }
    }

    private static final String SMALL = " Counts below 10 are left out of digit tests (their last digit is their first "
            + "digit), and the test is not run with fewer than 50 usable counts.";
    private static final String PAIRS = "Uses counts of 30 or more; not run with fewer than 50 of them. The "
            + "expected share follows how the counts are spread: below 100 the penultimate digit is the leading one, "
            + "and a falling count distribution favours low last digits, so a fixed 10/18/72% would flag clean "
            + "elections.";
    private static final String PLANNED = " It assumes counts that vary over several orders of magnitude; where "
            + "precincts are planned to a similar size (e.g. about 1,000 voters each), second digits follow the "
            + "size plan rather than Benford's law, and a flag says little about fraud.";
    private static final String MEBANE = "Mebane, W. R. (2006), \"Election forensics: vote counts and Benford's "
            + "law\"; Mebane (2008), \"Election forensics: the second-digit Benford's law test and recent American "
            + "presidential elections\"; Election Forensics Toolkit (Hicken and Mebane 2017).";
    private static final String BEBER = "Beber, B. and Scacco, A. (2012), \"What the numbers say: a digit-based "
            + "test for election fraud\", Political Analysis 20(2):211-234, doi:10.1093/pan/mps003.";
    private static final String EFT = "Election Forensics Toolkit, BasicElectionForensics.R (Hicken and Mebane "
            + "2017, USAID/University of Michigan).";
    private static final String SHAPE_NA = " Not run with fewer than the minimum number of units or when every unit "
            + "has the same value. Real electorates differ between town and country, so a flag is a prompt to look "
            + "at the histogram, not proof of fraud.";

    private static final Map<String, Entry> ENTRIES = build();
    private static final Map<String, String> CAVEATS = caveats();

    private TestGuide() {
    }

    private static Map<String, Entry> build() {
        Map<String, Entry> m = new LinkedHashMap<>();
        put(m, "2BL", "Second-digit mean",
                "Compares the average second digit of the vote counts with 4.187, its value under the second-digit "
                        + "Benford law. Counts produced by many independent voters tend to follow that law; "
                        + "counts that were written down rather than counted often do not.",
                "Counts with one digit have no second digit and are dropped." + PLANNED, MEBANE);
        put(m, "2BLChi2", "Second-digit distribution (chi-square)",
                "Compares how often each second digit 0-9 occurs with the second-digit Benford frequencies, using a "
                        + "chi-square test with 9 degrees of freedom. The digit chart shows which digits depart.",
                PLANNED.strip() + SMALL, MEBANE);
        put(m, "LastC", "Last-digit mean",
                "Compares the average last digit of the vote counts with 4.5. Last digits of honest counts of 10 or "
                        + "more are close to uniform; invented numbers favour some digits.",
                "One-digit counts are included as in the Election Forensics Toolkit, but the test is not run with "
                        + "fewer than 50 counts of 10 or more. Small precincts make the last digit less uniform.",
                BEBER + " " + EFT);
        put(m, "LastDigitChi2", "Last-digit distribution (chi-square)",
                "Tests whether each last digit 0-9 occurs one time in ten, with a chi-square test (9 degrees of "
                        + "freedom). People inventing numbers avoid or favour particular digits.",
                "Uses counts of 10 or more only." + SMALL.replace(" Counts below 10 are left out of digit tests "
                        + "(their last digit is their first digit), and the", " The"), BEBER);
        put(m, "C05s", "Counts ending in 0 or 5",
                "The share of vote counts ending in 0 or 5, against 20% expected. Rounded, invented numbers end in 0 "
                        + "or 5 too often.",
                "Zeros count as ending in 0, so many empty counts (a small candidate in small units) raise the share "
                        + "without any fraud." + SMALL, EFT);
        put(m, "P05s", "Percentages ending in 0 or 5",
                "The share of units whose whole-number percentage (turnout or vote share) ends in 0 or 5, against "
                        + "20%. Results set to a target percentage end in 0 or 5 too often.",
                "Units with very few voters can only take a few percentages, which may end in 0 or 5 by arithmetic. "
                        + "Percentages of 0 and 100 are not counted (EFToolkit's conventions count them): a party "
                        + "with a vote or two rounds to 0% without anyone writing a number. Not run with fewer than "
                        + "50 units whose percentage is strictly between 0 and 100.", EFT);
        put(m, "Repeats", "Repeated last two digits",
                "The share of counts whose last two digits are equal (11, 22, ...), against the share expected for "
                        + "these counts (10% if the digits were uniform). People who invent numbers repeat digits "
                        + "too rarely.",
                PAIRS, BEBER);
        put(m, "Adjacent", "Adjacent last two digits",
                "The share of counts whose last two digits differ by one (12, 43, ...), against the share expected "
                        + "for these counts (18% if the digits were uniform). People who invent numbers produce "
                        + "such pairs too often.",
                PAIRS + " Whether 0 and 9 count as adjacent is a setting (18% without, 20% with, under uniform "
                        + "digits).", BEBER);
        put(m, "Distant", "Distant last two digits",
                "The share of counts whose last two digits are neither equal nor adjacent, against the share "
                        + "expected for these counts (72% if the digits were uniform). Invented numbers have too "
                        + "few of them.",
                PAIRS, BEBER);
        put(m, "Skew", "Skewness",
                "The asymmetry of the distribution of turnout or vote share over units (0 for a symmetric one). "
                        + "Ballot stuffing adds a long tail towards high turnout and high shares for the leader.",
                SHAPE_NA.strip(), EFT);
        put(m, "Kurt", "Kurtosis",
                "How heavy the tails of the distribution of turnout or vote share are (3 for a normal distribution). "
                        + "Many units pushed to extreme values raise it.",
                SHAPE_NA.strip(), EFT);
        put(m, "DipT", "Dip test of unimodality",
                "Whether the distribution of turnout or vote share has more than one peak. A second peak at high "
                        + "turnout or at a high leader's share is the pattern of a group of manipulated units.",
                "A genuinely divided country (regions voting very differently) also has several peaks. Not run with "
                        + "fewer than the minimum number of units.",
                "Hartigan, J. A. and Hartigan, P. M. (1985), \"The dip test of unimodality\", Annals of Statistics "
                        + "13(1):70-84, doi:10.1214/aos/1176346577; " + EFT);
        put(m, "Correlation", "Turnout-share correlation",
                "The correlation between a unit's turnout and the option's share. Ballots stuffed for one option "
                        + "raise both at once, so its share climbs with turnout; the toolkit flags |r| > 0.4.",
                "Not run for turnout itself. Genuine differences between urban and rural voters can also correlate "
                        + "turnout and support.",
                "Myagkov, M., Ordeshook, P. C. and Shakin, D. (2009), The Forensics of Election Fraud: Russia and "
                        + "Ukraine, Cambridge University Press; " + EFT);
        put(m, "Sobyanin", "Sobyanin-Sukhovolsky slope",
                "The slope of the option's share against turnout, minus its mean share. A large positive value says "
                        + "the option gained far more than its share of the extra ballots in high-turnout units.",
                "Not run for turnout itself, or when turnout does not vary.",
                "Sobyanin, A. and Sukhovolsky, V. (1995), Democracy Limited by Fraud; " + EFT);
        put(m, "LogVoteKurtosis", "Kurtosis of the logarithmic vote rate",
                "Kurtosis of ln(votes / (denominator - votes)) over units, after rescaling. Clean elections give "
                        + "values near 3; widespread stuffing or extreme results give far heavier tails.",
                "Units where the option has no votes or all votes have no finite rate and are dropped (their number "
                        + "is in the details). Not run with fewer than the minimum number of usable units.",
                "Klimek, P., Yegorov, Y., Hanel, R. and Thurner, S. (2012), \"Statistical detection of systematic "
                        + "election irregularities\", PNAS 109(41):16469-16473, doi:10.1073/pnas.1210722109.");
        put(m, "IntegerPercent", "Integer percentages",
                "Counts the polling stations whose turnout or leader's result is a whole percentage (e.g. exactly "
                        + "80.0%) and compares with simulated binomial noise. Officials reporting a target figure "
                        + "leave such peaks.",
                "Only stations with at least 100 registered voters and turnout and result at most 99% are used; "
                        + "small stations hit whole percentages by arithmetic, which the simulation accounts for.",
                "Kobak, D., Shpilkin, S. and Pshenichnikov, M. S. (2016), \"Integer percentages as electoral "
                        + "falsification fingerprints\", Annals of Applied Statistics 10(1):54-73, "
                        + "doi:10.1214/16-AOAS904.");
        return java.util.Collections.unmodifiableMap(m);
    }

    private static Map<String, String> caveats() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("2BL", "Benford's 4.187 holds for counts spread over several orders of magnitude, but polling-station "
                + "counts sit in a band set by station sizes and turnout, so clean elections miss it by arithmetic "
                + "alone (Deckert, Myagkov and Ordeshook 2011).");
        m.put("2BLChi2", "With tens of thousands of counts the chi-square rejects Benford's frequencies for any "
                + "clean election whose counts cluster by station size; the resampled counts show what that "
                + "clustering gives without fraud.");
        m.put("LastC", "Zeros and small counts make low last digits frequent by arithmetic alone, and selecting "
                + "counts near a size threshold shifts the mean, so 4.5 is not what a clean election gives.");
        m.put("LastDigitChi2", "Counts below a few hundred do not have uniform last digits (the count "
                + "distribution's slope across a decade favours some digits), which at large n is enough for the "
                + "chi-square to reject uniformity on clean data.");
        m.put("C05s", "Zeros and small counts end in 0 or 5 far more often than one time in five, so 20% is not "
                + "what the counts actually observed give without invention.");
        m.put("P05s", "Small units can take only a few percentages, several of which end in 0 or 5, so the 20% "
                + "reference is off for clean elections with small units.");
        String pairs = "The fixed shares (10%, 18%, 72%) assume uniform last two digits, but below 100 the "
                + "penultimate digit is the leading digit and a falling count distribution favours low last digits, "
                + "so clean counts depart from them.";
        m.put("Repeats", pairs);
        m.put("Adjacent", pairs);
        m.put("Distant", pairs);
        m.put("Skew", "A symmetric distribution (skewness 0) is not what clean elections have: regions, towns and "
                + "villages, and station size skew turnout and shares without fraud, and the clean twins keep that "
                + "heterogeneity.");
        m.put("Kurt", "The normal kurtosis of 3 fails whenever the electorate mixes populations (regions, urban and "
                + "rural), which widens the tails without fraud.");
        m.put("DipT", "The dip test's table assumes a uniform null, which is conservative for one clean population "
                + "and misleading for several: a country whose regions vote differently is multimodal without "
                + "fraud.");
        m.put("Correlation", "Turnout and support correlate in clean elections wherever small rural stations vote "
                + "more and differently from large urban ones, so a reference of 0 (or EFToolkit's |r| > 0.4) "
                + "ignores the electorate's own structure.");
        m.put("Sobyanin", "A slope of 0 holds only if turnout and support are unrelated across units; regional and "
                + "urban-rural differences give clean elections a slope that a t-test at n = 95,000 always "
                + "rejects.");
        m.put("LogVoteKurtosis", "Klimek et al.'s 3 assumes one normal population of logit vote rates; mixtures of "
                + "regions and settlement types raise the kurtosis without fraud.");
        m.put("IntegerPercent", "Kobak et al.'s binomial simulation is already a null built from the data; a fixed "
                + "share of whole percentages would be wrong, because small stations hit them by arithmetic.");
        m.put("KlimekFit", "A fit of a clean election is biased upwards and the spread over seeds is no sampling "
                + "distribution, so f > 0 says nothing until it is compared with fits of clean twins.");
        m.put("Shpilkin", "Excess votes of 0 hold only if the other options' votes follow the leader's across "
                + "turnout everywhere; clean heterogeneity gives F a value of its own, which only clean twins show.");
        m.put("FraudMixture", "A fraud share above 5% is a threshold, not a test: the mixture can prefer a fraud class "
                + "for a clean electorate of several populations, and refits on clean twins say how often.");
        m.put("Spikes", "Smooth counting puts no spike at any fraction, but the resampling envelope depends on the "
                + "fitted mixture, so the estimate needs the clean twins of that mixture to be read.");
        return java.util.Collections.unmodifiableMap(m);
    }

    /**
     * @param id a test id
     * @return one sentence on why the test's fixed reference value alone would mislead on a clean election (for the
     *         reports under calibrated nulls), or empty for a test this guide does not know
     */
    public static Optional<String> referenceCaveat(String id) {
        return Optional.ofNullable(CAVEATS.get(id));
    }

    private static void put(Map<String, Entry> m, String id, String name, String detects, String na, String src) {
        m.put(id, new Entry(id, name, detects, na, src));
    }

    /**
     * @param id a test id
     * @return its description, or empty for a test this guide does not know (a newer or user-defined test)
     */
    public static Optional<Entry> of(String id) {
        return Optional.ofNullable(ENTRIES.get(id));
    }

    /** @return every description, in battery table order */
    public static Map<String, Entry> all() {
        return ENTRIES;
    }
}
