# Goldens for Prophet, computed with R's prophet package 1.0 (Debian's r-cran-prophet, rstan 2.21).
# Run from this folder: Rscript make_prophet_goldens.R > prophet_goldens.json
# The Java tests read prophet_goldens.json, which embeds every input series; CI needs no R.
suppressPackageStartupMessages({ library(prophet); library(jsonlite) })

air <- read.csv("../airline_passengers.csv")
shared <- "../../../../shared"
hourly <- read.csv(gzfile(file.path(shared, "datasets/m4_hourly/m4_hourly.csv.gz")))
weekly <- read.csv(gzfile(file.path(shared, "datasets/m4_weekly/m4_weekly.csv.gz")))
bike <- read.csv(file.path(shared, "datasets/bike_sharing_daily/bike_sharing_daily.csv"))
bike_azure <- read.csv(file.path(shared,
  "azure-examples/cli/jobs/automl-standalone-jobs/cli-automl-forecasting-bike-share/training-mltable-folder/bike-share-train.csv"))

m4 <- function(data, id, last) {
  s <- data[data$item_id == id & data$split == "train", ]
  tail(s$target[order(s$step)], last)
}

# Numbers are written with as many digits as it takes to read back the same double (jsonlite stops at 15); a
# missing value becomes null.
digits <- function(v) {
  if (!is.finite(v)) return("null")
  for (d in 15:17) { s <- sprintf(paste0("%.", d, "g"), v); if (as.numeric(s) == v) return(s) }
  s
}
exact <- function(x) structure(paste0("[", paste(vapply(as.numeric(x), digits, ""), collapse = ","), "]"), class = "json")
exact1 <- function(x) structure(digits(as.numeric(x)), class = "json")

# Stan's L-BFGS treats the Laplace prior's kinks at delta = 0 as smooth and stops short of the optimum (R's own
# Newton fallback stops short too). So each series also gets the exact optimum of the same density: Prophet's own
# compiled Stan model gives the log density and its gradient (rstan::log_prob), each delta is split into positive
# and negative parts so that |delta| is linear on bounds, and R's optim L-BFGS-B climbs from Stan's answer until the
# relative gain is at the level of rounding.
exact_map <- function(fit) {
  history <- fit$history
  out <- prophet:::make_all_seasonality_features(fit, history)
  dat <- list(T = nrow(history), K = ncol(out$seasonal.features), S = length(fit$changepoints.t),
    y = history$y_scaled, t = history$t, t_change = array(fit$changepoints.t), X = as.matrix(out$seasonal.features),
    sigmas = array(out$prior.scales), tau = fit$changepoint.prior.scale, trend_indicator = 0,
    s_a = array(out$component.cols$additive_terms), s_m = array(out$component.cols$multiplicative_terms),
    cap = rep(0, nrow(history)))
  p <- fit$params
  init <- list(k = p$k, m = p$m, delta = array(c(p$delta)), sigma_obs = p$sigma_obs, beta = array(c(p$beta)))
  sf <- suppressWarnings(rstan::sampling(prophet:::stanmodels$prophet, data = dat, iter = 1, chains = 1,
    algorithm = "Fixed_param", init = list(init), refresh = 0))
  S <- dat$S; K <- dat$K; tau <- dat$tau
  unpack <- function(z) list(k = z[1], m = z[2], delta = array(z[3:(2 + S)] - z[(3 + S):(2 + 2 * S)]),
    sigma_obs = exp(z[3 + 2 * S]), beta = array(z[(4 + 2 * S):(3 + 2 * S + K)]))
  upars <- function(z) rstan::unconstrain_pars(sf, unpack(z))
  f <- function(z) {
    -rstan::log_prob(sf, upars(z), adjust_transform = FALSE) - sum(abs(unpack(z)$delta)) / tau +
      sum(z[3:(2 + 2 * S)]) / tau
  }
  g <- function(z) {
    gr <- attr(rstan::log_prob(sf, upars(z), adjust_transform = FALSE, gradient = TRUE), "gradient")
    # The unconstrained parameters are k, m, delta, log sigma, beta.
    gd <- -gr[3:(2 + S)] - sign(unpack(z)$delta) / tau
    c(-gr[1], -gr[2], gd + 1 / tau, -gd + 1 / tau, -gr[3 + S], -gr[(4 + S):(3 + S + K)])
  }
  z0 <- c(p$k, p$m, pmax(c(p$delta), 0), pmax(-c(p$delta), 0), log(p$sigma_obs), c(p$beta))
  o <- optim(z0, f, g, method = "L-BFGS-B", lower = c(-Inf, -Inf, rep(0, 2 * S), -Inf, rep(-Inf, K)),
    control = list(factr = 1, pgtol = 0, maxit = 100000, lmm = 20))
  u <- unpack(o$par)
  list(par = u, value = -o$value, message = o$message)
}

# The Java learner sees equally spaced values, a step of step_days apart; so do these fits: the dates are exactly
# step_days * 86400 seconds apart (a month is 365.25 / 12 days), starting at `start` (GMT). Prophet's Fourier
# terms are phased from 1970-01-01, so the first date's distance from it (origin_days) is recorded too.
golden <- function(name, source, y, step_days, start, horizon, settings = list()) {
  start <- as.POSIXct(start, tz = "GMT")
  ds <- start + (seq_along(y) - 1) * step_days * 86400
  df <- data.frame(ds = ds, y = y)
  args <- utils::modifyList(list(df = df, growth = "linear", n.changepoints = 25, changepoint.range = 0.8,
    yearly.seasonality = "auto", weekly.seasonality = "auto", daily.seasonality = "auto",
    seasonality.mode = "additive", seasonality.prior.scale = 10, changepoint.prior.scale = 0.05,
    uncertainty.samples = 0), settings)
  set.seed(1)
  elapsed <- system.time(fit <- suppressMessages(do.call(prophet, args)))[["elapsed"]]
  future <- data.frame(ds = max(ds) + (1:horizon) * step_days * 86400)
  yhat <- predict(fit, future)$yhat
  p <- fit$params
  e <- exact_map(fit)
  exact_fit <- fit
  exact_fit$params <- list(k = e$par$k, m = e$par$m, delta = matrix(e$par$delta, nrow = 1),
    beta = matrix(e$par$beta, nrow = 1), sigma_obs = e$par$sigma_obs)
  if (fit$n.changepoints == 0) {
    exact_fit$params$k <- e$par$k + e$par$delta[1]
    exact_fit$params$delta <- matrix(0, nrow = 1, ncol = 1)
  }
  exact_yhat <- predict(exact_fit, future)$yhat
  list(name = name, source = source, step_days = exact1(step_days),
       origin_days = exact1(as.numeric(difftime(start, as.POSIXct("1970-01-01", tz = "GMT"), units = "days"))),
       settings = lapply(settings, function(v) if (is.numeric(v)) exact1(v) else v),
       y = exact(y), horizon = horizon,
       algorithm = if (sum(!is.na(y)) < 100) "Newton" else "LBFGS",
       return_code = fit$stan.fit$return_code, log_posterior = exact1(fit$stan.fit$value),
       seconds = elapsed, y_scale = exact1(fit$y.scale),
       changepoints_t = exact(fit$changepoints.t),
       seasonalities = lapply(names(fit$seasonalities), function(s) list(name = s,
         period = exact1(fit$seasonalities[[s]]$period), order = fit$seasonalities[[s]]$fourier.order)),
       k = exact1(p$k), m = exact1(p$m), delta = exact(p$delta), beta = exact(p$beta),
       sigma_obs = exact1(p$sigma_obs), yhat = exact(yhat),
       exact_map = list(k = exact1(exact_fit$params$k), m = exact1(e$par$m), delta = exact(exact_fit$params$delta),
         beta = exact(e$par$beta), sigma_obs = exact1(e$par$sigma_obs), log_posterior = exact1(e$value),
         optim = e$message, yhat = exact(exact_yhat)))
}

# A smooth daily series with a trend change, yearly and weekly cycles and noise, with missing values sprinkled in.
set.seed(20240601)
n <- 800
tt <- 0:(n - 1)
synthetic <- 50 + 0.02 * tt + 0.03 * pmax(0, tt - 500) + 8 * sin(2 * pi * tt / 365.25) + 3 * cos(2 * pi * tt / 7) +
  rnorm(n, 0, 1.5)
synthetic[c(17, 18, 19, 250, 433, 611, 700)] <- NA
synthetic <- round(synthetic, 3)

usacc <- as.numeric(USAccDeaths)
series <- list(
  golden("AirPassengers additive", "testdata/forecasting/airline_passengers.csv (R datasets::AirPassengers)",
         air$passengers, 365.25 / 12, "1949-01-01", 24),
  golden("AirPassengers multiplicative", "testdata/forecasting/airline_passengers.csv (R datasets::AirPassengers)",
         air$passengers, 365.25 / 12, "1949-01-01", 24, list(seasonality.mode = "multiplicative")),
  golden("co2 last 10 years", "R datasets::co2, last 120 months", tail(as.numeric(co2), 120), 365.25 / 12,
         "1988-01-01", 24),
  golden("USAccDeaths", "R datasets::USAccDeaths (72 months: R fits it by Newton)", usacc, 365.25 / 12,
         "1973-01-01", 24),
  golden("USAccDeaths first 24 months", "R datasets::USAccDeaths, first 24 months (short: Newton, no season)",
         usacc[1:24], 365.25 / 12, "1973-01-01", 12),
  golden("bike sharing daily", "shared/datasets/bike_sharing_daily cnt (UCI, 2011-2012, 731 days)", bike$cnt, 1,
         "2011-01-01", 60),
  golden("bike share Azure train", "Azure example cli-automl-forecasting-bike-share training cnt (609 days)",
         bike_azure$cnt, 1, "2011-01-01", 30),
  golden("bike share Azure train, other settings", "as above, with changepoint and seasonality settings changed",
         bike_azure$cnt, 1, "2011-01-01", 30, list(changepoint.prior.scale = 0.5, seasonality.prior.scale = 0.1,
         n.changepoints = 10, changepoint.range = 0.9, yearly.seasonality = TRUE, weekly.seasonality = FALSE)),
  golden("synthetic daily with missing values", "make_prophet_goldens.R, seed 20240601, 7 values missing",
         synthetic, 1, "2015-03-01", 60),
  golden("M4 hourly H1", "M4 hourly H1, last 500 training hours", m4(hourly, "H1", 500), 1 / 24,
         "2016-01-01", 48),
  golden("M4 hourly H200", "M4 hourly H200, last 500 training hours", m4(hourly, "H200", 500), 1 / 24,
         "2016-01-01", 48),
  golden("M4 hourly H72 multiplicative", "M4 hourly H72, last 700 training hours", m4(hourly, "H72", 700), 1 / 24,
         "2016-01-01", 48, list(seasonality.mode = "multiplicative")),
  golden("M4 weekly W1", "M4 weekly W1, last 260 training weeks", m4(weekly, "W1", 260), 7, "2010-01-03", 26),
  golden("M4 weekly W53", "M4 weekly W53, last 400 training weeks (Stan stops 15 below the optimum)",
         m4(weekly, "W53", 400), 7, "2010-01-03", 26)
)

cat(toJSON(list(prophet_version = as.character(packageVersion("prophet")),
                rstan_version = as.character(packageVersion("rstan")),
                r_version = R.version.string, series = series), auto_unbox = TRUE, null = "null", json_verbatim = TRUE))
cat("\n")
