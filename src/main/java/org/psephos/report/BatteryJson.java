package org.psephos.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import org.psephos.data.AtomicFiles;
import org.psephos.forensics.BatteryResult;
import org.psephos.forensics.InputSummary;
import org.psephos.forensics.NullKind;
import org.psephos.forensics.TestResult;
import org.psephos.forensics.Verdict;

/**
 * The JSON rendering of a forensic battery, the contract that {@link BatteryReport} documents: the input and its
 * settings, conventions, nulls and verdict, the summary, the drops by reason, and one object per test row with its
 * details (non-finite numbers written as {@code null}). Stateless.
 */
final class BatteryJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private BatteryJson() {
    }

    /**
     * @param result the battery's outcome
     * @param source where the data came from (a file name), for the {@code input} object
     * @return the JSON document
     */
    static ObjectNode of(BatteryResult result, String source) {
        ObjectNode root = NODES.objectNode();
        ObjectNode in = root.putObject("input");
        in.put("file", source);
        if (result.level() == null) {
            in.putNull("level");
        } else {
            in.put("level", result.level());
        }
        ArrayNode ids = in.putArray("tests");
        result.results().stream().map(TestResult::id).distinct().forEach(ids::add);
        in.put("replicates", result.settings().replicates());
        in.put("seed", result.settings().seed());
        in.put("min_units", result.settings().minUnits());
        in.put("units_read", result.filter().read());
        root.put("conventions", result.conventions().id());
        root.put("nulls", result.nullKind().id());
        root.put("fdr", result.settings().fdr());
        if (result.nullKind() == NullKind.CALIBRATED) {
            root.put("calibration", result.settings().nulls().calibration().source());
        }
        root.set("verdict", verdictJson(result.verdict()));

        InputSummary s = result.summary();
        ObjectNode sum = root.putObject("summary");
        sum.put("units", s.units());
        sum.put("registered", s.registered());
        sum.put("ballots", s.ballots());
        number(sum, "turnout", s.turnout());
        sum.put("share_base", s.shareBase());
        ObjectNode shares = sum.putObject("shares");
        s.shares().forEach((k, v) -> number(shares, k, v));

        ObjectNode dropped = root.putObject("dropped");
        result.filter().droppedByLabel().forEach(dropped::put);
        if (result.filters().size() > 1) {
            ObjectNode by = root.putObject("dropped_by_conventions");
            result.filters().forEach((c, f) -> {
                ObjectNode o = by.putObject(c.id());
                o.put("units_read", f.read());
                o.put("units_kept", f.kept());
                f.droppedByLabel().forEach(o::put);
            });
        }

        ArrayNode tests = root.putArray("tests");
        for (TestResult r : result.results()) {
            ObjectNode t = tests.addObject();
            t.put("id", r.id());
            t.put("variable", r.variable());
            t.put("level", r.level());
            number(t, "value", r.value());
            number(t, "expected", r.expected());
            number(t, "ci_low", r.ciLow());
            number(t, "ci_high", r.ciHigh());
            number(t, "p_value", r.pValue());
            number(t, "q_value", r.qValue());
            t.put("flag", r.flag());
            t.put("n", r.n());
            t.put("applicable", r.applicable());
            if (!r.applicable()) {
                t.put("reason", r.reason());
            }
            t.put("conventions", result.conventionsOf(r).id());
            t.put("null", BatteryResult.nullOf(r));
            if (!BatteryResult.labelOf(r).isEmpty()) {
                t.put("label", BatteryResult.labelOf(r));
            }
            t.set("details", value(r.details()));
        }
        return root;
    }

    /** @return the verdict as the JSON's {@code verdict} object */
    static ObjectNode verdictJson(Verdict v) {
        ObjectNode o = NODES.objectNode();
        o.put("answer", v.answer().text());
        o.put("method", v.method());
        o.put("alpha", v.alpha());
        o.put("family_size", v.family().size());
        number(o, "adjusted_p", v.adjustedP());
        ArrayNode c = o.putArray("carried_by");
        for (Verdict.Row r : v.carriers()) {
            ObjectNode x = c.addObject();
            x.put("id", r.id());
            x.put("variable", r.variable());
            number(x, "p_value", r.pValue());
            number(x, "threshold", r.threshold());
        }
        o.put("reason", v.reason());
        return o;
    }

    private static void number(ObjectNode node, String key, double v) {
        if (Double.isFinite(v)) {
            node.put(key, v);
        } else {
            node.putNull(key);
        }
    }

    /** Converts a details value to JSON, with non-finite doubles as null. */
    private static JsonNode value(Object v) {
        if (v == null) {
            return NODES.nullNode();
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            return Double.isFinite(d) ? NODES.numberNode(d) : NODES.nullNode();
        }
        if (v instanceof Map<?, ?> m) {
            ObjectNode o = NODES.objectNode();
            m.forEach((k, x) -> o.set(String.valueOf(k), value(x)));
            return o;
        }
        if (v instanceof Collection<?> c) {
            ArrayNode a = NODES.arrayNode();
            c.forEach(x -> a.add(value(x)));
            return a;
        }
        if (v instanceof double[] arr) {
            ArrayNode a = NODES.arrayNode();
            for (double x : arr) {
                a.add(value(x));
            }
            return a;
        }
        return MAPPER.valueToTree(v);
    }

    /**
     * @param target the JSON file, written atomically
     * @param doc    the document
     */
    static void write(Path target, ObjectNode doc) {
        AtomicFiles.writeText(target, w -> MAPPER.writeValue(new NonClosing(w), doc));
    }

    /** Keeps Jackson from closing the atomic writer, which {@link AtomicFiles} closes itself. */
    private static final class NonClosing extends java.io.FilterWriter {
        NonClosing(java.io.Writer w) {
            super(w);
        }

        @Override
        public void close() throws java.io.IOException {
            flush();
        }
    }
}
