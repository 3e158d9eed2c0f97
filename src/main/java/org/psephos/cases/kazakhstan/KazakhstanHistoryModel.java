package org.psephos.cases.kazakhstan;

import java.nio.file.Path;
import java.util.List;
import org.psephos.data.AggregateResults;
import org.psephos.data.DataException;
import org.psephos.scenarios.HistoryModel;

/**
 * Kazakhstan's presidential history as a {@link HistoryModel}: the reference series is the contested Nazarbayev
 * elections (won by Nazarbayev with at least two candidates: 1999, 2005, 2011, 2015; 1991 had a single candidate),
 * the checked years 2019 and 2022, with the exit polls of {@code exit_polls.csv}. Stateless.
 *
 * @since 0.1
 */
public final class KazakhstanHistoryModel {
    private KazakhstanHistoryModel() {
    }

    /**
     * @param dir the dataset directory, e.g. {@code datasets/kazakhstan}, with {@code national_results.csv} and
     *            {@code exit_polls.csv}
     * @return the model
     * @throws DataException if a file cannot be read or is malformed
     */
    public static HistoryModel read(Path dir) {
        return read(dir, AggregateResults.read(dir.resolve("national_results.csv")));
    }

    /** {@link #read(Path)} with {@code national_results.csv} already read. */
    static HistoryModel read(Path dir, AggregateResults results) {
        List<HistoryModel.ExitPoll> polls = HistoryModel.readExitPolls(dir.resolve("exit_polls.csv"));
        return HistoryModel.of(results.results(), "presidential",
                e -> e.leader().contains("Nazarbayev") && e.candidates() >= 2, List.of(2019, 2022), polls);
    }
}
