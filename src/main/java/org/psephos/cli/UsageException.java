package org.psephos.cli;

/**
 * A usage error found after parsing (a column mapping that does not parse, contradictory options):
 * {@link Main} prints the message and exits with code 2.
 */
final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }

    UsageException(String message, Throwable cause) {
        super(message, cause);
    }
}
