package org.psephos.forensics.spikes;

/**
 * Digamma ψ and trigamma ψ' to about 1e-15: the asymptotic (Stirling) series from x = 10 up, with terms to
 * \( x^{-14} \) and \( x^{-15} \), and below 10 the recurrences \( \psi(x) = \psi(x + 1) - 1/x \),
 * \( \psi'(x) = \psi'(x + 1) + 1/x^2 \) (Abramowitz and Stegun 6.3.5, 6.3.18, 6.4.6, 6.4.12). Used instead of
 * commons-math 3.6's {@code Gamma.digamma}, whose series for x ≥ 49 has two signs wrong (about 3e-9 off at
 * x = 50; R gives ψ(50.0498) = 3.902995194134339, commons-math 3.902995191478775). Stateless.
 */
final class Polygamma {
    private static final double LIMIT = 10;

    private Polygamma() {
    }

    /**
     * @param x a positive argument
     * @return ψ(x)
     */
    static double digamma(double x) {
        double shift = 0;
        while (x < LIMIT) {
            shift -= 1 / x;
            x += 1;
        }
        double i2 = 1 / (x * x);
        double series = i2 * (1.0 / 12 - i2 * (1.0 / 120 - i2 * (1.0 / 252 - i2 * (1.0 / 240 - i2 * (1.0 / 132
                - i2 * (691.0 / 32760 - i2 / 12))))));
        return shift + Math.log(x) - 0.5 / x - series;
    }

    /**
     * @param x a positive argument
     * @return ψ'(x)
     */
    static double trigamma(double x) {
        double shift = 0;
        while (x < LIMIT) {
            shift += 1 / (x * x);
            x += 1;
        }
        double i = 1 / x;
        double i2 = i * i;
        double series = i + 0.5 * i2 + i * i2 * (1.0 / 6 - i2 * (1.0 / 30 - i2 * (1.0 / 42 - i2 * (1.0 / 30
                - i2 * (5.0 / 66 - i2 * (691.0 / 2730 - i2 * (7.0 / 6)))))));
        return shift + series;
    }
}
