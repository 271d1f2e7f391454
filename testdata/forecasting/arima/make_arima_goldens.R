# Goldens for the AutoArima learner, computed with R's forecast package 8.20 (and urca for the KPSS statistic).
# Run from this folder: Rscript make_arima_goldens.R > arima_goldens.json
# The Java tests read arima_goldens.json; they need no R.
suppressPackageStartupMessages({ library(forecast); library(urca); library(jsonlite) })

air <- read.csv("../airline_passengers.csv")
hourly <- read.csv(gzfile("../../../../shared/datasets/m4_hourly/m4_hourly.csv.gz"))
weekly <- read.csv(gzfile("../../../../shared/datasets/m4_weekly/m4_weekly.csv.gz"))

m4 <- function(data, id, last) {
  s <- data[data$item_id == id & data$split == "train", ]
  tail(s$target[order(s$step)], last)
}

# The model's form as the Java fit names it: the seven orders and the constant ("none", "mean" or "drift").
constant_of <- function(fit) {
  if ("drift" %in% names(coef(fit))) "drift" else if ("intercept" %in% names(coef(fit))) "mean" else "none"
}

fit_record <- function(fit, h) {
  list(order = fit$arma[c(1, 6, 2, 3, 7, 4, 5)], constant = constant_of(fit),
       names = I(as.character(names(coef(fit)))), coef = I(as.numeric(coef(fit))), loglik = fit$loglik, aicc = fit$aicc,
       sigma2 = fit$sigma2, forecast = as.numeric(forecast(fit, h = h)$mean))
}

# Arima() of given orders: the same estimation auto.arima ends with.
fixed_fit <- function(x, order, seasonal, constant, h) {
  fit <- Arima(x, order = order, seasonal = seasonal, include.mean = constant == "mean",
               include.drift = constant == "drift")
  fit_record(fit, h)
}

# The exact log-likelihood at given coefficients (the fitted ones, ARMA parts shrunk by 0.9), nothing estimated.
loglik_at <- function(x, rec) {
  o <- rec$order
  arma <- sum(o[c(1, 3, 4, 6)])
  coefs <- rec$coef
  if (arma > 0) coefs[1:arma] <- 0.9 * coefs[1:arma]
  xreg <- if (rec$constant == "drift") cbind(drift = seq_along(x)) else NULL
  fit <- stats::arima(x, order = o[1:3], seasonal = list(order = o[4:6], period = o[7]), xreg = xreg,
                      include.mean = rec$constant == "mean", fixed = coefs, transform.pars = FALSE)
  list(coef = I(as.numeric(coefs)), loglik = fit$loglik)
}

kpss_stat <- function(y) ur.kpss(y, type = "mu", use.lag = trunc(3 * sqrt(length(y)) / 13))@teststat

golden <- function(name, y, m, extra = list()) {
  x <- ts(y, frequency = m)
  h <- if (m > 1) 2 * m else 12
  t0 <- proc.time()[["elapsed"]]
  auto <- auto.arima(x)
  secs <- proc.time()[["elapsed"]] - t0
  rec <- fit_record(auto, h)
  D <- if (m > 1 && length(y) > 2 * m) nsdiffs(x) else 0
  dx <- if (D > 0) diff(x, lag = m) else x
  tests <- list(kpss = kpss_stat(y), kpss_diff = kpss_stat(diff(y)), nsdiffs = D, ndiffs = ndiffs(dx))
  if (m > 1 && length(y) > 2 * m) tests$seasonal_strength <- forecast:::seas.heuristic(x)
  o <- rec$order
  specs <- c(list(list(order = o[1:3], seasonal = o[4:6], constant = rec$constant)), extra)
  fixed <- lapply(specs, function(s) c(list(spec = s), fixed_fit(x, s$order, s$seasonal, s$constant, h)))
  list(name = name, seasonality = m, horizon = h, r_seconds = secs, y = y, auto = rec, tests = tests,
       fixed = fixed, loglik_at = loglik_at(x, rec))
}

spec <- function(order, seasonal = c(0, 0, 0), constant = "none") list(order = order, seasonal = seasonal, constant = constant)

series <- list(
  golden("AirPassengers", air$passengers, 12, list(spec(c(0, 1, 1), c(0, 1, 1)), spec(c(1, 1, 0), c(1, 1, 0)))),
  golden("lynx", as.numeric(lynx), 1, list(spec(c(2, 0, 0), constant = "mean"), spec(c(1, 0, 1), constant = "mean"))),
  golden("WWWusage", as.numeric(WWWusage), 1, list(spec(c(1, 1, 1), constant = "drift"), spec(c(0, 2, 2)))),
  golden("USAccDeaths", as.numeric(USAccDeaths), 12, list(spec(c(0, 1, 1), c(0, 1, 1)))),
  golden("LakeHuron", as.numeric(LakeHuron), 1, list(spec(c(2, 0, 0), constant = "mean"))),
  golden("Nile", as.numeric(Nile), 1, list(spec(c(0, 1, 1), constant = "drift"))),
  golden("co2 1959-1972", as.numeric(window(co2, end = c(1972, 12))), 12),
  golden("co2 1985-1997", as.numeric(window(co2, start = c(1985, 1))), 12),
  golden("M4 hourly H300 (last 240 hours)", m4(hourly, "H300", 240), 24),
  golden("M4 hourly H400 (last 240 hours)", m4(hourly, "H400", 240), 24),
  golden("M4 weekly W1 (last 260 weeks)", m4(weekly, "W1", 260), 52),
  golden("M4 weekly W150 (last 260 weeks)", m4(weekly, "W150", 260), 52)
)

# Short series, where auto.arima's search shrinks with the length.
set.seed(1)
short <- list()
for (n in 2:8) {
  y <- round(cumsum(rnorm(n)) + 10, 4)
  short[[length(short) + 1]] <- list(seasonality = 1, y = y, auto = fit_record(auto.arima(ts(y)), 6))
}
for (n in c(13, 20, 25, 30)) {
  y <- round(10 + sin(2 * pi * (1:n) / 12) * 3 + rnorm(n) * 0.3, 4)
  short[[length(short) + 1]] <- list(seasonality = 12, y = y,
                                     auto = fit_record(auto.arima(ts(y, frequency = 12)), 6))
}

# The stationary covariance of the ARMA state (Gardner et al.'s getQ0) as makeARIMA sets it.
q0 <- function(phi, theta) {
  list(phi = I(phi), theta = I(theta), q0 = I(as.numeric(makeARIMA(phi, theta, numeric(0))$Pn)))
}
covariances <- list(q0(c(0.5, -0.3), c(0.4, 0.2, 0.1)), q0(c(1.2, -0.5, 0.1), numeric(0)),
                    q0(numeric(0), c(-0.6, 0.3)), q0(c(0.3, 0, 0, 0.5, -0.15), c(0.2)))

# R's optim(method = "BFGS") with numerical gradients, which the ARIMA estimates follow step by step.
rosenbrock <- function(x) 100 * (x[2] - x[1]^2)^2 + (1 - x[1])^2
bfgs <- lapply(list(list(parscale = c(1, 1), maxit = 100), list(parscale = c(2, 0.5), maxit = 100),
                    list(parscale = c(1, 1), maxit = 10)), function(ctl) {
  o <- optim(c(-1.2, 1), rosenbrock, method = "BFGS", control = ctl, hessian = TRUE)
  list(start = c(-1.2, 1), parscale = ctl$parscale, maxit = ctl$maxit, par = o$par, value = o$value,
       convergence = o$convergence, hessian = as.numeric(o$hessian))
})

# R's polyroot, whose roots auto.arima tests against 1.01; on the long polynomial of a seasonal model at period 52
# (here the AR part (1 - 0.111B - 0.503B^2)(1 + 0.409B^52 + 0.323B^104)) its smallest root is off the true 1.0109.
seasonal_ar <- function(ar, sar, m) {
  phi <- c(ar, rep(0, m * length(sar)))
  for (j in seq_along(sar)) {
    phi[j * m] <- phi[j * m] + sar[j]
    for (i in seq_along(ar)) phi[j * m + i] <- phi[j * m + i] - ar[i] * sar[j]
  }
  phi
}
# The polynomial is rebuilt from its factors on both sides: 15 printed digits of its coefficients would not do,
# since the algorithm's path on it is sensitive to the last bit.
polyroots <- lapply(list(list(ar = c(1.5, -0.56), sar = numeric(0), m = 1),
                         list(ar = c(-0.4, 0.2, -0.3, -0.1), sar = numeric(0), m = 1),
                         list(ar = c(0.1114658, 0.5025274), sar = c(-0.4091229, -0.3227038), m = 52),
                         list(ar = c(0.5), sar = c(0.9), m = 24)), function(f) {
  r <- polyroot(c(1, -seasonal_ar(f$ar, f$sar, f$m)))
  list(ar = I(f$ar), sar = I(f$sar), period = f$m, re = I(Re(r)), im = I(Im(r)))
})

cat(toJSON(list(r_version = R.version.string, r_forecast_version = as.character(packageVersion("forecast")),
                series = series, short = short, covariances = covariances, bfgs = bfgs, polyroots = polyroots),
           digits = NA, auto_unbox = TRUE, pretty = FALSE))
