package org.psephos.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

class TypedCommandLineTest {
    @Command(name = "demo")
    static final class Demo implements Runnable {
        @Spec
        CommandSpec spec;

        @Parameters
        List<String> args;

        @Override
        public void run() {
        }
    }

    @Test
    void quotesOnlyWhatAShellWouldSplitOrExpand() {
        assertEquals("--out=a/b.csv", TypedCommandLine.shellQuoted("--out=a/b.csv"));
        assertEquals("'my file.csv'", TypedCommandLine.shellQuoted("my file.csv"));
        assertEquals("'it'\\''s'", TypedCommandLine.shellQuoted("it's"));
        assertEquals("'$HOME'", TypedCommandLine.shellQuoted("$HOME"));
    }

    @Test
    void namesTheCommandRunOnItsOwnAndWritesEachArgumentAfterASpace() {
        Demo demo = new Demo();
        new CommandLine(demo).parseArgs("my file.csv", "x=1");
        assertEquals("psephos demo 'my file.csv' x=1", TypedCommandLine.of(demo.spec, "demo",
                TypedCommandLine::shellQuoted));
        assertEquals("psephos demo my file.csv x=1", TypedCommandLine.of(demo.spec, "demo", UnaryOperator.identity()));
    }

    @Test
    void aSubcommandsArgumentsAlreadyStartWithItsName() {
        Demo demo = new Demo();
        CommandLine root = new CommandLine(new Root()).addSubcommand("demo", new CommandLine(demo));
        root.parseArgs("demo", "a");
        assertEquals("psephos demo a", TypedCommandLine.of(demo.spec, "demo", UnaryOperator.identity()));
    }

    @Command(name = "psephos")
    static final class Root implements Runnable {
        @Override
        public void run() {
        }
    }
}
