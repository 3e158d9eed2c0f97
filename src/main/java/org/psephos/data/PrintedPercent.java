package org.psephos.data;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A percentage exactly as a source printed it, keeping its number of decimals: {@code 77.5} and {@code 77.50} are
 * different printed figures, because the first only claims a value within ±0.05 and the second within ±0.005.
 *
 * <p>A printed figure \( p \) with \( d \) decimals <em>reproduces</em> an exact percentage \( x \) by rounding when
 * \( |x - p| \le \tfrac12 10^{-d} \), and by truncation when \( p \le x &lt; p + 10^{-d} \). A tolerance of
 * {@value #EPSILON} absorbs floating-point error at the boundary. Immutable.
 *
 * @param value the printed value, with its scale (number of decimals) as printed
 * @since 0.1
 */
public record PrintedPercent(BigDecimal value) {
    /** Floating-point slack added to rounding tolerances. */
    public static final double EPSILON = 1e-9;

    /**
     * @throws NullPointerException     if value is null
     * @throws IllegalArgumentException if value is negative or above 100
     */
    public PrintedPercent {
        Objects.requireNonNull(value, "value");
        if (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException("percentage is not in [0, 100]: " + value.toPlainString());
        }
    }

    /**
     * @param text a percentage as printed, e.g. {@code "77.5"} (no percent sign, dot as decimal separator)
     * @return the printed percentage
     * @throws NumberFormatException    if the text is not a plain decimal number
     * @throws IllegalArgumentException if the value is outside [0, 100]
     */
    public static PrintedPercent parse(String text) {
        if (!text.matches("\\d+(\\.\\d+)?")) {
            throw new NumberFormatException("not a plain decimal number: " + text);
        }
        return new PrintedPercent(new BigDecimal(text));
    }

    /** @return the number of decimals printed */
    public int decimals() {
        return Math.max(0, value.scale());
    }

    /** @return one unit in the last printed digit, e.g. 0.01 for {@code 70.96} */
    public double unit() {
        return Math.pow(10, -decimals());
    }

    /** @return half a unit in the last printed digit: the rounding tolerance */
    public double halfUnit() {
        return unit() / 2;
    }

    /** @return the value as a double */
    public double doubleValue() {
        return value.doubleValue();
    }

    /**
     * @param exactPercent a percentage computed from counts
     * @return whether rounding it to this figure's decimals gives this figure (within {@link #halfUnit()})
     */
    public boolean roundsFrom(double exactPercent) {
        return Math.abs(exactPercent - doubleValue()) <= halfUnit() + EPSILON;
    }

    /**
     * @param exactPercent a percentage computed from counts
     * @return whether cutting it off after this figure's decimals gives this figure
     */
    public boolean truncatesFrom(double exactPercent) {
        double p = doubleValue();
        return exactPercent >= p - EPSILON && exactPercent < p + unit() - EPSILON;
    }

    /** @return the figure as printed */
    @Override
    public String toString() {
        return value.toPlainString();
    }
}
