# Golden values from the R package spikes 1.1 (Rozenas), recorded by tracing its functions: no code of the package
# is copied here. See README.md in this folder for the commands, versions and what each file holds.
#
#   Rscript trace_spikes.R fit   INPUT.csv OUTDIR SEED          spikes(data) with set.seed(SEED)
#   Rscript trace_spikes.R seeds INPUT.csv OUTDIR FIRST LAST    spikes(data, out = R's fit in OUTDIR) for each seed
#
# The package is loaded from the library in SPIKES_LIB (default /tmp/rlib).
suppressMessages(library(spikes, lib.loc = Sys.getenv("SPIKES_LIB", "/tmp/rlib")))
suppressMessages(library(emdbook))
ns <- asNamespace("spikes")
args <- commandArgs(trailingOnly = TRUE)
mode <- args[1]; input <- args[2]; outdir <- args[3]
dir.create(outdir, showWarnings = FALSE, recursive = TRUE)
data <- read.csv(input)
options(device = function(...) grDevices::pdf(NULL)) # est.density draws its fits: to no file

rec <- new.env()
rec$calls <- 0; rec$variable <- NA; rec$optim <- list(); rec$em <- list(); rec$fraud <- list(); rec$start <- NA

# the mixture log-likelihood sum_i log sum_k w_k BB(y_i | n_i, alpha_k, beta_k), as the package's dbetabinom gives it
mix_loglik <- function(y, n, theta) {
  W <- sapply(seq_along(theta$w), function(k) theta$w[k] * dbetabinom(y, size = n, shape1 = theta$alpha[k], shape2 = theta$beta[k]))
  sum(log(if (is.matrix(W)) rowSums(W) else W))
}
latent <- function(x, theta) get("dmbeta", ns)(x, theta)

trace("est.density", where = ns, print = FALSE, tracer = quote({
  rec$calls <- rec$calls + 1; rec$variable <- c("t", "v")[rec$calls]
}))
trace("optim", where = ns, print = FALSE, tracer = quote(rec$start <- par), exit = quote({
  r <- returnValue()
  rec$optim[[length(rec$optim) + 1]] <- list(variable = rec$variable, hessian = isTRUE(hessian), start = rec$start,
                                             par = r$par, value = r$value)
}))
trace("em.update", where = ns, print = FALSE, exit = quote({
  new <- returnValue(); xg <- seq.int(0.01, 0.99, length.out = 1001) # est.density's grid
  rec$em[[length(rec$em) + 1]] <- list(variable = rec$variable, old = theta, new = new,
    delta = cor(latent(xg, new), latent(xg, theta)), loglik = mix_loglik(y, n, new), loglik_old = mix_loglik(y, n, theta))
}))
trace("fraud", where = ns, print = FALSE, exit = quote({
  mean_share <- apply(do.call("rbind", lapply(outsamp, function(s) s$w)), 2, mean)
  mean_dens <- apply(do.call("rbind", lapply(outsamp, function(s) s$ydens)), 2, mean)
  rec$fraud[[length(rec$fraud) + 1]] <- data.frame(x = x, density = ydens$y, envelope = ymax, excess = w,
    observed_share = W(data$v / data$t), mean_share = mean_share, mean_density = mean_dens, row.names = NULL)
}))

num <- function(df) format(df, digits = 17)
write <- function(df, name) write.csv(num(df), file.path(outdir, name), row.names = FALSE, quote = FALSE)
theta_rows <- function(variable, L, stage, iter, theta, loglik, delta = NA, objective = NA)
  data.frame(variable = variable, L = L, stage = stage, iter = iter, k = seq_along(theta$w), alpha = theta$alpha,
             beta = theta$beta, w = theta$w, loglik = loglik, delta = delta, objective = objective)

if (mode == "fit") {
  seed <- as.integer(args[4])
  set.seed(seed)
  elapsed <- system.time(res <- spikes(data))[["elapsed"]]
  # the trace: per variable and L, the initialisation (start -> optim -> mixture) then every EM iterate
  rows <- list(); starts <- list(); em_i <- 0
  for (o in rec$optim) {
    if (o$hessian) next
    L <- if (length(o$start) == 2) 1 else (length(o$start) + 1) / 3
    th <- list(alpha = exp(o$par[1:L]), beta = exp(o$par[(L + 1):(2 * L)]),
               w = if (L == 1) 1 else get("y.v", ns)(o$par[(2 * L + 1):(3 * L - 1)]))
    y <- if (o$variable == "t") data$t else data$v; n <- if (o$variable == "t") data$N else data$t
    rows[[length(rows) + 1]] <- theta_rows(o$variable, L, "init", 0, th, mix_loglik(y, n, th), objective = o$value)
    starts[[length(starts) + 1]] <- data.frame(variable = o$variable, L = L, i = seq_along(o$start), start = o$start, par = o$par)
  }
  mstep <- Filter(function(o) o$hessian, rec$optim)
  it <- 0; last <- ""
  for (j in seq_along(rec$em)) {
    e <- rec$em[[j]]; L <- length(e$new$w)
    key <- paste(e$variable, L); it <- if (key == last) it + 1 else 1; last <- key
    rows[[length(rows) + 1]] <- theta_rows(e$variable, L, "em", it, e$new, e$loglik, e$delta, mstep[[j]]$value)
  }
  tr <- do.call(rbind, rows)
  write(tr[order(tr$variable, tr$L, tr$stage != "init", tr$iter, tr$k), ], "fit_trace.csv")
  write(do.call(rbind, starts), "fit_starts.csv")
  out <- res$out
  final <- rbind(theta_rows("t", length(out$t$w), "final", 0, out$t, mix_loglik(data$t, data$N, out$t)),
                 theta_rows("v", length(out$v$w), "final", 0, out$v, mix_loglik(data$v, data$t, out$v)))
  write(final, "fit_final.csv")
  h <- function(v, H) data.frame(variable = v, row = rep(seq_len(nrow(H)), ncol(H)), col = rep(seq_len(ncol(H)), each = nrow(H)), value = c(H))
  write(rbind(h("t", out$t$hessian), h("v", out$v$hessian)), "fit_hessian.csv")
  write(rec$fraud[[1]], "grid.csv")
  writeLines(c("key,value", paste0("units,", nrow(data)), paste0("seed,", seed), paste0("resamples,", res$resamples),
               sprintf("fraud,%.17g", res$fraud), sprintf("elapsed_seconds,%.2f", elapsed)), file.path(outdir, "summary.csv"))
} else if (mode == "seeds") {
  first <- as.integer(args[4]); lastSeed <- as.integer(args[5])
  g <- read.csv(file.path(outdir, "fit_final.csv"))
  out <- lapply(c(t = "t", v = "v"), function(v) { s <- g[g$variable == v, ]; list(alpha = s$alpha, beta = s$beta, w = s$w) })
  for (s in first:lastSeed) {
    set.seed(s)
    capture.output(r <- spikes(data, out = out))
    rec$f <- c(rec$f, r$fraud)
  }
  env <- sapply(rec$fraud, function(d) d$envelope); ms <- sapply(rec$fraud, function(d) d$mean_share)
  md <- sapply(rec$fraud, function(d) d$mean_density)
  write(data.frame(seed = first:lastSeed, fraud = rec$f), "seeds_fraud.csv")
  write(data.frame(x = rec$fraud[[1]]$x, envelope_mean = rowMeans(env), envelope_sd = apply(env, 1, sd),
                   mean_share = rowMeans(ms), mean_share_sd = apply(ms, 1, sd), mean_density = rowMeans(md),
                   mean_density_sd = apply(md, 1, sd)), "seeds_grid.csv")
}
