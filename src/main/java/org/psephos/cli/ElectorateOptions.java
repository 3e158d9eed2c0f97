package org.psephos.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Supplier;
import org.psephos.data.ColumnMapping;
import org.psephos.data.DataException;
import org.psephos.data.Election;
import org.psephos.data.ElectionCsv;
import org.psephos.data.LoadReport;
import org.psephos.simulation.ElectorateModel;
import org.psephos.simulation.Heterogeneity;
import org.psephos.simulation.ProportionDistribution;
import org.psephos.simulation.SizeDistribution;
import picocli.CommandLine.Option;

/**
 * The options of {@code psephos simulate} that describe the clean electorate (units and their sizes, regions, clean
 * turnout and support, options, invalid ballots, clean heterogeneity): a picocli mixin that builds the
 * {@link ElectorateModel}. {@code --units} and the {@link Sizes} group stay in the command, since picocli lists an
 * argument group of a mixin twice in the help.
 */
final class ElectorateOptions {
    /** The mutually exclusive ways to size units: an argument group of the command. */
    static final class Sizes {
        @Option(names = "--size", paramLabel = "MIN:MAX",
                description = "Registered voters per unit ~ uniform on MIN..MAX (default 500:2000).")
        String uniform;

        @Option(names = "--size-lognormal", paramLabel = "MU:SIGMA",
                description = "Registered voters per unit ~ round(exp(N(MU, SIGMA))).")
        String logNormal;

        @Option(names = "--sizes-from", paramLabel = "FILE",
                description = "Registered voters per unit from a CSV column (see --sizes-column), recycled in order.")
        Path file;
    }

    @Option(names = "--sizes-column", paramLabel = "COL", defaultValue = "registered",
            description = "Column of --sizes-from holding registered voters: a header name, #N or a sum A+B "
                    + "(default: ${DEFAULT-VALUE}). Units whose count is missing or zero are skipped and counted.")
    String sizesColumn;

    @Option(names = "--encoding", paramLabel = "CHARSET", defaultValue = "UTF-8",
            description = "Encoding of --sizes-from, e.g. windows-1251 (default: ${DEFAULT-VALUE}).")
    String encoding;

    @Option(names = "--thousands", paramLabel = "SEP",
            description = "Thousands separator of --sizes-from's counts: . , or space (default: none).")
    String thousands;

    @Option(names = "--regions", paramLabel = "K", defaultValue = "1",
            description = "Number of regions, contiguous runs of units (default: ${DEFAULT-VALUE}).")
    int regions;

    @Option(names = "--region-sd", paramLabel = "T[:S]", defaultValue = "0",
            description = "Sd of regional turnout (T) and support (S, default T) centres on the logit scale, "
                    + "drawn afresh in every replicate (default: 0; e.g. 0.4 for realistic regional "
                    + "heterogeneity).")
    String regionSd;

    @Option(names = "--size-effect", paramLabel = "T[:S]",
            description = "Logit change of turnout (T) and support (S, default 0) per unit of ln(registered), "
                    + "around the mean log size: T < 0 makes small (rural) units vote more, as in many clean "
                    + "elections (e.g. -0.3). Default: none.")
    String sizeEffect;

    @Option(names = "--urban", paramLabel = "F:T:S[:SIZE]",
            description = "Two populations: each unit is urban with probability F (the same units in every "
                    + "replicate), with logit turnout and support shifted by T and S and SIZE times the registered "
                    + "voters (default 1); --turnout and --share then give the rural centres. --out gets a "
                    + "'settlement' column (rural, urban). Default: none.")
    String urban;

    @Option(names = "--turnout", paramLabel = "MEAN:SD", defaultValue = "0.7:0.1",
            description = "Clean turnout per unit (default: ${DEFAULT-VALUE}).")
    String turnout;

    @Option(names = "--share", paramLabel = "MEAN:SD", defaultValue = "0.6:0.1",
            description = "Clean leader support per unit, of valid votes (default: ${DEFAULT-VALUE}).")
    String share;

    @Option(names = "--distribution", paramLabel = "SHAPE", defaultValue = "normal",
            description = "normal (truncated to [0,1]), logit-normal (MEAN = median, SD on the logit scale) "
                    + "or beta (default: ${DEFAULT-VALUE}).")
    String distribution;

    @Option(names = "--options", paramLabel = "K", defaultValue = "2",
            description = "Number of options, the leader first (default: ${DEFAULT-VALUE}).")
    int options;

    @Option(names = "--concentration", paramLabel = "C", defaultValue = "20",
            description = "Dirichlet concentration of the other options' split (default: ${DEFAULT-VALUE}).")
    double concentration;

    @Option(names = "--invalid", paramLabel = "RATE", defaultValue = "0",
            description = "Probability that a ballot is invalid (default: ${DEFAULT-VALUE}).")
    double invalid;

    /**
     * @param units the number of units ({@code --units})
     * @param sizes the command's choice of unit sizes (may be null: the default uniform sizes)
     * @param err   where to say how many units of {@code --sizes-from} were skipped
     * @return the electorate the options describe
     * @throws IllegalArgumentException if a value is invalid (the caller reports it as a usage error)
     */
    ElectorateModel electorate(int units, Sizes sizes, PrintWriter err) {
        ProportionDistribution.Shape shape = ProportionDistribution.Shape.parse(distribution);
        double[] t = ColonNumbers.parse("--turnout", turnout, 2, 2);
        double[] v = ColonNumbers.parse("--share", share, 2, 2);
        double[] rs = ColonNumbers.parse("--region-sd", regionSd, 1, 2);
        return new ElectorateModel(units, sizeDistribution(sizes, err), regions, rs[0],
                rs.length > 1 ? rs[1] : rs[0],
                option("--turnout", () -> new ProportionDistribution(shape, t[0], t[1])),
                option("--share", () -> new ProportionDistribution(shape, v[0], v[1])),
                options, concentration, invalid, heterogeneity());
    }

    private Heterogeneity heterogeneity() {
        Heterogeneity h = Heterogeneity.NONE;
        if (sizeEffect != null) {
            double[] p = ColonNumbers.parse("--size-effect", sizeEffect, 1, 2);
            h = option("--size-effect", () -> Heterogeneity.NONE.withSizeEffect(p[0], p.length > 1 ? p[1] : 0));
        }
        if (urban != null) {
            double[] p = ColonNumbers.parse("--urban", urban, 3, 4);
            Heterogeneity base = h;
            h = option("--urban", () -> base.withUrban(p[0], p[1], p[2], p.length > 3 ? p[3] : 1));
        }
        return h;
    }

    /** @return what {@code make} builds, an invalid value reported as a usage error naming {@code option} */
    static <T> T option(String option, Supplier<T> make) {
        try {
            return make.get();
        } catch (IllegalArgumentException e) {
            throw new UsageException(option + ": " + e.getMessage(), e);
        }
    }

    private SizeDistribution sizeDistribution(Sizes sizes, PrintWriter err) {
        if (sizes == null) {
            return sizeDistribution(new Sizes(), err);
        }
        if (sizes.file != null) {
            return new SizeDistribution.Listed(sizesFromFile(sizes.file, sizesColumn,
                    MappingOptions.charset(encoding), err));
        }
        if (sizes.logNormal != null) {
            double[] p = ColonNumbers.parse("--size-lognormal", sizes.logNormal, 2, 2);
            return new SizeDistribution.LogNormal(p[0], p[1]);
        }
        int[] p = ColonNumbers.wholePair("--size", sizes.uniform == null ? "500:2000" : sizes.uniform);
        return new SizeDistribution.Uniform(p[0], p[1]);
    }

    /**
     * Reads the registered voters of every unit of a results file through the loader (same formats, encodings
     * and located error messages as {@code psephos load}); units with a missing or zero count are skipped and the
     * number skipped is said on standard error.
     */
    private int[] sizesFromFile(Path file, String column, java.nio.charset.Charset charset, PrintWriter err) {
        LoadReport report;
        try {
            report = ElectionCsv.load(file, ColumnMapping.builder().registered(column).ballots(column)
                    .thousands(MappingOptions.thousands(thousands)).build(), charset);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--sizes-column: " + e.getMessage(), e);
        }
        Election e = report.election();
        int[] sizes = new int[e.size()];
        int k = 0;
        for (int i = 0; i < e.size(); i++) {
            if (e.registered(i) > 0) {
                sizes[k++] = e.registered(i);
            }
        }
        if (k == 0) {
            throw DataException.of("no unit has a positive count of registered voters").file(file)
                    .column(column).fix("Name the registered-voters column with --sizes-column").build();
        }
        if (k < sizes.length) {
            err.println("psephos: --sizes-from " + file + ": " + (sizes.length - k)
                    + " of " + sizes.length + " units skipped (registered voters missing or zero)");
        }
        return Arrays.copyOf(sizes, k);
    }
}
