package org.psephos.forensics.nulls;

/**
 * A test statistic that records every count of every unit of a replicate: values [unit · fields + f] with fields
 * ballots, the options' votes, invalid, valid, found, share denominator, registered. Lets the tests check the
 * engines' per-unit moments and missing cells.
 */
record UnitCounts(int units, int options) implements NullStatistic {
    int fields() {
        return options + 6;
    }

    @Override
    public int width() {
        return units * fields();
    }

    @Override
    public Accumulator accumulator(int n) {
        return new Accumulator() {
            private final double[] values = new double[width()];

            @Override
            public void start() {
                java.util.Arrays.fill(values, Double.NaN);
            }

            @Override
            public void add(UnitChunk c) {
                int f = fields();
                for (int j = 0; j < c.length(); j++) {
                    int u = c.first() + j;
                    values[u * f] = c.ballots()[j];
                    for (int k = 0; k < options; k++) {
                        values[u * f + 1 + k] = c.votes(k)[j];
                    }
                    values[u * f + options + 1] = c.invalid()[j];
                    values[u * f + options + 2] = c.valid()[j];
                    values[u * f + options + 3] = c.found()[j];
                    values[u * f + options + 4] = c.shareDenominator()[j];
                    values[u * f + options + 5] = c.registered()[j];
                }
            }

            @Override
            public void finish(double[] out, int offset) {
                System.arraycopy(values, 0, out, offset, values.length);
            }
        };
    }
}
