package org.psephos.forensics;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.file.Path;
import org.psephos.data.AtomicFiles;

/** The CSV writing of {@link Fingerprint.Grid} and {@link Fingerprint.Histogram}: atomic writes, plain decimals. */
final class FingerprintCsv {
    private FingerprintCsv() {
    }

    interface Body {
        void write(Writer out) throws IOException;
    }

    static void write(Path path, Body body) {
        AtomicFiles.writeText(path, body::write);
    }

    /** Plain decimal, rounded to 9 places so that bin edges such as 0.3 print as 0.3. */
    static String num(double x) {
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            return Long.toString((long) x);
        }
        return BigDecimal.valueOf(x).setScale(9, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros()
                .toPlainString();
    }
}
