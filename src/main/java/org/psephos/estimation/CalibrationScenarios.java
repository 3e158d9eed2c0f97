package org.psephos.estimation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.psephos.simulation.ElectorateModel;
import org.psephos.simulation.Heterogeneity;
import org.psephos.simulation.ProportionDistribution;
import org.psephos.simulation.SimulationModel;
import org.psephos.simulation.SizeDistribution;

/**
 * The built-in scenarios of {@code psephos calibrate} (issue 15): clean elections under named kinds of ordinary
 * heterogeneity, and frauds each aimed at the tests that should catch it.
 *
 * <p>Base election (the issue's own clean example): registered voters log-normal (log-mean 7, log-sd 0.6, median
 * about 1,100), turnout and leader support truncated normal (0.6, sd 0.1; 0.5, sd 0.1), 4 options, 1% invalid
 * ballots: {@code psephos simulate --size-lognormal 7:0.6 --turnout 0.6:0.1 --share 0.5:0.1 --options 4 --invalid
 * 0.01}. The clean scenarios add one kind of heterogeneity each:
 * <ul>
 *   <li>{@code homogeneous}: the base;</li>
 *   <li>{@code regions}: 40 regions whose turnout and support centres move with logit sd 0.4 ({@code --regions 40
 *       --region-sd 0.4:0.4});</li>
 *   <li>{@code size}: small stations vote more and more for the leader, as small rural stations do in many clean
 *       elections ({@code --size-effect -0.3:0.2});</li>
 *   <li>{@code urban}: an urban population (40% of the stations, twice the voters, logit turnout −0.6, support
 *       −0.5) next to a rural one ({@code --urban 0.4:-0.6:-0.5:2});</li>
 *   <li>{@code small-counts}: not the base election but one whose counts are a few votes per unit, where the
 *       resampling null's zeros are absorbing ({@code docs/calibration.md}, sections 5 and 7): Canada 2011's poll
 *       sizes (log-normal 5.85, sd 0.36, median about 350 registered), turnout 0.52 (sd 0.1), two options, the
 *       first at 0.40 (sd 0.15) except in a quarter of the units where it is 2 logits lower (about 8%, a few
 *       votes), no invalid ballots ({@code --size-lognormal 5.85:0.36 --turnout 0.52:0.1 --share 0.4:0.15
 *       --options 2 --urban 0.25:0:-2:1});</li>
 *   <li>{@code minor-options}: not the base election but one with a dominant leader and 39 minor options of a few
 *       votes each in Albania-sized precincts (log-normal 6.2, sd 0.5, median about 490 registered), where many
 *       whole percentages round to 0 ({@code docs/verdict-method.md}, addendum 7; {@code --size-lognormal 6.2:0.5
 *       --turnout 0.6:0.1 --share 0.9:0.03 --options 40 --concentration 200 --invalid 0.01});</li>
 *   <li>{@code logit-normal} (named only): logit-normal turnout (0.65, sd 0.3) and support (0.55, sd 0.3).</li>
 * </ul>
 * The frauds, each on a clean scenario (the regional one by default), and the tests they target:
 * <ul>
 *   <li>{@code klimek-incremental}: Klimek et al.'s incremental fraud in 30% of the stations (θ 0.4, α 2;
 *       {@code --incremental 0.3}); {@code klimek-extreme}: extreme fraud in 5% ({@code --extreme 0.05});
 *       {@code ballot-stuffing}: 30% of the non-voters' ballots in 10% of the stations ({@code --stuffing 0.1:0.3});
 *       {@code vote-switching}: 20% of the other options' votes in 20% ({@code --switching 0.2:0.2}): the
 *       shape and correlation tests and the estimators;</li>
 *   <li>{@code invented-percent}: turnout and leader's share made whole percentages in 5% of the stations
 *       ({@code --invented 0.05}): P05s, IntegerPercent and Spikes;</li>
 *   <li>{@code invented-digits}: the leader's digits invented with human preferences in 20% of the stations
 *       ({@code --invented-digits 0.2}): the digit tests.</li>
 * </ul>
 *
 * @since 0.1
 */
public final class CalibrationScenarios {
    /** The base election's {@code simulate} options. */
    public static final String BASE = "--size-lognormal 7:0.6 --turnout 0.6:0.1 --share 0.5:0.1 --options 4 "
            + "--invalid 0.01";
    /** The default clean scenarios. */
    public static final List<String> DEFAULT_CLEAN = List.of("homogeneous", "regions", "size", "urban",
            "small-counts", "minor-options");
    /** The default frauds. */
    public static final List<String> DEFAULT_FRAUDS = List.of("klimek-incremental", "klimek-extreme",
            "ballot-stuffing", "vote-switching", "invented-percent", "invented-digits");
    /** The clean scenario the frauds are applied to by default. */
    public static final String DEFAULT_FRAUD_BASE = "regions";

    private static final Map<String, String> CLEAN = new LinkedHashMap<>();
    private static final Map<String, String[]> FRAUDS = new LinkedHashMap<>();
    private static final List<String> SHAPE = List.of("Skew", "Kurt", "DipT", "Correlation", "Sobyanin",
            "LogVoteKurtosis", "KlimekFit", "Shpilkin", "FraudMixture");
    private static final List<String> DIGITS = List.of("2BL", "2BLChi2", "LastC", "LastDigitChi2", "C05s",
            "Repeats", "Adjacent", "Distant");
    private static final List<String> ROUND = List.of("P05s", "IntegerPercent", "Spikes");

    static {
        CLEAN.put("homogeneous", "");
        CLEAN.put("regions", "--regions 40 --region-sd 0.4:0.4");
        CLEAN.put("size", "--size-effect -0.3:0.2");
        CLEAN.put("urban", "--urban 0.4:-0.6:-0.5:2");
        CLEAN.put("small-counts", "--size-lognormal 5.85:0.36 --turnout 0.52:0.1 --share 0.4:0.15 --options 2 "
                + "--urban 0.25:0:-2:1");
        CLEAN.put("minor-options", "--size-lognormal 6.2:0.5 --turnout 0.6:0.1 --share 0.9:0.03 --options 40 "
                + "--concentration 200 --invalid 0.01");
        CLEAN.put("logit-normal", "--distribution logit-normal --turnout 0.65:0.3 --share 0.55:0.3");
        FRAUDS.put("klimek-incremental", new String[] {"klimek:incremental=0.3", "--incremental 0.3"});
        FRAUDS.put("klimek-extreme", new String[] {"klimek:extreme=0.05", "--extreme 0.05"});
        FRAUDS.put("ballot-stuffing", new String[] {"ballot-stuffing:fraction=0.1,share=0.3", "--stuffing 0.1:0.3"});
        FRAUDS.put("vote-switching", new String[] {"vote-switching:fraction=0.2,share=0.2", "--switching 0.2:0.2"});
        FRAUDS.put("invented-percent", new String[] {"invented-results:fraction=0.05", "--invented 0.05"});
        FRAUDS.put("invented-digits", new String[] {"invented-digits:fraction=0.2", "--invented-digits 0.2"});
    }

    private CalibrationScenarios() {
    }

    /** @return the names of the built-in clean scenarios */
    public static List<String> cleanNames() {
        return List.copyOf(CLEAN.keySet());
    }

    /** @return the names of the built-in frauds */
    public static List<String> fraudNames() {
        return List.copyOf(FRAUDS.keySet());
    }

    /**
     * @param name  a built-in clean scenario
     * @param units stations per election
     * @return the scenario
     * @throws IllegalArgumentException if the name is unknown or units is not positive
     */
    public static CalibrationScenario clean(String name, int units) {
        return new CalibrationScenario.Simulated(name, CalibrationScenario.Kind.CLEAN, options(name, units),
                SimulationModel.clean(electorate(name, units)), List.of());
    }

    /**
     * A fraud: a built-in name, or a fraud model with its parameters as {@code MODEL[:PARAM=V,PARAM=V]} (the models
     * and parameters of {@link FraudSpec}, e.g. {@code klimek:incremental=0.1}).
     *
     * @param text  the fraud
     * @param base  the clean scenario it is applied to (a built-in name)
     * @param units stations per election
     * @return the scenario
     * @throws IllegalArgumentException if the fraud or the base is unknown, a parameter is out of range, or the fraud
     *                                  changes nothing
     */
    public static CalibrationScenario fraud(String text, String base, int units) {
        String name = text.trim();
        String[] builtIn = FRAUDS.get(name.toLowerCase(Locale.ROOT));
        FraudSpec spec = parse(builtIn == null ? name : builtIn[0]);
        String how = builtIn == null ? name : builtIn[1];
        return new CalibrationScenario.Simulated(builtIn == null ? name : name.toLowerCase(Locale.ROOT),
                CalibrationScenario.Kind.FRAUD, options(base, units) + " " + how + " (on the " + base + " scenario)",
                SimulationModel.clean(electorate(base, units)).with(spec.model()), targets(spec.name()));
    }

    /**
     * @param model a {@link FraudSpec} model name
     * @return the ids of the tests that fraud targets
     */
    public static List<String> targets(String model) {
        return switch (model) {
            case "invented-results" -> ROUND;
            case "invented-digits" -> DIGITS;
            default -> SHAPE;
        };
    }

    /** @return {@code MODEL[:P=V,P=V]} as a spec */
    static FraudSpec parse(String text) {
        int colon = text.indexOf(':');
        String model = colon < 0 ? text : text.substring(0, colon);
        Map<String, Double> p = new LinkedHashMap<>();
        if (colon >= 0) {
            for (String kv : text.substring(colon + 1).split(",")) {
                String[] x = kv.split("=", 2);
                if (x.length != 2) {
                    throw new IllegalArgumentException("fraud parameter is not PARAM=VALUE: '" + kv + "' in " + text);
                }
                try {
                    p.put(x[0].trim(), Double.parseDouble(x[1].trim()));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("fraud parameter value is not a number: '" + kv + "' in "
                            + text, e);
                }
            }
        }
        FraudSpec.defaults(model); // names the models when unknown
        return new FraudSpec(model, p);
    }

    private static String options(String name, int units) {
        String extra = CLEAN.get(name);
        if (extra == null) {
            throw new IllegalArgumentException("no clean scenario '" + name + "'; scenarios are " + CLEAN.keySet());
        }
        String base = switch (name) {
            case "logit-normal" -> BASE.replace("--turnout 0.6:0.1 --share 0.5:0.1 ", "") + " ";
            case "small-counts", "minor-options" -> "";
            default -> extra.isEmpty() ? BASE : BASE + " ";
        };
        return String.format(Locale.ROOT, "--units %d %s%s", units, base, extra);
    }

    /**
     * @param name  a built-in clean scenario
     * @param units stations
     * @return its electorate
     */
    static ElectorateModel electorate(String name, int units) {
        if (units < 1) {
            throw new IllegalArgumentException("units is not positive: " + units);
        }
        options(name, units);
        if (name.equals("small-counts")) {
            return new ElectorateModel(units, new SizeDistribution.LogNormal(5.85, 0.36), 1, 0, 0,
                    ProportionDistribution.normal(0.52, 0.1), ProportionDistribution.normal(0.4, 0.15), 2,
                    ElectorateModel.DEFAULT_CONCENTRATION, 0.0, Heterogeneity.NONE.withUrban(0.25, 0, -2, 1));
        }
        if (name.equals("minor-options")) {
            return new ElectorateModel(units, new SizeDistribution.LogNormal(6.2, 0.5), 1, 0, 0,
                    ProportionDistribution.normal(0.6, 0.1), ProportionDistribution.normal(0.9, 0.03), 40, 200, 0.01,
                    Heterogeneity.NONE);
        }
        ProportionDistribution t = ProportionDistribution.normal(0.6, 0.1);
        ProportionDistribution v = ProportionDistribution.normal(0.5, 0.1);
        int regions = 1;
        double sd = 0;
        Heterogeneity h = Heterogeneity.NONE;
        switch (name) {
            case "regions" -> {
                regions = Math.min(40, units);
                sd = 0.4;
            }
            case "size" -> h = Heterogeneity.NONE.withSizeEffect(-0.3, 0.2);
            case "urban" -> h = Heterogeneity.NONE.withUrban(0.4, -0.6, -0.5, 2);
            case "logit-normal" -> {
                t = new ProportionDistribution(ProportionDistribution.Shape.LOGIT_NORMAL, 0.65, 0.3);
                v = new ProportionDistribution(ProportionDistribution.Shape.LOGIT_NORMAL, 0.55, 0.3);
            }
            default -> {
            }
        }
        return new ElectorateModel(units, new SizeDistribution.LogNormal(7, 0.6), regions, sd, sd, t, v, 4,
                ElectorateModel.DEFAULT_CONCENTRATION, 0.01, h);
    }

    /**
     * @param names clean scenario names
     * @param units stations
     * @return the scenarios
     */
    public static List<CalibrationScenario> clean(List<String> names, int units) {
        List<CalibrationScenario> out = new ArrayList<>();
        for (String n : names) {
            out.add(clean(n.trim(), units));
        }
        return out;
    }
}
