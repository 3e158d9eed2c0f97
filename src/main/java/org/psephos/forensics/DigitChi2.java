package org.psephos.forensics;


/** Assembles the result of a chi-square test of ten digit frequencies. Package-private helper. */
final class DigitChi2 {
    private DigitChi2() {
    }

    /**
     * @param id        test id
     * @param input     the data
     * @param observed  frequencies of digits 0..9
     * @param probs     their null probabilities
     * @param minCounts fewest counts for the test to apply
     * @param what      what the counts are, for the not-applicable reason
     * @return the result: statistic, expected 9 (df), chi-square p-value, flag p &lt; 0.05
     */
    static TestResult result(String id, TestInput input, long[] observed, double[] probs, int minCounts,
                             String what) {
        long n = 0;
        for (long o : observed) {
            n += o;
        }
        String why = Results.tooFewCounts((int) n, minCounts, what);
        if (why != null) {
            return TestResult.notApplicable(id, input, (int) n, why);
        }
        int df = observed.length - 1;
        double x2 = NullDistributions.chiSquare(observed, probs);
        double p = NullDistributions.chiSquareUpper(x2, df);
        DigitDetails.Chi2 d = new DigitDetails.Chi2(df, observed, probs);
        return TestResult.of(id, input).statistic(x2).expected(df).pValue(p).flag(p < Results.ALPHA).n((int) n)
                .details(d);
    }
}
