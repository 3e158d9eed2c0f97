# Runs EFToolkit's ComputeKlimekModel (kkalininMI/EFToolkit, R/ComputeKlimekModel.R) on a CSV, nationally, for the
# candidates given, and writes, per candidate, its unrounded fit (FF: mean and sd over the 10 iterations of the chosen
# f_i, f_e, alpha and distances) and its moment estimates (First_Estimated).
#
# Usage: Rscript klimek.R EFTOOLKIT_SOURCE_DIR INPUT.csv TOTALREG TOTALVOTES OUT.csv SEED CANDIDATE...
#
# Stubs: xtable() and datatable() (output helpers) return NULL. The one-line patch (capture only): after its retry
# loop, ComputeKlimekModel rounds the fit into its table; the sed one-liner
#     sed 's/if (is.null(KlimekResults)) next;/if (is.null(KlimekResults)) next; CAPTURED[[length(CAPTURED) + 1]]
#          <<- list(cand = CandidatesKlimek[candidID], FF = KlimekResults$FF, FE = KlimekResults$First_Estimated);/'
# (one line in the script below) keeps the unrounded results. Nothing else is changed. cores = 1.
args <- commandArgs(trailingOnly = TRUE)
src <- args[1]; input <- args[2]; totalReg <- args[3]; totalVotes <- args[4]; out <- args[5]
seed <- as.integer(args[6]); candidates <- args[7:length(args)]

suppressPackageStartupMessages({ library(doParallel); library(foreach) })
xtable <- function(...) NULL
datatable <- function(...) NULL
patched <- tempfile(fileext = ".R")
system2("sed", c(paste0("'s/if (is.null(KlimekResults)) next;/if (is.null(KlimekResults)) next; ",
                        "CAPTURED[[length(CAPTURED) + 1]] <<- list(cand = CandidatesKlimek[candidID], ",
                        "FF = KlimekResults$FF, FE = KlimekResults$First_Estimated);/'"),
                 shQuote(file.path(src, "R/ComputeKlimekModel.R"))), stdout = patched)
source(patched)
source(file.path(src, "R/ColorSignificance.R"))
CAPTURED <- list()
dat <- read.csv(input, check.names = FALSE)
set.seed(seed)
res <- ComputeKlimekModel(dat, Candidates = candidates, Level = "National", TotalReg = totalReg,
                          TotalVotes = totalVotes, cores = 1)
rows <- lapply(CAPTURED, function(r) {
  data.frame(candidate = r$cand,
             f_i = sprintf("%.17g", r$FF["incremental", "mean"]), f_i_sd = sprintf("%.17g", r$FF["incremental", "sdev"]),
             f_e = sprintf("%.17g", r$FF["extreme", "mean"]), f_e_sd = sprintf("%.17g", r$FF["extreme", "sdev"]),
             alpha = sprintf("%.17g", r$FF["alpha", "mean"]), alpha_sd = sprintf("%.17g", r$FF["alpha", "sdev"]),
             nu = sprintf("%.17g", r$FE[1]), tau = sprintf("%.17g", r$FE[3]), std_att = sprintf("%.17g", r$FE[4]),
             theta = sprintf("%.17g", r$FE[5]), sigma = sprintf("%.17g", r$FE[6]))
})
write.csv(do.call(rbind, rows), out, row.names = FALSE)
