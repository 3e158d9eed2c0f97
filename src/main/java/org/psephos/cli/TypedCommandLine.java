package org.psephos.cli;

import java.util.List;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The command line a user typed, rebuilt from picocli's parse result for the provenance line of an output file (the
 * HTML report of {@code analyze}, the label table of {@code calibrate}): the one home of that reconstruction.
 */
final class TypedCommandLine {
    private TypedCommandLine() {
    }

    /**
     * @param a an argument as typed
     * @return the argument, single-quoted as a POSIX shell needs it when it holds spaces, quotes or other characters
     *         outside a safe set
     */
    static String shellQuoted(String a) {
        return a.matches("[A-Za-z0-9_./:=,#@%+-]+") ? a : "'" + a.replace("'", "'\\''") + "'";
    }

    /**
     * @param spec  the running command's spec
     * @param name  the command's name, said when it runs on its own (tests), where the arguments lack it
     * @param quote how each argument is written ({@link #shellQuoted}, or {@link UnaryOperator#identity()})
     * @return {@code psephos}, the command's name and its arguments, each after a space
     */
    static String of(CommandSpec spec, String name, UnaryOperator<String> quote) {
        // Under the root command the original arguments start with the command's name; run on its own they do not.
        StringBuilder b = new StringBuilder(spec.commandLine().getParent() == null ? "psephos " + name : "psephos");
        List<String> args = spec.commandLine().getParseResult() == null ? List.of()
                : spec.commandLine().getParseResult().originalArgs();
        for (String a : args) {
            b.append(' ').append(quote.apply(a));
        }
        return b.toString();
    }
}
