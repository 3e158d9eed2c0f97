package org.psephos.cli;

import org.psephos.Psephos;
import picocli.CommandLine.IVersionProvider;

/** Reads the version from the jar's manifest. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"psephos " + Psephos.version()};
    }
}
