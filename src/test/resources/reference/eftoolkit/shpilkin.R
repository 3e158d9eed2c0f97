# Runs EFToolkit's estimate_fraud (kkalininMI/EFToolkit, R/helper_functions.R: var_addition, estimate_fraud,
# peak_search_basic; the 1D grid of NonparamElectionForensics with mode_search pick_by = "height") on a CSV, on the
# whole file and on each group of LEVEL (as NonparamElectionForensics does for Level != "National"), and writes one
# row per group.
#
# Usage: Rscript shpilkin.R EFTOOLKIT_SOURCE_DIR INPUT.csv LEVEL TOTALREG TOTALVOTES MAINCANDIDATE OUT.csv CANDIDATE...
#
# precinct.level = FALSE (the per-precinct split needs the survey package, which Debian's R lacks, and is an output
# Psephos does not reproduce). The one-line patch (printing only): estimate_fraud returns rounded figures
# (real_turnout to 0.1 point, real_support to a whole percent, total_fraud to a vote); the sed one-liner
#     sed 's/results <- list(official_turnout = o.turnout,/results <- list(peak_label = max.peak.turnout,
#          inflation = inflation.factor, magnitude = magnitude.election.fraud,
#          support = percentMainCandidateSupport[round(max.peak.turnout * k1, 0) + 1],
#          official = official.turnout, official_turnout = o.turnout,/'
# (one line in the script below) adds the unrounded values to the list it returns. Nothing else is changed.
args <- commandArgs(trailingOnly = TRUE)
src <- args[1]; input <- args[2]; level <- args[3]; totalReg <- args[4]; totalVotes <- args[5]
main <- args[6]; out <- args[7]; candidates <- args[8:length(args)]

suppressPackageStartupMessages({ library(ggplot2); library(pracma) })
patched <- tempfile(fileext = ".R")
system2("sed", c(paste0("'s/results <- list(official_turnout = o.turnout,/results <- list(peak_label = ",
                        "max.peak.turnout, inflation = inflation.factor, magnitude = magnitude.election.fraud, ",
                        "support = percentMainCandidateSupport[round(max.peak.turnout * k1, 0) + 1], ",
                        "official = official.turnout, official_turnout = o.turnout,/'"),
                 shQuote(file.path(src, "R/helper_functions.R"))), stdout = patched)
source(patched)

dat <- read.csv(input, check.names = FALSE)
set.seed(1)  # gen_colors samples plot colours
data <- var_addition(data = dat, Level = level, MainCandidate = main, Candidates = candidates,
                     TotalVotes = totalVotes, TotalReg = totalReg)
run <- function(d, name) {
  r <- tryCatch(estimate_fraud(d, candidates, NULL, main, name, 0.8,
                               colors.v = gen_colors(candidates, main), precinct.level = FALSE,
                               mode_search = list(npeaks = 5, sortstr = TRUE, minpeakdistance = 1,
                                                  pick_by = "height"),
                               man_turnout = NULL), error = function(e) NULL)
  if (is.null(r)) return(data.frame(level = name, peak_label = NA))
  data.frame(level = name, peak_label = sprintf("%.17g", r$peak_label),
             inflation = sprintf("%.17g", r$inflation), magnitude = sprintf("%.17g", r$magnitude),
             support = sprintf("%.17g", r$support), official = sprintf("%.17g", r$official),
             real_turnout = r$real_turnout, real_support = r$real_support,
             ballot_stuffing = sprintf("%.17g", r$ballot_stuffing),
             ballot_switching = sprintf("%.17g", r$ballot_switching), total_fraud = r$total_fraud)
}
rows <- list(run(data, "National"))
if (level != "National") {
  for (g in split(data, data[[level]])) rows[[length(rows) + 1]] <- run(g, as.character(g[[level]][1]))
}
write.csv(do.call(rbind, rows), out, row.names = FALSE)
