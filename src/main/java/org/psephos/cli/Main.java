package org.psephos.cli;

import java.io.PrintWriter;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import org.psephos.data.DataException;
import picocli.CommandLine;

/**
 * Entry point of the {@code psephos} command line. Exit codes: 0 success, 1 an internal error, 2 a usage error
 * (unknown option, bad value), 3 a data error (a file that cannot be read or has invalid content).
 *
 * @since 0.1
 */
public final class Main {
    /** Success. */
    public static final int OK = 0;
    /** An internal error: a bug, reported with its message. */
    public static final int INTERNAL = 1;
    /** A usage error: unknown option, bad option value, missing argument. */
    public static final int USAGE = 2;
    /** A data error: unreadable file, missing column, invalid value. */
    public static final int DATA = 3;
    /** The help footer's line on the exit codes, one text for every command that exits with these four. */
    static final String EXIT_CODES = "Exit codes: " + OK + " ok, " + INTERNAL + " internal error, " + USAGE
            + " usage error, " + DATA + " data error.";

    private Main() {
    }

    /**
     * Runs the command line and exits the JVM with its exit code.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        System.exit(run(args, utf8(System.out), utf8(System.err)));
    }

    private static PrintWriter utf8(java.io.PrintStream stream) {
        try {
            return new PrintWriter(new java.io.OutputStreamWriter(stream, StandardCharsets.UTF_8.name()), true);
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Runs the command line with the given writers, without exiting: the form tests use.
     *
     * @param args the arguments
     * @param out  standard output
     * @param err  standard error
     * @return the exit code
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = commandLine();
        cl.setOut(out);
        cl.setErr(err);
        int code;
        try {
            code = cl.execute(args);
        } catch (OutOfMemoryError e) {
            // The data held when the heap ran out are unreachable by now, so a message can still be written.
            err.println("psephos: out of memory (the Java heap is full). Give Java a larger heap, e.g."
                    + " java -Xmx4g -jar psephos.jar ..., or fewer units, replicates or tests at a time.");
            code = INTERNAL;
        }
        out.flush();
        err.flush();
        return code;
    }

    /** @return the configured root command line */
    static CommandLine commandLine() {
        return configure(new CommandLine(new PsephosCommand()));
    }

    /**
     * Installs the exit-code mapping on a command line (the root, or a single command under test).
     *
     * @param cl the command line
     * @return it
     */
    static CommandLine configure(CommandLine cl) {
        cl.setExecutionExceptionHandler(Main::handle);
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("psephos: " + ex.getMessage());
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for usage.");
            return USAGE;
        });
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        return cl;
    }

    private static int handle(Exception ex, CommandLine cl, CommandLine.ParseResult parse) {
        PrintWriter err = cl.getErr();
        boolean verbose = parse.expandedArgs().contains("--verbose");
        if (ex instanceof DataException) {
            err.println("psephos: " + ex.getMessage());
            return DATA;
        }
        if (ex instanceof java.io.UncheckedIOException) {
            // Library writers report an output path they cannot write; the path is the user's choice.
            err.println("psephos: " + ex.getMessage() + "; choose a path in an existing, writable directory");
            return USAGE;
        }
        if (ex instanceof UsageException) {
            err.println("psephos: " + ex.getMessage());
            err.println("Try '" + cl.getCommandSpec().qualifiedName() + " --help' for usage.");
            return USAGE;
        }
        err.println("psephos: internal error: " + ex);
        if (verbose) {
            ex.printStackTrace(err);
        } else {
            err.println("Run again with --verbose for details, and please report it.");
        }
        return INTERNAL;
    }
}
