# Golden values of BinomialRate (Clopper-Pearson interval and one-sided exact binomial test), made on this machine
# with R 4.2.2 (stats::binom.test) by:
#   Rscript binom_test.R > binom_test.csv
cat("# Rscript binom_test.R (", R.version.string, ", stats::binom.test)\n", sep = "")
cat("x,n,low,high,p_above_0.05\n")
for (x in list(c(0, 200), c(1, 200), c(10, 200), c(25, 200), c(200, 200), c(3, 7), c(57, 1000), c(0, 1),
               c(12, 40))) {
  b <- binom.test(x[1], x[2])
  g <- binom.test(x[1], x[2], p = 0.05, alternative = "greater")
  cat(sprintf("%d,%d,%.15g,%.15g,%.15g\n", x[1], x[2], b$conf.int[1], b$conf.int[2], g$p.value))
}
