package org.psephos.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.psephos.data.AuditFinding;
import org.psephos.data.AuditReport;
import org.psephos.data.DataException;

/**
 * Writes an {@link AuditReport} as JSON for scripts: {@code files}, {@code summary} (counts per status) and
 * {@code findings} (one object per finding; numbers that do not apply are {@code null}). The file is written to a
 * temporary file in the same directory and then moved into place atomically, so a reader never sees half a file.
 */
final class AuditJson {
    private AuditJson() {
    }

    static void write(AuditReport report, List<Path> files, Path target) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
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
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Path tmp = null;
        try {
            tmp = Files.createTempFile(dir, "." + absolute.getFileName(), ".tmp");
            mapper.writeValue(tmp.toFile(), root);
            Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw DataException.of("cannot write the JSON file (" + e.getMessage() + ")").file(target)
                    .fix("check that the directory exists and is writable").cause(e).build();
        }
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

    private static void deleteQuietly(Path tmp) {
        if (tmp != null) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // The original error is the one to report.
            }
        }
    }
}
