package org.psephos.cli;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.psephos.simulation.ElectorateModel;
import org.psephos.simulation.FraudModel;
import org.psephos.simulation.Heterogeneity;
import org.psephos.simulation.ReplicateDistribution;
import org.psephos.simulation.SimulationSummary;
import org.psephos.simulation.SizeDistribution;

/**
 * The {@code simulate --json} document: the summary over replicates (keys {@code turnout}, {@code leader_share},
 * {@code margin}, {@code shares}, {@code runoff_probability}, {@code low_turnout_probability}), the seed, the
 * number of replicates and the model. Keys are written in a fixed order, so equal summaries give equal bytes.
 */
final class SimulationJson {
    private SimulationJson() {
    }

    /**
     * @param s           the summary
     * @param optionNames the options' names, the leader first
     * @param sizesSource the file the sizes came from, or {@code null}
     * @return the document, for {@link OutputFiles#writeJson} (non-finite numbers become null)
     */
    static Map<String, Object> of(SimulationSummary s, List<String> optionNames, String sizesSource) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("seed", s.seed());
        root.put("replicates", s.replicates().size());
        root.put("turnout", dist(s.turnout()));
        root.put("leader_share", dist(s.leaderShare()));
        root.put("margin", dist(s.margin()));
        Map<String, Object> shares = new LinkedHashMap<>();
        for (int k = 0; k < s.shares().size(); k++) {
            shares.put(optionNames.get(k), dist(s.shares().get(k)));
        }
        root.put("shares", shares);
        root.put("runoff_probability", s.runoffProbability());
        root.put("low_turnout_probability", s.lowTurnoutProbability());
        root.put("model", model(s.model().electorate(), s.model().frauds(), sizesSource));
        return root;
    }

    private static Map<String, Object> dist(ReplicateDistribution d) {
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("mean", d.mean());
        n.put("sd", d.sd());
        n.put("q025", d.q025());
        n.put("median", d.median());
        n.put("q975", d.q975());
        return n;
    }

    private static Map<String, Object> model(ElectorateModel e, List<FraudModel> frauds, String sizesSource) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("units", e.units());
        Map<String, Object> sizes = new LinkedHashMap<>();
        if (e.sizes() instanceof SizeDistribution.Uniform u) {
            sizes.put("type", "uniform");
            sizes.put("min", u.min());
            sizes.put("max", u.max());
        } else if (e.sizes() instanceof SizeDistribution.LogNormal l) {
            sizes.put("type", "lognormal");
            sizes.put("mu", l.mu());
            sizes.put("sigma", l.sigma());
        } else {
            sizes.put("type", "listed");
            sizes.put("count", ((SizeDistribution.Listed) e.sizes()).sizes().length);
            if (sizesSource != null) {
                sizes.put("file", sizesSource);
            }
        }
        m.put("sizes", sizes);
        m.put("regions", e.regions());
        m.put("region_turnout_sd", e.regionTurnoutSd());
        m.put("region_share_sd", e.regionShareSd());
        m.put("distribution", e.turnout().shape().label());
        m.put("turnout", meanSd(e.turnout().mean(), e.turnout().sd()));
        m.put("share", meanSd(e.share().mean(), e.share().sd()));
        m.put("options", e.options());
        m.put("concentration", e.concentration());
        m.put("invalid_rate", e.invalidRate());
        Heterogeneity h = e.heterogeneity();
        if (!h.isNone()) {
            // Only when set: the JSON of a model without heterogeneity stays as it was.
            Map<String, Object> het = new LinkedHashMap<>();
            het.put("size_effect_turnout", h.sizeTurnout());
            het.put("size_effect_share", h.sizeShare());
            het.put("mean_log_size", e.sizes().meanLogSize());
            het.put("urban_fraction", h.urbanFraction());
            het.put("urban_turnout_shift", h.urbanTurnout());
            het.put("urban_share_shift", h.urbanShare());
            het.put("urban_size", h.urbanSize());
            m.put("heterogeneity", het);
        }
        List<Object> list = new ArrayList<>();
        for (FraudModel f : frauds) {
            list.add(record(f));
        }
        m.put("frauds", list);
        return m;
    }

    private static Map<String, Object> meanSd(double mean, double sd) {
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("mean", mean);
        n.put("sd", sd);
        return n;
    }

    /** A fraud model as {@code {"type": name, component: value, ...}} in component order. */
    private static Map<String, Object> record(FraudModel f) {
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("type", f.name());
        for (RecordComponent c : f.getClass().getRecordComponents()) {
            try {
                Object v = c.getAccessor().invoke(f);
                if (v instanceof Double d) {
                    n.put(c.getName(), d);
                } else {
                    n.put(c.getName(), String.valueOf(v).toLowerCase(java.util.Locale.ROOT));
                }
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException(e);
            }
        }
        return n;
    }
}
