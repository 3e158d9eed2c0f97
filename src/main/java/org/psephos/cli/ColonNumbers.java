package org.psephos.cli;

/**
 * Parses the colon-separated number options ({@code --turnout MEAN:SD}, {@code --size MIN:MAX}, ...) of
 * {@code simulate} and {@code power}, with one wording of the usage errors.
 */
final class ColonNumbers {
    private ColonNumbers() {
    }

    /**
     * Parses {@code a:b[:c]} with between min and max finite numbers.
     *
     * @param option the option, for the message
     * @param text   its value
     * @param min    the fewest numbers
     * @param max    the most numbers
     * @return the numbers
     * @throws UsageException if the count is wrong or a value is not a finite number
     */
    static double[] parse(String option, String text, int min, int max) {
        String[] parts = text.split(":", -1);
        if (parts.length < min || parts.length > max) {
            String form = min == max ? min + "" : min + " to " + max;
            throw new UsageException(option + " needs " + form + " numbers separated by ':': " + text);
        }
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                out[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new UsageException(option + " holds a value that is not a number: " + parts[i]);
            }
            if (!Double.isFinite(out[i])) {
                throw new UsageException(option + " holds a value that is not finite: " + parts[i]);
            }
        }
        return out;
    }

    /**
     * Parses {@code MIN:MAX} of whole numbers within the int range.
     *
     * @param option the option, for the message
     * @param text   its value
     * @return the two numbers
     * @throws UsageException if the value is not two whole numbers
     */
    static int[] wholePair(String option, String text) {
        double[] p = parse(option, text, 2, 2);
        for (double v : p) {
            if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) {
                throw new UsageException(option + " needs whole numbers MIN:MAX: " + text);
            }
        }
        return new int[] {(int) p[0], (int) p[1]};
    }
}
