# Runs EFToolkit's BasicElectionForensics (kkalininMI/EFToolkit, R/BasicElectionForensics.R and
# R/ColorSignificance.R, sourced unchanged apart from the one-line printing patch below) on a CSV and writes its
# table, unrounded, to a CSV.
#
# Usage: Rscript basic.R EFTOOLKIT_SOURCE_DIR INPUT.csv LEVEL TOTALREG TOTALVOTES OUT.csv R SEED CANDIDATE...
#   LEVEL "National" for the whole file (EFToolkit's default), else a column name.
#
# Stubs and definitions (R 4.2 from Debian has neither moments nor kableExtra):
#   * skewness/kurtosis exactly as the moments package defines them (m3/m2^1.5, m4/m2^2, population moments);
#   * xtable() and datatable() (output helpers of the html/tex tables) return NULL;
#   * the printing patch: statsArray2Table rounds to 3 decimals (round(arr[...],3)); the sed one-liner
#       sed 's/round(\(arr\[[^]]*\]\),3)/sprintf("%.17g", \1)/g'
#     prints the same numbers with 17 significant digits instead. Nothing else is changed.
args <- commandArgs(trailingOnly = TRUE)
src <- args[1]; input <- args[2]; level <- args[3]; totalReg <- args[4]; totalVotes <- args[5]
out <- args[6]; R <- as.integer(args[7]); seed <- as.integer(args[8]); candidates <- args[9:length(args)]

suppressPackageStartupMessages({ library(boot); library(diptest) })
skewness <- function(x, na.rm = FALSE) {
  if (na.rm) x <- x[!is.na(x)]
  n <- length(x)
  (sum((x - mean(x))^3)/n)/(sum((x - mean(x))^2)/n)^(3/2)
}
kurtosis <- function(x, na.rm = FALSE) {
  if (na.rm) x <- x[!is.na(x)]
  n <- length(x)
  n * sum((x - mean(x))^4)/(sum((x - mean(x))^2)^2)
}
xtable <- function(...) NULL
datatable <- function(...) NULL

patched <- tempfile(fileext = ".R")
system2("sed", c("'s/round(\\(arr\\[[^]]*\\]\\),3)/sprintf(\"%.17g\", \\1)/g'",
                 shQuote(file.path(src, "R/BasicElectionForensics.R"))), stdout = patched)
source(patched)
source(file.path(src, "R/ColorSignificance.R"))

dat <- read.csv(input, check.names = FALSE)
set.seed(seed)
res <- BasicElectionForensics(dat, Candidates = candidates, Level = level, TotalReg = totalReg,
                              TotalVotes = totalVotes,
                              Methods = c("_2BL", "LastC", "P05s", "C05s", "Sobyanin", "Skew", "Kurt", "DipT",
                                          "Correlation"),
                              R = R, cores = 1)
write.csv(res$table, out, row.names = FALSE)
