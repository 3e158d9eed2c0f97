package org.psephos.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.psephos.cases.kazakhstan.KazakhstanHistoryModel;
import org.psephos.data.DataException;

class HistoryModelTest {
    private static final Path KZ = Path.of("datasets/kazakhstan");

    private static HistoryModel.ElectionRecord year(HistoryModel m, int y) {
        return m.elections().stream().filter(e -> e.year() == y).findFirst().orElseThrow();
    }

    private static HistoryModel.PredictiveCheck check(HistoryModel m, String q, int y) {
        return m.checks().stream().filter(c -> c.quantity().equals(q) && c.year() == y).findFirst().orElseThrow();
    }

    @Test
    void headlineFiguresOfTheDataset() {
        HistoryModel m = KazakhstanHistoryModel.read(KZ);
        assertEquals(List.of(1991, 1999, 2005, 2011, 2015, 2019, 2022),
                m.elections().stream().map(HistoryModel.ElectionRecord::year).toList());
        HistoryModel.ElectionRecord e19 = year(m, 2019);
        // By hand: votes 6539715, 1495401, 465714, 280451, 182898, 167649, 84582 over their sum 9216410;
        // 1 / sum(p^2) = 1.8722790660694024 (python3).
        assertEquals(1.8722790660694024, e19.enp(), 1e-12);
        assertEquals(70.96 - 16.23, e19.margin(), 1e-9);
        assertTrue(Double.isNaN(e19.againstAll()));
        HistoryModel.ElectionRecord e22 = year(m, 2022);
        assertEquals(5.80, e22.againstAll(), 1e-12);
        assertEquals(81.31 - 5.80, e22.margin(), 1e-9);
        assertEquals("Against", year(m, 1991).runnerUp());
    }

    /**
     * Reference series: the contested Nazarbayev elections (1991 had one candidate and is left out).
     * python3/scipy: mean and sd (n − 1) of logit(79.78, 91.15, 95.55, 97.75 %), and
     * scipy.stats.t.cdf((logit(x) − mean) / (sd · sqrt(1 + 1/4)), 3) for 2022's 81.31, 2019's 70.96 and 2022's
     * turnout 69.44 against logit(87.05, 76.78, 89.98, 95.21 %); the 95% interval from t.ppf(0.975, 3).
     */
    @Test
    void nazarbayevEraPredictiveModel() {
        HistoryModel m = KazakhstanHistoryModel.read(KZ);
        HistoryModel.PredictiveCheck c22 = check(m, "leader share", 2022);
        assertEquals(List.of(1999, 2005, 2011, 2015), c22.referenceYears());
        assertEquals(2.635729558036762, c22.referenceMean(), 1e-12);
        assertEquals(1.0268727432426772, c22.referenceSd(), 1e-12);
        assertEquals(3, c22.df());
        assertEquals(0.1923965912997257, c22.percentile(), 1e-9);
        assertEquals(26.54231969901989, c22.predictiveLow(), 1e-6); // commons-math t quantile to ~1e-9
        assertEquals(99.8147616795476, c22.predictiveHigh(), 1e-6);
        assertEquals(0.1132045057081747, check(m, "leader share", 2019).percentile(), 1e-9);
        assertEquals(0.11441336442693896, check(m, "turnout", 2022).percentile(), 1e-9);
        assertEquals(1, year(m, 1991).candidates());
        assertEquals(6, year(m, 2022).candidates());
    }

    @Test
    void exitPollDifferences() {
        HistoryModel m = KazakhstanHistoryModel.read(KZ);
        HistoryModel.ExitPollDifference d = m.exitPolls().stream()
                .filter(x -> x.pollster().equals("Open Society institute") && x.option().equals("Against all"))
                .findFirst().orElseThrow();
        assertEquals(5.80 - 5.2, d.difference(), 1e-9);
        assertEquals(26, m.exitPolls().size());
        assertTrue(m.exitPolls().stream().filter(x -> x.option().equals("Abelgazi Kusainov"))
                .allMatch(x -> Double.isNaN(x.official())));
    }

    @Test
    void badExitPollFileNamesFileAndColumn(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("polls.csv");
        Files.writeString(f, "election,pollster,option,percent\nx,y,z,abc\n");
        DataException e = assertThrows(DataException.class, () -> HistoryModel.readExitPolls(f));
        assertTrue(e.getMessage().contains("polls.csv") && e.getMessage().contains("percent"), e.getMessage());
    }
}
