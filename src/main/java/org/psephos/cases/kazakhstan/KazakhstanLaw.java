package org.psephos.cases.kazakhstan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.psephos.data.DataException;
import org.psephos.scenarios.FirstRoundBase;

/**
 * The rules of Kazakh presidential elections and referendums as data ({@code datasets/kazakhstan/law.json}): the
 * win threshold and its three readings ({@link FirstRoundBase}) with their sources, the participation rules, the
 * referendum's decision and regional rules. Every threshold and article number the case study prints comes from
 * here. Immutable.
 *
 * @param winAbove              a first-round winner needs more than this share
 * @param winRule               the rule in words
 * @param winSources            the legal sources of the rule
 * @param bases                 the readings of the base, the headline first
 * @param againstAllHistory     when "against all" was on the ballot
 * @param againstAllTop         what the law says if "against all" tops the poll
 * @param againstAllSources     sources of the two
 * @param presidentialTurnout   the presidential participation rule in words
 * @param presidentialTurnoutSince the date since which it holds (ISO)
 * @param presidentialTurnoutSources its sources
 * @param referendumLaw         the referendum law's name
 * @param referendumLawSource   where its text is
 * @param referendumTurnoutAbove a referendum is valid with more than this turnout
 * @param referendumTurnoutArticle the article of that rule
 * @param referendumTurnoutSource its source
 * @param decisionAbove         a decision needs more than this share of those who took part
 * @param decisionSource        its source
 * @param regionsNumerator      constitutional amendments need a majority in at least numerator/denominator of the
 *                              regions
 * @param regionsDenominator    see above
 * @param constitutionalRule    the rule in words
 * @param constitutionalArticle its article, or what is known of it
 * @param constitutionalSource  its sources, disagreements included
 * @param regions2022           the number of regions that voted in June 2022
 * @param regions2022Note       why
 * @param pollsOpen             polls open, local hour
 * @param pollsClose            polls close, local hour
 * @param pollingRule           the voting hours in words (with the exceptions)
 * @param pollingSource         their sources
 * @since 0.1
 */
public record KazakhstanLaw(double winAbove, String winRule, List<Source> winSources, List<Base> bases,
                            String againstAllHistory, String againstAllTop, String againstAllSources,
                            String presidentialTurnout, String presidentialTurnoutSince,
                            String presidentialTurnoutSources, String referendumLaw, String referendumLawSource,
                            double referendumTurnoutAbove, String referendumTurnoutArticle,
                            String referendumTurnoutSource, double decisionAbove, String decisionSource,
                            int regionsNumerator, int regionsDenominator, String constitutionalRule,
                            String constitutionalArticle, String constitutionalSource, int regions2022,
                            String regions2022Note, int pollsOpen, int pollsClose, String pollingRule,
                            String pollingSource) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Copies the lists. */
    public KazakhstanLaw {
        if (!(pollsOpen >= 0 && pollsOpen < pollsClose && pollsClose <= 24)) {
            throw new IllegalArgumentException("polling hours out of order: " + pollsOpen + " to " + pollsClose);
        }
        winSources = List.copyOf(winSources);
        bases = List.copyOf(bases);
    }

    /**
     * @param article the article
     * @param text    its words
     * @param source  where
     */
    public record Source(String article, String text, String source) {
    }

    /**
     * One reading of the base.
     *
     * @param base     the base
     * @param headline whether it is the headline (the CEC's)
     * @param label    in words
     * @param reading  the reading
     * @param who      who reads it so, and when
     * @param source   where
     */
    public record Base(FirstRoundBase base, boolean headline, String label, String reading, String who,
                       String source) {
    }

    /** @return the headline base */
    public FirstRoundBase headline() {
        return bases.stream().filter(Base::headline).findFirst().orElseThrow().base();
    }

    /** @return regions needed for a constitutional amendment in June 2022: ⌈numerator × regions / denominator⌉ */
    public int regionsNeeded2022() {
        return (regionsNumerator * regions2022 + regionsDenominator - 1) / regionsDenominator;
    }

    /**
     * @param file {@code law.json}
     * @return the law
     * @throws DataException naming the file and field if it cannot be read or a field is missing
     */
    public static KazakhstanLaw read(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw DataException.of("the law file does not exist").file(file).build();
        } catch (IOException e) {
            throw DataException.of("cannot read the law file (" + e.getMessage() + ")").file(file).cause(e).build();
        }
        Reader r = new Reader(file);
        JsonNode p = r.node(root, "presidential", "");
        JsonNode q = r.node(root, "referendum", "");
        JsonNode h = r.node(root, "pollingHours", "");
        int open = r.hour(h, "open", "pollingHours.");
        int close = r.hour(h, "close", "pollingHours.");
        if (open >= close) {
            throw r.error("pollingHours.close", "the polls close before they open");
        }
        List<Source> win = new ArrayList<>();
        JsonNode ws = r.node(p, "winSources", "presidential.");
        for (int i = 0; i < ws.size(); i++) {
            String at = "presidential.winSources[" + i + "].";
            win.add(new Source(r.text(ws.get(i), "article", at), r.text(ws.get(i), "text", at),
                    r.text(ws.get(i), "source", at)));
        }
        List<Base> bases = new ArrayList<>();
        JsonNode bs = r.node(p, "bases", "presidential.");
        for (int i = 0; i < bs.size(); i++) {
            String at = "presidential.bases[" + i + "].";
            FirstRoundBase b;
            try {
                b = FirstRoundBase.parse(r.text(bs.get(i), "id", at));
            } catch (IllegalArgumentException e) {
                throw r.error(at + "id", e.getMessage());
            }
            bases.add(new Base(b, bs.get(i).path("headline").asBoolean(false), r.text(bs.get(i), "label", at),
                    r.text(bs.get(i), "reading", at), r.text(bs.get(i), "who", at), r.text(bs.get(i), "source", at)));
        }
        if (bases.stream().filter(Base::headline).count() != 1 || bases.size() != FirstRoundBase.values().length) {
            throw r.error("presidential.bases", "the three bases must each be listed once, exactly one as headline");
        }
        JsonNode aa = r.node(p, "againstAll", "presidential.");
        JsonNode regions = r.node(q, "constitutionalRegions", "referendum.");
        return new KazakhstanLaw(r.share(p, "winAbove", "presidential."), r.text(p, "winRule", "presidential."), win,
                bases, r.text(aa, "history", "presidential.againstAll."),
                r.text(aa, "ifItTopsThePoll", "presidential.againstAll."),
                r.text(aa, "sources", "presidential.againstAll.") + " ; "
                        + r.text(aa, "ifItTopsThePollSources", "presidential.againstAll."),
                r.text(p, "turnoutRule", "presidential."), r.text(p, "turnoutRuleSince", "presidential."),
                r.text(p, "turnoutRuleSources", "presidential."), r.text(q, "law", "referendum."),
                r.text(q, "lawSource", "referendum."), r.share(q, "turnoutAbove", "referendum."),
                r.text(q, "turnoutArticle", "referendum."), r.text(q, "turnoutSource", "referendum."),
                r.share(q, "decisionAbove", "referendum."), r.text(q, "decisionSource", "referendum."),
                r.count(regions, "numerator", "referendum.constitutionalRegions."),
                r.count(regions, "denominator", "referendum.constitutionalRegions."),
                r.text(q, "constitutionalRule", "referendum."), r.text(q, "constitutionalArticle", "referendum."),
                r.text(q, "constitutionalSource", "referendum."), r.count(q, "regions2022", "referendum."),
                r.text(q, "regions2022Note", "referendum."), open, close,
                r.text(h, "rule", "pollingHours."),
                r.text(h, "source", "pollingHours."));
    }

    /** Field access with errors naming the file and field. */
    private record Reader(Path file) {
        DataException error(String field, String problem) {
            return DataException.of(problem).file(file).column(field).build();
        }

        JsonNode node(JsonNode n, String key, String path) {
            JsonNode v = n.get(key);
            if (v == null || v.isNull()) {
                throw error(path + key, "the law file lacks a required field");
            }
            return v;
        }

        String text(JsonNode n, String key, String path) {
            JsonNode v = node(n, key, path);
            if (!v.isTextual()) {
                throw error(path + key, "the field is not text");
            }
            return v.asText();
        }

        double share(JsonNode n, String key, String path) {
            JsonNode v = node(n, key, path);
            if (!v.isNumber() || !(v.doubleValue() > 0 && v.doubleValue() < 1)) {
                throw error(path + key, "the field is not a number in (0, 1)");
            }
            return v.doubleValue();
        }

        int hour(JsonNode n, String key, String path) {
            JsonNode v = node(n, key, path);
            if (!v.isInt() || v.intValue() < 0 || v.intValue() > 24) {
                throw error(path + key, "the field is not an hour from 0 to 24");
            }
            return v.intValue();
        }

        int count(JsonNode n, String key, String path) {
            JsonNode v = node(n, key, path);
            if (!v.isInt() || v.intValue() < 1) {
                throw error(path + key, "the field is not a positive whole number");
            }
            return v.intValue();
        }
    }
}
