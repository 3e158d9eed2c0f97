package org.psephos.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.List;
import org.psephos.simulation.ElectorateModel;
import org.psephos.simulation.FraudModel;
import org.psephos.simulation.ReplicateDistribution;
import org.psephos.simulation.SimulationSummary;
import org.psephos.simulation.SizeDistribution;

/**
 * The {@code simulate --json} document: the summary over replicates (keys {@code turnout}, {@code leader_share},
 * {@code margin}, {@code shares}, {@code runoff_probability}, {@code low_turnout_probability}), the seed, the
 * number of replicates and the model. Keys are written in a fixed order, so equal summaries give equal bytes.
 */
final class SimulationJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SimulationJson() {
    }

    /**
     * @param s           the summary
     * @param optionNames the options' names, the leader first
     * @param sizesSource the file the sizes came from, or {@code null}
     * @return the document, ending with a newline
     */
    static String of(SimulationSummary s, List<String> optionNames, String sizesSource) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("seed", s.seed());
        root.put("replicates", s.replicates().size());
        root.set("turnout", dist(s.turnout()));
        root.set("leader_share", dist(s.leaderShare()));
        root.set("margin", dist(s.margin()));
        ObjectNode shares = root.putObject("shares");
        for (int k = 0; k < s.shares().size(); k++) {
            shares.set(optionNames.get(k), dist(s.shares().get(k)));
        }
        root.put("runoff_probability", s.runoffProbability());
        root.put("low_turnout_probability", s.lowTurnoutProbability());
        root.set("model", model(s.model().electorate(), s.model().frauds(), sizesSource));
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode dist(ReplicateDistribution d) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("mean", d.mean());
        n.put("sd", d.sd());
        n.put("q025", d.q025());
        n.put("median", d.median());
        n.put("q975", d.q975());
        return n;
    }

    private static ObjectNode model(ElectorateModel e, List<FraudModel> frauds, String sizesSource) {
        ObjectNode m = MAPPER.createObjectNode();
        m.put("units", e.units());
        ObjectNode sizes = m.putObject("sizes");
        if (e.sizes() instanceof SizeDistribution.Uniform u) {
            sizes.put("type", "uniform").put("min", u.min()).put("max", u.max());
        } else if (e.sizes() instanceof SizeDistribution.LogNormal l) {
            sizes.put("type", "lognormal").put("mu", l.mu()).put("sigma", l.sigma());
        } else {
            sizes.put("type", "listed").put("count", ((SizeDistribution.Listed) e.sizes()).sizes().length);
            if (sizesSource != null) {
                sizes.put("file", sizesSource);
            }
        }
        m.put("regions", e.regions());
        m.put("region_turnout_sd", e.regionTurnoutSd());
        m.put("region_share_sd", e.regionShareSd());
        m.put("distribution", e.turnout().shape().label());
        m.putObject("turnout").put("mean", e.turnout().mean()).put("sd", e.turnout().sd());
        m.putObject("share").put("mean", e.share().mean()).put("sd", e.share().sd());
        m.put("options", e.options());
        m.put("concentration", e.concentration());
        m.put("invalid_rate", e.invalidRate());
        ArrayNode list = m.putArray("frauds");
        for (FraudModel f : frauds) {
            list.add(record(f));
        }
        return m;
    }

    /** A fraud model as {@code {"type": name, component: value, ...}} in component order. */
    private static ObjectNode record(FraudModel f) {
        ObjectNode n = MAPPER.createObjectNode();
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
