/**
 * The {@code psephos} command line (picocli). Commands only parse options and delegate; nothing below this package knows about the command line.
 */
package org.psephos.cli;
