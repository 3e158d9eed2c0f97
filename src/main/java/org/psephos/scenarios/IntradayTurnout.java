package org.psephos.scenarios;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.psephos.data.CsvTable;
import org.psephos.data.DataException;

/**
 * Election-day turnout as the electoral commission announced it at its briefings, per region, on the regions' own
 * clocks: the increments between briefings and the late increment, flagged where it is outlying among the regions.
 *
 * <p>Clocks. Briefings are timed on the capital's clock; a region whose UTC offset differs (Kazakhstan's five
 * western regions, one hour behind Astana until 1 March 2024) reaches each briefing with fewer hours of voting.
 * A briefing at capital time t is at local time t + (offset of the region − offset of the capital), the offset of
 * the capital being the one most regions share; with polls open from hour o to hour c local time (Kazakhstan:
 * 07:00–20:00, from the law data), a briefing falls after h = min(max(local − o, 0), c − o) hours of voting. An
 * increment between two briefings is Δturnout over Δh.
 *
 * <p>Late increment: from the region's briefing closest to {@value #LATE_HOUR}:00 local time (within
 * {@value #LATE_WINDOW_HOURS} hours) to its last figure,
 * in points per hour of voting. Outliers among the regions: the modified z-score M = 0.6745 (x − median) / MAD,
 * flagged when |M| &gt; 3.5 (Iglewicz and Hoaglin 1993, <i>How to Detect and Handle Outliers</i>, ASQC Basic
 * References in Quality Control 16). Immutable. The files are read and checked by {@code IntradayFiles}.
 *
 * @param election the election
 * @param national the national figures, by capital time
 * @param regions  one series per region with at least one figure
 * @param median   the median late increment, points per hour
 * @param mad      its median absolute deviation
 * @param open     polls open, local hour
 * @param close    polls close, local hour
 * @since 0.1
 */
public record IntradayTurnout(String election, List<Snapshot> national, List<Series> regions, double median,
                              double mad, int open, int close) {
    /** The flag threshold on |M|. */
    public static final double FLAG = 3.5;
    /** The late increment starts from the briefing closest to this local hour. */
    public static final int LATE_HOUR = 16;
    /** … within this many hours of it. */
    public static final int LATE_WINDOW_HOURS = 2;

    /** Copies the lists. */
    public IntradayTurnout {
        national = List.copyOf(national);
        regions = List.copyOf(regions);
    }

    /**
     * One announced figure.
     *
     * @param capitalTime {@code HH:MM} on the capital's clock
     * @param localTime   {@code HH:MM} on the region's clock
     * @param hoursOpen   hours of voting before it (0 to close − open)
     * @param turnout     percent
     */
    public record Snapshot(String capitalTime, String localTime, double hoursOpen, double turnout) {
    }

    /**
     * The turnout gained between two consecutive figures.
     *
     * @param from    capital time of the first
     * @param to      capital time of the second
     * @param points  Δ turnout, percentage points
     * @param hours   Δ hours of voting
     * @param perHour points per hour of voting (NaN when no voting hour lies between)
     */
    public record Increment(String from, String to, double points, double hours, double perHour) {
    }

    /**
     * One region's day.
     *
     * @param area        the region
     * @param utcOffset   its UTC offset ({@code +06:00})
     * @param clockShift  local minus capital time, hours
     * @param snapshots   its figures in time order
     * @param increments  between consecutive figures
     * @param lateFrom    capital time of the figure the late increment starts from ("" if none)
     * @param lateRate    the late increment, points per hour (NaN if none)
     * @param lateZ       its modified z-score among the regions (NaN if none)
     * @param flagged     whether |lateZ| &gt; {@value #FLAG}
     */
    public record Series(String area, String utcOffset, double clockShift, List<Snapshot> snapshots,
                         List<Increment> increments, String lateFrom, double lateRate, double lateZ,
                         boolean flagged) {
        /** Copies the lists. */
        public Series {
            snapshots = List.copyOf(snapshots);
            increments = List.copyOf(increments);
        }
    }

    /**
     * @param intraday the briefings file ({@code election, capital_time, area, turnout_percent}; area
     *                 {@code national} for the country)
     * @param regions  the regions file ({@code election, area, utc_offset})
     * @param election the election
     * @param open     polls open, local hour
     * @param close    polls close, local hour (after open)
     * @return the day
     * @throws DataException naming file, line and column for a bad time, turnout or offset, or a region without
     *                       an offset
     * @throws IllegalArgumentException if the hours are out of order
     */
    public static IntradayTurnout read(Path intraday, Path regions, String election, int open, int close) {
        if (!(open >= 0 && open < close && close <= 24)) {
            throw new IllegalArgumentException("polling hours out of order: " + open + " to " + close);
        }
        CsvTable r = CsvTable.read(regions);
        return of(CsvTable.read(intraday), r, election, open, close);
    }

    /**
     * {@link #read} on files already read (a case that holds them reads each once).
     *
     * @param t        the briefings file, read
     * @param regions  the regions file, read
     * @param election the election
     * @param open     polls open, local hour
     * @param close    polls close, local hour (after open)
     * @return the day
     * @throws DataException as {@link #read}
     * @throws IllegalArgumentException if the hours are out of order
     */
    public static IntradayTurnout of(CsvTable t, CsvTable regions, String election, int open, int close) {
        if (!(open >= 0 && open < close && close <= 24)) {
            throw new IllegalArgumentException("polling hours out of order: " + open + " to " + close);
        }
        Map<String, Double> offsets = IntradayFiles.offsets(regions, election);
        double capital = capitalOffset(offsets);
        List<Snapshot> national = new ArrayList<>();
        Map<String, List<Snapshot>> byArea = new LinkedHashMap<>();
        for (String area : offsets.keySet()) {
            byArea.put(area, new ArrayList<>());
        }
        int a = t.requiredColumn("area");
        for (Figure f : IntradayFiles.figures(t, election)) {
            String at = f.capitalTime();
            double p = f.turnout();
            CsvTable.Row row = f.row();
            String area = f.area();
            double minutes = minutes(at);
            if (area.equals("national")) {
                national.add(new Snapshot(at, at, hoursOpen(minutes, open, close), p));
                continue;
            }
            Double off = offsets.get(area);
            if (off == null) {
                throw t.error(row, a, "the region has no row in regions.csv for " + election).value(area).build();
            }
            double local = minutes + 60 * (off - capital);
            byArea.get(area).add(new Snapshot(at, clock(local), hoursOpen(local, open, close), p));
        }
        national.sort((x, y) -> x.capitalTime().compareTo(y.capitalTime()));
        List<String> names = new ArrayList<>();
        List<double[]> late = new ArrayList<>();
        List<List<Snapshot>> snaps = new ArrayList<>();
        List<List<Increment>> incs = new ArrayList<>();
        List<String> from = new ArrayList<>();
        for (Map.Entry<String, List<Snapshot>> en : byArea.entrySet()) {
            List<Snapshot> s = en.getValue();
            if (s.isEmpty()) {
                continue;
            }
            s.sort((x, y) -> x.capitalTime().compareTo(y.capitalTime()));
            List<Increment> inc = new ArrayList<>();
            for (int i = 1; i < s.size(); i++) {
                Snapshot x = s.get(i - 1);
                Snapshot y = s.get(i);
                double h = y.hoursOpen() - x.hoursOpen();
                inc.add(new Increment(x.capitalTime(), y.capitalTime(), y.turnout() - x.turnout(), h,
                        h > 0 ? (y.turnout() - x.turnout()) / h : Double.NaN));
            }
            Snapshot last = s.get(s.size() - 1);
            Snapshot start = null;
            double best = Double.POSITIVE_INFINITY;
            for (Snapshot x : s) {
                double d = Math.abs(minutes(x.localTime()) - LATE_HOUR * 60);
                if (x != last && d <= LATE_WINDOW_HOURS * 60 && d < best) {
                    best = d;
                    start = x;
                }
            }
            double rate = start == null || last.hoursOpen() <= start.hoursOpen() ? Double.NaN
                    : (last.turnout() - start.turnout()) / (last.hoursOpen() - start.hoursOpen());
            names.add(en.getKey());
            late.add(new double[] {rate});
            snaps.add(s);
            incs.add(inc);
            from.add(start == null ? "" : start.capitalTime());
        }
        double[] finite = late.stream().mapToDouble(x -> x[0]).filter(Double::isFinite).toArray();
        double med = finite.length == 0 ? Double.NaN : median(finite);
        double[] dev = Arrays.stream(finite).map(x -> Math.abs(x - med)).toArray();
        double mad = dev.length == 0 ? Double.NaN : median(dev);
        List<Series> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            double x = late.get(i)[0];
            double z = Double.isFinite(x) && mad > 0 ? 0.6745 * (x - med) / mad : Double.NaN;
            double off = offsets.get(names.get(i));
            out.add(new Series(names.get(i), offsetText(off), off - capital, snaps.get(i), incs.get(i), from.get(i), x,
                    z, Math.abs(z) > FLAG));
        }
        return new IntradayTurnout(election, national, out, med, mad, open, close);
    }

    /** @return the regions flagged */
    public List<Series> flagged() {
        return regions.stream().filter(Series::flagged).toList();
    }

    /** @return all capital times with a regional figure, in order */
    public List<String> briefings() {
        return regions.stream().flatMap(s -> s.snapshots().stream()).map(Snapshot::capitalTime).distinct().sorted()
                .toList();
    }

    /**
     * One row of the briefings file.
     *
     * @param row         the row (for error messages)
     * @param capitalTime {@code HH:MM}, capital time
     * @param area        the region, or {@code national}
     * @param turnout     percent
     */
    public record Figure(CsvTable.Row row, String capitalTime, String area, double turnout) {
    }

    /**
     * @param t        the briefings file ({@code election, capital_time, area, turnout_percent})
     * @param election the election
     * @return its rows, in file order
     * @throws DataException naming the row and column of a time that is not HH:MM or a turnout outside [0, 100]
     */
    public static List<Figure> figures(CsvTable t, String election) {
        return IntradayFiles.figures(t, election);
    }

    private static double median(double[] x) {
        double[] s = x.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    private static double minutes(String hhmm) {
        return Integer.parseInt(hhmm.substring(0, 2)) * 60 + Integer.parseInt(hhmm.substring(3, 5));
    }

    private static String clock(double minutes) {
        int m = (int) Math.round(minutes);
        return String.format(java.util.Locale.ROOT, "%02d:%02d", Math.floorDiv(m, 60), Math.floorMod(m, 60));
    }

    /** @return hours of voting by local time (minutes after midnight), in [0, close − open] */
    static double hoursOpen(double localMinutes, int open, int close) {
        return Math.min(close - open, Math.max(0, localMinutes / 60 - open));
    }

    private static String offsetText(double hours) {
        int m = (int) Math.round(hours * 60);
        return String.format(java.util.Locale.ROOT, "%s%02d:%02d", m < 0 ? "-" : "+", Math.abs(m) / 60,
                Math.abs(m) % 60);
    }

    /** @return the offset most regions share */
    private static double capitalOffset(Map<String, Double> offsets) {
        Map<Double, Integer> n = new LinkedHashMap<>();
        for (double o : offsets.values()) {
            n.merge(o, 1, Integer::sum);
        }
        return n.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }
}
