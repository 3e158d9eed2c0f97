package org.psephos.estimation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.psephos.simulation.FraudModel;

/**
 * A fraud model named as on the command line with its numeric parameters by name, so that a power grid can set
 * any of them: {@code klimek} (incremental, extreme, theta, alpha, extremeSd), {@code ballot-stuffing} (fraction, share),
 * {@code vote-switching} (fraction, share), {@code carousel-voting} (fraction, rate), {@code invalidated-opposition}
 * (fraction, share), {@code inflated-register} (fraction, rate, turnout), {@code invented-results} (fraction;
 * target both), {@code invented-digits} (fraction). Parameters not given take the defaults listed by
 * {@link #defaults(String)}. Immutable.
 *
 * @param name       the model's name
 * @param parameters its parameters, every one named by {@link #defaults(String)}
 * @since 0.1
 */
public record FraudSpec(String name, Map<String, Double> parameters) {
    private static final Map<String, Map<String, Double>> DEFAULTS = new LinkedHashMap<>();

    static {
        DEFAULTS.put("klimek", ordered("incremental", 0, "extreme", 0, "theta", 0.4, "alpha", 2, "extremeSd",
                FraudModel.Klimek.EXTREME_SD));
        DEFAULTS.put("ballot-stuffing", ordered("fraction", 0, "share", 0.5));
        DEFAULTS.put("vote-switching", ordered("fraction", 0, "share", 0.3));
        DEFAULTS.put("carousel-voting", ordered("fraction", 0, "rate", 0.1));
        DEFAULTS.put("invalidated-opposition", ordered("fraction", 0, "share", 0.3));
        DEFAULTS.put("inflated-register", ordered("fraction", 0, "rate", 0.1, "turnout", 1));
        DEFAULTS.put("invented-results", ordered("fraction", 0));
        DEFAULTS.put("invented-digits", ordered("fraction", 0));
    }

    /**
     * Fills in the defaults and checks the names.
     *
     * @throws IllegalArgumentException if the model or a parameter name is unknown
     */
    public FraudSpec {
        name = name.trim().toLowerCase(Locale.ROOT);
        Map<String, Double> all = new LinkedHashMap<>(defaults(name));
        for (Map.Entry<String, Double> e : parameters.entrySet()) {
            if (!all.containsKey(e.getKey())) {
                throw new IllegalArgumentException("fraud model " + name + " has no parameter '" + e.getKey()
                        + "'; parameters are " + all.keySet());
            }
            all.put(e.getKey(), e.getValue());
        }
        parameters = java.util.Collections.unmodifiableMap(all);
    }

    /**
     * @param model a model name
     * @return its parameters and their defaults, in order
     * @throws IllegalArgumentException if the name is unknown
     */
    public static Map<String, Double> defaults(String model) {
        Map<String, Double> d = DEFAULTS.get(model.trim().toLowerCase(Locale.ROOT));
        if (d == null) {
            throw new IllegalArgumentException("no fraud model '" + model + "'; models are " + DEFAULTS.keySet());
        }
        return d;
    }

    /** @return the model names */
    public static List<String> names() {
        return List.copyOf(DEFAULTS.keySet());
    }

    /**
     * @param parameter a parameter name
     * @param value     its value
     * @return a copy with that value
     */
    public FraudSpec with(String parameter, double value) {
        Map<String, Double> p = new LinkedHashMap<>(parameters);
        if (!p.containsKey(parameter)) {
            throw new IllegalArgumentException("fraud model " + name + " has no parameter '" + parameter
                    + "'; parameters are " + p.keySet());
        }
        p.put(parameter, value);
        return new FraudSpec(name, p);
    }

    /**
     * @return the simulation's fraud model
     * @throws IllegalArgumentException if a value is outside the model's range
     */
    public FraudModel model() {
        Map<String, Double> p = parameters;
        return switch (name) {
            case "klimek" -> new FraudModel.Klimek(p.get("incremental"), p.get("theta"), p.get("alpha"),
                    p.get("extreme"), p.get("extremeSd"));
            case "ballot-stuffing" -> new FraudModel.BallotStuffing(p.get("fraction"), p.get("share"));
            case "vote-switching" -> new FraudModel.VoteSwitching(p.get("fraction"), p.get("share"));
            case "carousel-voting" -> new FraudModel.CarouselVoting(p.get("fraction"), p.get("rate"));
            case "invalidated-opposition" -> new FraudModel.InvalidatedOpposition(p.get("fraction"), p.get("share"));
            case "inflated-register" -> new FraudModel.InflatedRegister(p.get("fraction"), p.get("rate"),
                    p.get("turnout"));
            case "invented-digits" -> new FraudModel.InventedDigits(p.get("fraction"));
            default -> new FraudModel.InventedResults(p.get("fraction"), FraudModel.InventedResults.Target.BOTH);
        };
    }

    private static Map<String, Double> ordered(Object... kv) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], ((Number) kv[i + 1]).doubleValue());
        }
        return java.util.Collections.unmodifiableMap(m);
    }
}
