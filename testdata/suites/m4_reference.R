# R's forecast package on the M4 benchmark suite's datasets (m4.yml): auto.arima, ets and Naive2 on each series'
# training values, forecasting its last h held-out values; sMAPE and MASE as M4 defines them (MASE's seasonal
# period: 1 for weekly, 24 for hourly), averaged over the series, OWA against Naive2, and the wall time of each
# method over all series. Run from this folder (needs r-cran-forecast):
#   Rscript m4_reference.R weekly   # or: hourly
#   Rscript m4_reference.R hourly ets   # only some methods (Naive2 always runs: OWA divides by it)
# Each method's line is printed as soon as it is done.
suppressPackageStartupMessages(library(forecast))

args <- commandArgs(trailingOnly = TRUE)
which <- args[1]
cfg <- switch(which,
  weekly = list(file = "../../../shared/datasets/m4_weekly/m4_weekly.csv.gz", h = 13, m = 52, mase_m = 1),
  hourly = list(file = "../../../shared/datasets/m4_hourly/m4_hourly.csv.gz", h = 48, m = 24, mase_m = 24))

SeasonalityTest <- function(input, ppy) {
  if (length(input) < 3 * ppy) return(FALSE)
  xacf <- acf(input, plot = FALSE)$acf[-1, 1, 1]
  clim <- 1.645 / sqrt(length(input)) * sqrt(cumsum(c(1, 2 * xacf^2)))
  test <- abs(xacf[ppy]) > clim[ppy]
  if (is.na(test)) FALSE else test
}
naive2 <- function(y, h, freq) {
  if (freq > 1 && SeasonalityTest(y, freq)) {
    dec <- decompose(ts(y, frequency = freq), type = "multiplicative")
    si <- head(rep(dec$seasonal[(length(y) - freq + 1):length(y)], h), h)
    return(as.numeric(naive(y / dec$seasonal, h = h)$mean) * si)
  }
  as.numeric(naive(y, h = h)$mean)
}
smape <- function(a, f) mean(200 * abs(a - f) / (abs(a) + abs(f)))
mase <- function(insample, a, f, m) {
  lag <- if (length(insample) > m) m else 1
  mean(abs(a - f)) / mean(abs(diff(insample, lag = lag)))
}

data <- read.csv(gzfile(cfg$file))
ids <- unique(data$item_id)
methods <- list(
  Naive2 = function(y) naive2(y, cfg$h, cfg$mase_m),
  ets = function(y) as.numeric(forecast(ets(ts(y, frequency = cfg$m)), h = cfg$h)$mean),
  auto.arima = function(y) as.numeric(forecast(auto.arima(ts(y, frequency = cfg$m)), h = cfg$h)$mean))
wanted <- if (length(args) > 1) unique(c("Naive2", args[-1])) else names(methods)
scores <- list()
for (name in intersect(names(methods), wanted)) {
  s <- numeric(0); q <- numeric(0)
  t0 <- Sys.time()
  for (id in ids) {
    d <- data[data$item_id == id, ]
    d <- d[order(d$step), ]
    y <- d$target
    n <- length(y) - cfg$h
    train <- y[1:n]; test <- y[(n + 1):length(y)]
    f <- methods[[name]](train)
    s <- c(s, smape(test, f)); q <- c(q, mase(train, test, f, cfg$mase_m))
  }
  secs <- as.numeric(difftime(Sys.time(), t0, units = "secs"))
  v <- c(mean(s), mean(q), secs)
  scores[[name]] <- v
  owa <- 0.5 * (v[1] / scores$Naive2[1] + v[2] / scores$Naive2[2])
  cat(sprintf("%s %s: sMAPE %.3f MASE %.3f OWA %.3f seconds %.0f\n", which, name, v[1], v[2], owa, v[3]))
  flush.console()
}
