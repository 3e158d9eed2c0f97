# Times the R package spikes 1.1 (Rozenas) on a file in its form (CSV with columns N, t, v): spikes(data) with
# set.seed(SEED), the package as installed, nothing changed. Prints one line with F and the elapsed and user seconds.
#   Rscript spikes_r.R FILE.csv SEED        (the package in SPIKES_LIB, default /tmp/rlib; see spikes_compare.sh)
suppressMessages(library(spikes, lib.loc = Sys.getenv("SPIKES_LIB", "/tmp/rlib")))
args <- commandArgs(trailingOnly = TRUE)
data <- read.csv(args[1])
set.seed(as.integer(args[2]))
pdf(NULL)
tm <- system.time(capture.output(res <- spikes(data)))
cat(sprintf("R spikes %s units=%d seed=%s fraud=%.6f elapsed=%.1f user=%.1f load=%s\n", R.version$version.string,
            nrow(data), args[2], res$fraud, tm[["elapsed"]], tm[["user.self"]],
            paste(readLines("/proc/loadavg", warn = FALSE), collapse = "")))
