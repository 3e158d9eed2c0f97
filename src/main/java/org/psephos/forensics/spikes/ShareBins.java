package org.psephos.forensics.spikes;

/**
 * The bins Rozenas's {@code fraud()} counts shares in: centred on the density's output grid x (spacing h = x[1] −
 * x[0]), edges {@code seq(-x[1]/2, 1 + x[1]/2, by = h)} (R's {@code seq.default}: from + k·by, capped at the end),
 * intervals closed on the right with the lowest edge included ({@code cut(…, include.lowest = TRUE)}, R's
 * {@code bincode}). Kept apart from {@link org.psephos.forensics.TurnoutBins}: R's floating-point edges, for parity.
 * Immutable and thread-safe.
 */
final class ShareBins {
    private final double[] edges;
    private final double first;
    private final double width;

    /** @param grid the density's output grid, increasing, at least 2 points */
    ShareBins(double[] grid) {
        double h = grid[1] - grid[0];
        double from = -grid[1] / 2;
        double to = 1 + grid[1] / 2;
        int n = (int) ((to - from) / h + 1e-10);
        edges = new double[n + 1];
        for (int k = 0; k <= n; k++) {
            edges[k] = Math.min(from + k * h, to);
        }
        first = from;
        width = h;
    }

    /** @return the number of bins */
    int count() {
        return edges.length - 1;
    }

    /**
     * @param y a share
     * @return its bin, 0-based, or −1 outside the edges (or NaN)
     */
    int of(double y) {
        int last = edges.length - 1;
        if (!(y >= edges[0] && y <= edges[last])) {
            return -1;
        }
        int j = (int) Math.ceil((y - first) / width) - 1; // a guess, then R's rule: edges[j] < y <= edges[j + 1]
        j = Math.max(0, Math.min(last - 1, j));
        while (j < last - 1 && y > edges[j + 1]) {
            j++;
        }
        while (j > 0 && y <= edges[j]) {
            j--;
        }
        return j;
    }
}
