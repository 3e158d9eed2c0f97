package org.psephos.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.psephos.data.AuditFinding;
import org.psephos.data.AuditReport;

/**
 * Writes an {@link AuditReport} as JSON for scripts: {@code files}, {@code summary} (counts per status) and
 * {@code findings} (one object per finding; numbers that do not apply are {@code null}). The file is written to a
 * temporary file in the same directory and then moved into place atomically, so a reader never sees half a file.
 */
final class AuditJson {
    private AuditJson() {
    }

    static void write(AuditReport report, List<Path> files, Path target) {
        ObjectNode root = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        ArrayNode names = root.putArray("files");
        files.forEach(f -> names.add(f.toString()));
        ObjectNode summary = root.putObject("summary");
        for (AuditFinding.Status s : AuditFinding.Status.values()) {
            summary.put(s.name(), report.count(s));
        }
        ArrayNode findings = root.putArray("findings");
        for (AuditFinding f : report.findings()) {
            ObjectNode o = findings.addObject();
            o.put("election", f.election());
            o.put("area", f.area());
            o.put("check", f.check());
            o.put("status", f.status().name());
            putNumber(o, "expected", f.expected());
            putNumber(o, "found", f.found());
            putNumber(o, "difference", f.difference());
            o.put("explanation", f.explanation());
            ArrayNode units = o.putArray("units");
            f.units().forEach(units::add);
        }
        OutputFiles.writeJson(target, root);
    }

    private static void putNumber(ObjectNode o, String name, double v) {
        if (Double.isNaN(v)) {
            o.putNull(name);
        } else if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            o.put(name, (long) v);
        } else {
            o.put(name, v);
        }
    }
}
