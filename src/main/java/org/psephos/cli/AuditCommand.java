package org.psephos.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.psephos.data.AggregateResults;
import org.psephos.data.ArithmeticAudit;
import org.psephos.data.AuditFinding;
import org.psephos.data.AuditReport;
import org.psephos.data.ElectionCsv;
import org.psephos.data.LoadReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code psephos audit FILE...}: checks the arithmetic identities of published results and prints every finding
 * grouped by election. Discrepancies are findings, so the exit code is 0 whenever the files could be read; 3 when
 * one cannot.
 */
@Command(name = "audit",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Checks the arithmetic of published results and lists every discrepancy.",
            "",
            "Options + invalid = ballots, options = valid, turnout = ballots / registered, printed percentages "
                    + "against the counts (and which base they are of), regional figures against national ones. "
                    + "Each check is OK, DISCREPANCY or UNVERIFIABLE (a figure it needs was not published).",
            "",
            "FILE is a long-format aggregate results file (columns election, option, votes, percent, "
                    + "registered, ballots, valid, invalid, turnout_percent...; see datasets/kazakhstan/README.md)."
                    + " Several files are audited together, so regional files are compared with national ones.",
            "",
            "Any other FILE is read as a per-unit (polling-station) results file with the column mapping options, "
                    + "and each unit's identities are checked."},
        footer = {"", "Example:",
            "  psephos audit datasets/kazakhstan/national_results.csv \\",
            "      datasets/kazakhstan/regional_turnout_2019.csv",
            "", "Exit codes: 0 audited (even with discrepancies), 2 usage error, 3 a file cannot be read."})
final class AuditCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Results file(s) to audit.")
    List<Path> files;

    @Mixin
    MappingOptions mapping;

    @Option(names = "--json", paramLabel = "FILE",
            description = "Also write every finding as JSON to FILE (written atomically).")
    Path json;

    @Override
    public Integer call() {
        OutputFiles.requireNotInput(files, json);
        List<AggregateResults> aggregates = new ArrayList<>();
        List<String> read = new ArrayList<>();
        List<AuditFinding> findings = new ArrayList<>();
        for (Path f : files) {
            if (AggregateResults.isAggregateFormat(f, mapping.charset())) {
                AggregateResults r = AggregateResults.read(f, mapping.charset());
                aggregates.add(r);
                read.add(r.file() + ": " + r.results().size() + " results (aggregate format)"
                        + (r.ignoredColumns().isEmpty() ? ""
                        : "; columns not in the format, ignored: " + String.join(", ", r.ignoredColumns())));
            } else {
                findings.addAll(auditUnits(f).findings());
            }
        }
        // Aggregate files are audited together, so that a regional file meets its national file.
        findings.addAll(0, ArithmeticAudit.auditFiles(aggregates).findings());
        AuditReport report = new AuditReport(findings);
        AuditTable.print(report, read, spec.commandLine().getOut());
        if (json != null) {
            AuditJson.write(report, files, json);
            spec.commandLine().getErr().println("psephos: wrote " + json);
        }
        return Main.OK;
    }

    /** Audits a per-unit (polling-station) file read with the column mapping options. */
    private AuditReport auditUnits(Path file) {
        LoadReport loaded;
        try {
            loaded = ElectionCsv.load(file, mapping.mapping(), mapping.charset());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
        return ArithmeticAudit.audit(loaded.election());
    }
}
