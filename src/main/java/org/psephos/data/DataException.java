package org.psephos.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A problem with input data: it names the file, the line in the file (header = line 1), the column, the offending
 * value and what the user can do about it. The command line prints {@link #getMessage()} and exits with code 3;
 * it never shows a stack trace for this exception.
 *
 * <p>Every part but the problem itself is optional: a message about a whole file has no line, one about a missing
 * column has no value.
 *
 * @since 0.1
 */
public final class DataException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final long line;
    private final String column;
    private final String value;
    private final String problem;
    private final String fix;

    private DataException(Builder b) {
        super(format(b), b.cause);
        this.file = b.file;
        this.line = b.line;
        this.column = b.column;
        this.value = b.value;
        this.problem = b.problem;
        this.fix = b.fix;
    }

    /**
     * @param problem what is wrong, as a sentence fragment ("not a whole number")
     * @return a builder to add the location, value and fix
     */
    public static Builder of(String problem) {
        return new Builder(problem);
    }

    private static String format(Builder b) {
        List<String> where = new ArrayList<>();
        if (b.file != null) {
            where.add(b.file);
        }
        if (b.line > 0) {
            where.add("line " + b.line);
        }
        if (b.column != null) {
            where.add("column " + b.column);
        }
        StringBuilder s = new StringBuilder();
        if (!where.isEmpty()) {
            s.append(String.join(", ", where)).append(": ");
        }
        s.append(b.problem);
        if (b.value != null) {
            s.append(": '").append(shorten(b.value)).append('\'');
        }
        if (b.fix != null) {
            s.append(". ").append(b.fix);
        }
        return s.toString();
    }

    private static String shorten(String v) {
        String oneLine = v.replace("\r", "\\r").replace("\n", "\\n");
        return oneLine.length() > 80 ? oneLine.substring(0, 77) + "..." : oneLine;
    }

    /** @return the file, or {@code null} */
    public String file() {
        return file;
    }

    /** @return the 1-based line number in the file (header = 1), or 0 if none applies */
    public long line() {
        return line;
    }

    /** @return the column (header name and position), or {@code null} */
    public String column() {
        return column;
    }

    /** @return the offending value, or {@code null} */
    public String value() {
        return value;
    }

    /** @return what is wrong */
    public String problem() {
        return problem;
    }

    /** @return what the user can do, or {@code null} */
    public String fix() {
        return fix;
    }

    /** Assembles a {@link DataException}. */
    public static final class Builder {
        private final String problem;
        private String file;
        private long line;
        private String column;
        private String value;
        private String fix;
        private Throwable cause;

        private Builder(String problem) {
            this.problem = problem;
        }

        /** @param f the file @return this */
        public Builder file(Path f) {
            this.file = f == null ? null : f.toString();
            return this;
        }

        /** @param f the file's name as the user gave it @return this */
        public Builder file(String f) {
            this.file = f;
            return this;
        }

        /** @param n 1-based line number (header = 1) @return this */
        public Builder line(long n) {
            this.line = n;
            return this;
        }

        /** @param c the column, e.g. {@code "'ballots' (#4)"} @return this */
        public Builder column(String c) {
            this.column = c;
            return this;
        }

        /** @param v the offending value @return this */
        public Builder value(String v) {
            this.value = v;
            return this;
        }

        /** @param f what the user can do @return this */
        public Builder fix(String f) {
            this.fix = f;
            return this;
        }

        /** @param t the underlying cause @return this */
        public Builder cause(Throwable t) {
            this.cause = t;
            return this;
        }

        /** @return the exception */
        public DataException build() {
            return new DataException(this);
        }
    }
}
