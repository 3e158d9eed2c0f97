package org.psephos.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.psephos.simulation.ElectorateModel;
import org.psephos.simulation.ProportionDistribution;
import org.psephos.simulation.SizeDistribution;

/**
 * The {@code electorate} section of a scenario file, read: a preset calibrated to its dataset (with "against all"
 * by the file's rule) or an explicit electorate (station sizes, turnout and support distributions, optional
 * regions and "against all"), either moved to the file's {@code cleanShare}. The format is in
 * {@link ScenarioFiles}. Immutable.
 *
 * @param electorate the electorate
 * @param label      the preset's name, or {@link ScenarioSpec#EXPLICIT}
 * @param againstAll the "against all" line
 */
record ScenarioFileElectorate(RegionalElectorate electorate, String label, AgainstAll againstAll) {

    /**
     * @param f       the file's fields
     * @param e       the electorate section
     * @param presets the presets it may name
     * @return the section
     * @throws org.psephos.data.DataException naming the field if a value is invalid
     */
    static ScenarioFileElectorate read(ScenarioFields f, JsonNode e, ScenarioPresets presets) {
        String preset = f.text(e, "preset", null);
        RegionalElectorate out;
        String label;
        AgainstAll againstAll;
        try {
            if (preset != null) {
                ScenarioPresets.Preset named = presets.get(preset);
                if (named == null) {
                    throw f.error("electorate.preset", "unknown preset (use one of "
                            + String.join(", ", presets.names()) + ")", preset);
                }
                Path dir = f.file().toAbsolutePath().getParent().resolve(f.text(e, "dataset", ".")).normalize();
                ScenarioPresets.Calibrated c = named.calibrate(dir);
                out = c.electorate();
                String rule = f.text(e, "againstAll", AgainstAll.Rule.HELD.id());
                try {
                    againstAll = c.againstAll().apply(AgainstAll.Rule.parse(rule));
                } catch (IllegalArgumentException ex) {
                    throw f.error("electorate.againstAll", "againstAll is not 'held' or 'proportional'", rule);
                }
                label = preset;
            } else {
                out = explicit(f, e);
                label = ScenarioSpec.EXPLICIT;
                againstAll = explicitAgainstAll(f, e);
            }
            double clean = f.number(e, "cleanShare", "electorate.", Double.NaN);
            if (!Double.isNaN(clean)) {
                if (!(clean > 0 && clean < 1)) {
                    throw f.error("electorate.cleanShare", "cleanShare is not in (0, 1)", clean);
                }
                out = preset != null ? out.withExpectedShare(clean) : out.withShare(clean);
            }
        } catch (IllegalArgumentException ex) {
            throw f.error("electorate", "invalid electorate: " + ex.getMessage(), null);
        }
        return new ScenarioFileElectorate(out, label, againstAll);
    }

    /**
     * "against all" of an explicit electorate: {@code againstAllShare}, a fraction of the votes not cast for the
     * leader (proportional rule), or {@code againstAllOfValid}, a share of the clean valid votes (held rule).
     */
    private static AgainstAll explicitAgainstAll(ScenarioFields f, JsonNode e) {
        double others = f.number(e, "againstAllShare", "electorate.", Double.NaN);
        double valid = f.number(e, "againstAllOfValid", "electorate.", Double.NaN);
        if (!Double.isNaN(others) && !Double.isNaN(valid)) {
            throw f.error("electorate.againstAllOfValid", "give againstAllShare or againstAllOfValid, not both",
                    valid);
        }
        if (!Double.isNaN(others) && !(others >= 0 && others <= 1)) {
            throw f.error("electorate.againstAllShare", "againstAllShare is not in [0, 1]", others);
        }
        if (!Double.isNaN(valid) && !(valid >= 0 && valid < 1)) {
            throw f.error("electorate.againstAllOfValid", "againstAllOfValid is not in [0, 1)", valid);
        }
        return !Double.isNaN(valid) ? new AgainstAll(AgainstAll.Rule.HELD, valid, Double.NaN)
                : Double.isNaN(others) ? AgainstAll.NONE
                : new AgainstAll(AgainstAll.Rule.PROPORTIONAL, Double.NaN, others);
    }

    /** An explicit electorate: station sizes, turnout and support, and its regions (one, "all", if none). */
    private static RegionalElectorate explicit(ScenarioFields f, JsonNode e) {
        String p = "electorate.";
        double stations = f.whole(f.requiredNumber(e, "stations", p), "stations", p, 1, 10_000_000);
        JsonNode s = f.required(e, "sizes", p);
        String dist = f.text(s, "distribution", "lognormal");
        SizeDistribution sizes;
        if (dist.equals("lognormal")) {
            double sigma = f.number(s, "sigma", p + "sizes.", 0.5);
            double mu = s.has("mean") ? Math.log(f.requiredNumber(s, "mean", p + "sizes.")) - sigma * sigma / 2
                    : f.requiredNumber(s, "mu", p + "sizes.");
            sizes = new SizeDistribution.LogNormal(mu, sigma);
        } else if (dist.equals("uniform")) {
            sizes = new SizeDistribution.Uniform((int) f.requiredNumber(s, "min", p + "sizes."),
                    (int) f.requiredNumber(s, "max", p + "sizes."));
        } else {
            throw f.error(p + "sizes.distribution", "unknown size distribution (use lognormal or uniform)", dist);
        }
        ProportionDistribution turnout = proportion(f, f.required(e, "turnout", p), p + "turnout.");
        ProportionDistribution share = proportion(f, f.required(e, "share", p), p + "share.");
        List<RegionalElectorate.Region> regions = new ArrayList<>();
        JsonNode rs = e.get("regions");
        int n = (int) stations;
        if (rs == null || rs.isNull() || rs.isEmpty()) {
            regions.add(new RegionalElectorate.Region("all", n, sizes, turnout, share));
        } else {
            double[] w = new double[rs.size()];
            double sum = 0;
            for (int i = 0; i < w.length; i++) {
                w[i] = f.number(rs.get(i), "weight", p + "regions[" + i + "].", 1);
                if (!(w[i] > 0)) {
                    throw f.error(p + "regions[" + i + "].weight", "the weight is not positive", w[i]);
                }
                sum += w[i];
            }
            int given = 0;
            for (int i = 0; i < w.length; i++) {
                JsonNode r = rs.get(i);
                String rp = p + "regions[" + i + "].";
                int units = i == w.length - 1 ? n - given : (int) Math.round(n * w[i] / sum);
                given += units;
                if (units < 1) {
                    throw f.error(rp + "weight", "the region gets no station", w[i]);
                }
                double t = f.probability(r, "turnout", rp, turnout.mean());
                double v = f.probability(r, "share", rp, share.mean());
                regions.add(new RegionalElectorate.Region(f.text(r, "name", "R" + (i + 1)), units, sizes,
                        new ProportionDistribution(turnout.shape(), t, turnout.sd()),
                        new ProportionDistribution(share.shape(), v, share.sd())));
            }
        }
        return new RegionalElectorate(regions, f.number(e, "regionShareSd", p, 0),
                (int) f.number(e, "options", p, 2),
                f.number(e, "concentration", p, ElectorateModel.DEFAULT_CONCENTRATION),
                f.probability(e, "invalidRate", p, 0));
    }

    /** A turnout or support distribution: shape (default normal), mean, sd (default 0.08). */
    private static ProportionDistribution proportion(ScenarioFields f, JsonNode n, String path) {
        String shape = f.text(n, "shape", "normal");
        try {
            return new ProportionDistribution(ProportionDistribution.Shape.parse(shape),
                    f.requiredNumber(n, "mean", path), f.number(n, "sd", path, 0.08));
        } catch (IllegalArgumentException ex) {
            throw f.error(path.substring(0, path.length() - 1), ex.getMessage(), null);
        }
    }
}
