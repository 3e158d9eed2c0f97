package org.psephos.forensics;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What a calibration study measured about each test under the calibrated nulls, as labels that the battery applies:
 * a test whose false-positive rate on clean elections is significantly above the level is {@link Label#DESCRIPTIVE}
 * (reported with the reason, its p-value kept out of the q-values and the verdict); a test without power against the
 * fraud it targets is {@link Label#NO_POWER} (reported, and kept in the verdict's family, where it costs a little
 * power and no false positives); every other test is {@link Label#CALIBRATED}. The labels come from measurements,
 * never from opinion: {@link #builtIn()} is the table written by the by-hand study {@code NullCalibrationStudy}
 * (command and date in the table's comments, method in {@code docs/calibration.md}) on the simulated clean
 * scenarios, and {@link #read(Path)} reads the same format for one file's own calibration ({@code psephos calibrate
 * --like FILE} writes it; {@code analyze --calibration FILE} applies it).
 *
 * <p>Format: UTF-8 CSV, lines starting with {@code #} are comments (the first comment names the source); the header
 * {@code test,variable,label,reason}; {@code variable} is {@code *} (every variable), {@code turnout},
 * {@code leader} or {@code other} (the options other than the leader); {@code label} is {@code calibrated},
 * {@code descriptive} or {@code no-power}; {@code reason} the measured rates in a sentence (quoted when it holds a
 * comma, as RFC 4180). A test or variable the table does not name is calibrated. Immutable. The reader is
 * {@link NullCalibrationCsv}.
 *
 * @since 0.1
 */
public final class NullCalibration {
    /** The built-in table's resource. */
    static final String RESOURCE = "null-calibration.csv";

    /** A test's standing under the calibrated nulls. */
    public enum Label {
        /** False-positive rate at or below the level in every scenario measured. */
        CALIBRATED("calibrated"),
        /** False-positive rate significantly above the level somewhere: reported, outside q-values and verdict. */
        DESCRIPTIVE("descriptive"),
        /** No measurable power against the fraud it targets: reported, in the verdict's family. */
        NO_POWER("no-power");

        private final String id;

        Label(String id) {
            this.id = id;
        }

        /** @return the spelling in tables and JSON */
        public String id() {
            return id;
        }

        static Label parse(String s) {
            for (Label l : values()) {
                if (l.id.equalsIgnoreCase(s.trim())) {
                    return l;
                }
            }
            throw new IllegalArgumentException("label is calibrated, descriptive or no-power: " + s);
        }
    }

    /** Which variables a label covers. */
    public enum Role {
        /** Every variable. */
        ANY("*"),
        /** Turnout. */
        TURNOUT("turnout"),
        /** The leader's votes (and the tests run on the leader and turnout together). */
        LEADER("leader"),
        /** The other options. */
        OTHER("other");

        private final String id;

        Role(String id) {
            this.id = id;
        }

        /** @return the spelling in the table */
        public String id() {
            return id;
        }

        static Role parse(String s) {
            for (Role r : values()) {
                if (r.id.equalsIgnoreCase(s.trim())) {
                    return r;
                }
            }
            throw new IllegalArgumentException("variable is *, turnout, leader or other: " + s);
        }
    }

    /**
     * One test's label.
     *
     * @param test   the test id
     * @param role   the variables it covers
     * @param label  the label
     * @param reason the measurement behind it, one sentence (empty for a calibrated test)
     */
    public record Entry(String test, Role role, Label label, String reason) {
        /** Checks that no field is null. */
        public Entry {
            Objects.requireNonNull(test, "test");
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(reason, "reason");
        }
    }

    private static final NullCalibration BUILT_IN = loadBuiltIn();

    private final String source;
    private final Map<String, Entry> entries;

    NullCalibration(String source, List<Entry> list) {
        this.source = source;
        Map<String, Entry> m = new LinkedHashMap<>();
        for (Entry e : list) {
            m.put(e.test() + "\u0000" + e.role().id(), e);
        }
        this.entries = Collections.unmodifiableMap(m);
    }

    /** @return the labels measured by the calibration study that ships with this version */
    public static NullCalibration builtIn() {
        return BUILT_IN;
    }

    /** @return no labels: every test calibrated (for studies that measure the labels) */
    public static NullCalibration none() {
        return new NullCalibration("none", List.of());
    }

    /**
     * @param file a table in this class's format
     * @return its labels
     * @throws UncheckedIOException     if it cannot be read
     * @throws IllegalArgumentException naming the line if it is malformed
     */
    public static NullCalibration read(Path file) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(r, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the calibration table " + file + ": " + e.getMessage(), e);
        }
    }

    private static NullCalibration loadBuiltIn() {
        InputStream in = NullCalibration.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("resource " + RESOURCE + " is missing from the jar");
        }
        try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return parse(r, "built-in");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
    /**
     * @param reader the table
     * @param name   where it came from, for messages
     * @return its labels; the source is the first comment line, else the name
     * @throws IllegalArgumentException naming the line if it is malformed
     */
    public static NullCalibration parse(Reader reader, String name) {
        return NullCalibrationCsv.parse(reader, name);
    }

    /**
     * @param out     where to write the table
     * @param comment the first comment line (the source: command and date)
     * @throws UncheckedIOException if writing fails
     */
    public void write(Writer out, String comment) {
        try {
            out.write("# " + comment.replace('\n', ' ') + "\n");
            out.write("test,variable,label,reason\n");
            for (Entry e : entries.values()) {
                String reason = e.reason().replace("\"", "\"\"");
                out.write(e.test() + "," + e.role().id() + "," + e.label().id() + ",\"" + reason + "\"\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param entry a label
     * @return a copy with that label added (replacing one for the same test and variable)
     */
    public NullCalibration with(Entry entry) {
        List<Entry> list = new ArrayList<>(entries.values());
        list.removeIf(e -> e.test().equals(entry.test()) && e.role() == entry.role());
        list.add(entry);
        return new NullCalibration(source, list);
    }

    /** @return where the labels came from (the table's first comment) */
    public String source() {
        return source;
    }

    /** @return every label, in table order */
    public List<Entry> entries() {
        return List.copyOf(entries.values());
    }

    /**
     * @param test a test id
     * @param role the row's variable
     * @return the label of that test on that variable: the variable's own entry, else the test's {@code *} entry,
     *         else calibrated
     */
    public Entry of(String test, Role role) {
        Entry e = entries.get(test + "\u0000" + role.id());
        if (e == null) {
            e = entries.get(test + "\u0000" + Role.ANY.id());
        }
        return e != null ? e : new Entry(test, Role.ANY, Label.CALIBRATED, "");
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "NullCalibration[%s, %d labels]", source, entries.size());
    }
}
