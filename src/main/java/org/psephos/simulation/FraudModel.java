package org.psephos.simulation;

import java.util.Locale;

/**
 * A way of falsifying a unit's counts, applied after the clean counts are drawn. Models compose: a
 * {@link SimulationModel} applies its list in order, each model choosing its own units from its own random stream,
 * so adding a model, or setting its rates to zero, never changes the clean draws (a paired design: the same clean
 * election with and without fraud).
 *
 * <p>Every model keeps the accounting identities: votes + invalid = ballots ≤ registered, all counts ≥ 0. Counts
 * moved or added are exact binomial draws ({@link BinomialSampler}). Each model marks the units it chose with its
 * {@link FraudClass} bit, whether or not the draw changed a count.
 *
 * <p>The interface stays whole at its size because it is the closed set of models itself: eight short validated
 * records nested in it, whose public names ({@code FraudModel.BallotStuffing} and the others) scripts, the README
 * and the scenario runners use, so that moving one out would rename it; what the models do is in {@code FraudStep}.
 *
 * @since 0.1
 */
public sealed interface FraudModel extends java.io.Serializable {
    /** @return the kind of fraud this model marks */
    FraudClass fraudClass();

    /** @return the command-line style name, e.g. {@code ballot-stuffing} */
    default String name() {
        return getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /** @return whether the model cannot change any unit (all its rates are zero) */
    boolean isNoOp();

    /**
     * The fraud model of Klimek, Yegorov, Hanel and Thurner (2012), "Statistical detection of systematic election
     * irregularities", PNAS 109(41), 16469–16473, doi:10.1073/pnas.1210722109 (see FORENSICS.md B2), with
     * binomial counts. Each unit is incremental with probability f_i, else extreme with probability f_e, else
     * clean. Intensity x = |N(0, θ)|, redrawn until below 1, for incremental; x = max(0, 1 − |N(0, σ_e)|), σ_e =
     * 0.075, for extreme. Then
     * <pre>
     *   stuffed ~ Binomial(registered − ballots, x)       added to ballots and to the leader
     *   stolen_k ~ Binomial(votes_k, x^α), k ≠ leader     moved from option k to the leader
     * </pre>
     * Independent binomials with one probability sum to Binomial(opposition, x^α), the paper's stolen term.
     *
     * @param incremental f_i, in [0, 1]
     * @param theta       θ, the sd of incremental intensity, ≥ 0
     * @param alpha       α, the stealing exponent, positive
     * @param extreme     f_e, in [0, 1 − f_i]
     * @param extremeSd   σ_e, the sd of 1 − x for extreme fraud, ≥ 0 (0.075 in the paper)
     */
    record Klimek(double incremental, double theta, double alpha, double extreme, double extremeSd)
            implements FraudModel {
        /** The paper's sd of extreme intensity. */
        public static final double EXTREME_SD = 0.075;

        /** @throws IllegalArgumentException if a parameter is outside its range */
        public Klimek {
            requireProbability("incremental fraud probability", incremental);
            requireProbability("extreme fraud probability", extreme);
            if (!(incremental + extreme <= 1)) {
                throw new IllegalArgumentException("incremental + extreme fraud probabilities exceed 1: "
                        + (incremental + extreme));
            }
            if (!(theta >= 0) || Double.isInfinite(theta)) {
                throw new IllegalArgumentException("theta is not finite and >= 0: " + theta);
            }
            if (!(alpha > 0) || Double.isInfinite(alpha)) {
                throw new IllegalArgumentException("alpha is not finite and positive: " + alpha);
            }
            if (!(extremeSd >= 0 && extremeSd <= 1)) {
                throw new IllegalArgumentException("extreme sd is not in [0, 1]: " + extremeSd);
            }
        }

        /**
         * @param incremental f_i
         * @param theta       θ
         * @param alpha       α
         * @param extreme     f_e
         * @return the model with the paper's extreme sd 0.075
         */
        public static Klimek of(double incremental, double theta, double alpha, double extreme) {
            return new Klimek(incremental, theta, alpha, extreme, EXTREME_SD);
        }

        /** @return {@link FraudClass#INCREMENTAL}; the units it makes extreme are marked {@link FraudClass#EXTREME} */
        @Override
        public FraudClass fraudClass() {
            return FraudClass.INCREMENTAL;
        }

        @Override
        public boolean isNoOp() {
            return incremental == 0 && extreme == 0;
        }
    }

    /**
     * Ballot stuffing at a fixed expected share of non-voters, in a fraction of units: stuffed ~
     * Binomial(registered − ballots, share), added to ballots and to the leader. The extreme-fraud term of Klimek et
     * al. (2012) with a fixed intensity; the excess-turnout signature estimated by Shpilkin's method
     * (FORENSICS.md B4).
     *
     * @param fraction share of units stuffed, in [0, 1]
     * @param share    expected share of non-voters whose ballots are stuffed, in [0, 1]
     */
    record BallotStuffing(double fraction, double share) implements FraudModel {
        /** @throws IllegalArgumentException if a parameter is not in [0, 1] */
        public BallotStuffing {
            requireProbability("stuffed fraction of units", fraction);
            requireProbability("stuffed share of non-voters", share);
        }

        @Override
        public FraudClass fraudClass() {
            return FraudClass.STUFFING;
        }

        @Override
        public boolean isNoOp() {
            return fraction == 0 || share == 0;
        }
    }

    /**
     * Vote switching only, in a fraction of units: switched_k ~ Binomial(votes_k, share) moved from each other option
     * to the leader; ballots and turnout do not change. The stolen-vote term of Klimek et al. (2012) and the
     * "manufactured vs stolen" split of Mebane's finite mixture model (FORENSICS.md B6) without stuffing.
     *
     * @param fraction share of units, in [0, 1]
     * @param share    expected share of each other option's votes moved, in [0, 1]
     */
    record VoteSwitching(double fraction, double share) implements FraudModel {
        /** @throws IllegalArgumentException if a parameter is not in [0, 1] */
        public VoteSwitching {
            requireProbability("switched fraction of units", fraction);
            requireProbability("switched share of votes", share);
        }

        @Override
        public FraudClass fraudClass() {
            return FraudClass.SWITCHING;
        }

        @Override
        public boolean isNoOp() {
            return fraction == 0 || share == 0;
        }
    }

    /**
     * Carousel (repeat) voting, in a fraction of units: extra ~ Binomial(ballots, rate) ballots for the leader,
     * capped at registered − ballots. Unlike stuffing, the extra ballots scale with the voters, not the non-voters;
     * observers' reports of bussed repeat voters (e.g. OSCE/ODIHR election observation reports) describe it.
     *
     * @param fraction share of units, in [0, 1]
     * @param rate     expected repeat ballots per real voter, in [0, 1]
     */
    record CarouselVoting(double fraction, double rate) implements FraudModel {
        /** @throws IllegalArgumentException if a parameter is not in [0, 1] */
        public CarouselVoting {
            requireProbability("carousel fraction of units", fraction);
            requireProbability("carousel repeat rate", rate);
        }

        @Override
        public FraudClass fraudClass() {
            return FraudClass.CAROUSEL;
        }

        @Override
        public boolean isNoOp() {
            return fraction == 0 || rate == 0;
        }
    }

    /**
     * Invented results, in a fraction of units: the reported turnout and/or leader share are raised to the next whole
     * percentage, the fingerprint that Kobak, Shpilkin and Pshenichnikov (2016), "Integer percentages as
     * electoral falsification fingerprints", Ann. Appl. Stat. 10(1), 54–73, doi:10.1214/15-AOAS904, test for
     * (FORENSICS.md B3). Turnout: P = ⌈100·ballots/registered⌉ and ballots' = round(P·registered/100), the new
     * ballots going to the leader. Share: P = ⌈100·leader/ballots⌉ and leader' = round(P·ballots/100), taken from
     * the other options in proportion to their votes (largest remainders), capped at what they hold.
     *
     * @param fraction share of units, in [0, 1]
     * @param target   which percentages are invented
     */
    record InventedResults(double fraction, Target target) implements FraudModel {
        /** Which reported percentages are made whole. */
        public enum Target {
            /** Turnout only. */
            TURNOUT,
            /** Leader share only. */
            SHARE,
            /** Turnout, then leader share. */
            BOTH;

            /**
             * @param text {@code turnout}, {@code share} or {@code both}
             * @return the target
             * @throws IllegalArgumentException if the text names no target
             */
            public static Target parse(String text) {
                for (Target t : values()) {
                    if (t.name().equalsIgnoreCase(text.trim())) {
                        return t;
                    }
                }
                throw new IllegalArgumentException("invented target is not turnout, share or both: " + text);
            }
        }

        /** @throws IllegalArgumentException if the fraction is not in [0, 1] or the target is null */
        public InventedResults {
            requireProbability("invented fraction of units", fraction);
            if (target == null) {
                throw new IllegalArgumentException("invented target is null");
            }
        }

        @Override
        public FraudClass fraudClass() {
            return FraudClass.INVENTED;
        }

        @Override
        public boolean isNoOp() {
            return fraction == 0;
        }
    }

    /**
     * Invented digits, in a fraction of units: every digit of the leader's count after the first is replaced by a
     * digit drawn from {@link #HUMAN_DIGITS}, and the ballots move by the same amount so the unit's arithmetic holds
     * (the new count has as many digits as the old one). People who write numbers instead of counting them favour
     * 0 and 5 and avoid some digits (Beber and Scacco 2012, "What the numbers say: a digit-based test for election
     * fraud", Political Analysis 20(2):211–234, doi:10.1093/pan/mps003; Mebane's second-digit tests, FORENSICS.md
     * B1): the fraud the digit tests (2BL, LastC, C05s, Repeats, Adjacent, Distant and their chi-squares) target.
     * Counts below 10, and units whose new ballots would exceed their registered voters, are left as they are (and
     * still marked).
     *
     * @param fraction share of units, in [0, 1]
     */
    record InventedDigits(double fraction) implements FraudModel {
        /**
         * The digit preferences of invented numbers: 0 and 5 favoured, 4 and 8 avoided, in the spirit of Beber and
         * Scacco's (2012) experiments; sums to 1.
         */
        public static final double[] HUMAN_DIGITS = {0.18, 0.08, 0.10, 0.08, 0.07, 0.16, 0.08, 0.10, 0.07, 0.08};

        /** @throws IllegalArgumentException if the fraction is not in [0, 1] */
        public InventedDigits {
            requireProbability("invented-digit fraction of units", fraction);
        }

        @Override
        public FraudClass fraudClass() {
            return FraudClass.DIGITS;
        }

        @Override
        public boolean isNoOp() {
            return fraction == 0;
        }
    }

    /**
     * Opposition ballots declared invalid, in a fraction of units: spoiled_k ~ Binomial(votes_k, share) moved from each
     * other option to the invalid ballots; ballots and turnout do not change, the leader's share of valid votes
     * rises. A channel election observers report (e.g. OSCE/ODIHR final reports); no forensic paper models it, so
     * it follows the stolen-vote term of Klimek et al. (2012) with invalid ballots as the destination.
     *
     * @param fraction share of units, in [0, 1]
     * @param share    expected share of each other option's ballots spoiled, in [0, 1]
     */
    record InvalidatedOpposition(double fraction, double share) implements FraudModel {
        /** @throws IllegalArgumentException if a parameter is not in [0, 1] */
        public InvalidatedOpposition {
            requireProbability("invalidated fraction of units", fraction);
            requireProbability("invalidated share of votes", share);
        }

        @Override
        public FraudClass fraudClass() {
            return FraudClass.INVALIDATED;
        }

        @Override
        public boolean isNoOp() {
            return fraction == 0 || share == 0;
        }
    }

    /**
     * An inflated voter list, in a fraction of units: phantoms ~ Binomial(registered, rate) entries are added to the
     * register and phantomBallots ~ Binomial(phantoms, turnout) of them "vote" for the leader. Turnout can fall
     * (phantoms that do not vote) or rise. Dead souls and duplicate entries, as reported by observer groups.
     *
     * @param fraction share of units, in [0, 1]
     * @param rate     expected phantom entries per registered voter, in [0, 1]
     * @param turnout  expected share of phantoms voting, in [0, 1]
     */
    record InflatedRegister(double fraction, double rate, double turnout) implements FraudModel {
        /** @throws IllegalArgumentException if a parameter is not in [0, 1] */
        public InflatedRegister {
            requireProbability("inflated fraction of units", fraction);
            requireProbability("phantom rate", rate);
            requireProbability("phantom turnout", turnout);
        }

        @Override
        public FraudClass fraudClass() {
            return FraudClass.INFLATED;
        }

        @Override
        public boolean isNoOp() {
            return fraction == 0 || rate == 0;
        }
    }

    private static void requireProbability(String what, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException(what + " is not in [0, 1]: " + p);
        }
    }
}
