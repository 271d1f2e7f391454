# Goldens for ExponentialSmoothing, computed with R's forecast package 8.20 (apt-get install r-cran-forecast).
# Run from this folder: Rscript make_ets_goldens.R > ets_goldens.json
# The Java tests read ets_goldens.json, which embeds every input series; CI needs no R.
suppressPackageStartupMessages({ library(forecast); library(jsonlite) })

air <- read.csv("../airline_passengers.csv")
hourly <- read.csv(gzfile("../../../../shared/datasets/m4_hourly/m4_hourly.csv.gz"))
weekly <- read.csv(gzfile("../../../../shared/datasets/m4_weekly/m4_weekly.csv.gz"))

m4 <- function(data, id, last) {
  s <- data[data$item_id == id & data$split == "train", ]
  tail(s$target[order(s$step)], last)
}

# Numbers are written with as many digits as it takes to read back the same double (jsonlite stops at 15); a
# non-finite number (a form R could not fit) becomes null.
digits <- function(v) {
  if (!is.finite(v)) return("null")
  for (d in 15:17) { s <- sprintf(paste0("%.", d, "g"), v); if (as.numeric(s) == v) return(s) }
  s
}
exact <- function(x) structure(paste0("[", paste(vapply(as.numeric(x), digits, ""), collapse = ","), "]"), class = "json")
exact1 <- function(x) structure(digits(as.numeric(x)), class = "json")

# Every form ets() tries by default, in its order, with its AICc: a near tie between two forms shows here.
forms <- function(x, fit_m) {
  out <- list()
  seasons <- if (fit_m > 1 && fit_m <= 24 && length(x) > fit_m) c("N", "A", "M") else "N"
  for (e in c("A", "M")) for (t in c("N", "A")) for (s in seasons) for (d in c(TRUE, FALSE)) {
    if (t == "N" && d) next
    if (e == "A" && s == "M") next
    if (e == "M" && min(x) <= 0) next
    f <- try(suppressWarnings(ets(x, model = paste0(e, t, s), damped = d)), silent = TRUE)
    key <- paste0(e, t, if (d) "d" else "", s)
    out[[key]] <- if (inherits(f, "try-error") || !inherits(f, "ets")) NULL else exact1(f$aicc)
  }
  out
}

golden <- function(name, y, m, source) {
  x <- ts(y, frequency = m)
  fit <- suppressWarnings(ets(x))
  h <- if (m > 1) 2 * m else 12
  c3 <- fit$components
  par <- lapply(as.list(fit$par[intersect(c("alpha", "beta", "gamma", "phi"), names(fit$par))]), exact1)
  list(name = name, source = source, seasonality = m, horizon = h, y = exact(y),
       error = c3[1], trend = c3[2], season = c3[3], damped = as.logical(c3[4]),
       aicc = exact1(fit$aicc), loglik = exact1(fit$loglik), sigma2 = exact1(fit$sigma2),
       par = par, initstate = exact(fit$initstate),
       heuristic_initstate = exact(forecast:::initstate(x, c3[2], c3[3])),
       final_state = exact(fit$states[nrow(fit$states), ]),
       forecast = exact(forecast(fit, h = h, PI = FALSE)$mean),
       forms_aicc = forms(x, m))
}

series <- list(
  golden("AirPassengers", air$passengers, 12, "testdata/forecasting/airline_passengers.csv"),
  golden("USAccDeaths", as.numeric(USAccDeaths), 12, "R datasets::USAccDeaths"),
  golden("UKgas", as.numeric(UKgas), 4, "R datasets::UKgas"),
  golden("lynx", as.numeric(lynx), 1, "R datasets::lynx"),
  golden("WWWusage", as.numeric(WWWusage), 1, "R datasets::WWWusage"),
  golden("co2 last 10 years", tail(as.numeric(co2), 120), 12, "R datasets::co2, last 120 months"),
  golden("USAccDeaths first 30 months", head(as.numeric(USAccDeaths), 30), 12,
         "R datasets::USAccDeaths, first 30 months (fewer than 3 seasons: initial states from a Fourier fit)"),
  golden("USAccDeaths differenced", diff(as.numeric(USAccDeaths)), 12,
         "R diff(datasets::USAccDeaths) (negative values: additive errors only)"),
  golden("M4 hourly H1", m4(hourly, "H1", 240), 24, "M4 hourly H1, last 240 training hours"),
  golden("M4 hourly H300", m4(hourly, "H300", 240), 24, "M4 hourly H300, last 240 training hours"),
  golden("M4 hourly H400", m4(hourly, "H400", 240), 24, "M4 hourly H400, last 240 training hours"),
  golden("M4 weekly W1", m4(weekly, "W1", 160), 52, "M4 weekly W1, last 160 training weeks (m > 24: no seasons)"),
  golden("M4 weekly W150", m4(weekly, "W150", 160), 52, "M4 weekly W150, last 160 training weeks (m > 24: no seasons)"))

# R's admissible-region test on a grid of seasonal parameters (beta = beta_share * alpha, gamma = gamma_share *
# (1 - alpha)), in the grid's order (m slowest, then alpha, beta_share, gamma_share, phi): its verdicts, and the largest
# root modulus of the characteristic polynomial that decides the hard cases (12 significant digits).
grid <- list(m = c(4, 12, 24), alpha = seq(0.1, 0.9, by = 0.2), beta_share = c(0, 0.3, 0.9),
             gamma_share = c(1e-4, 0.3, 0.7, 0.99), phi = c(0.8, 0.9, 0.98, 1))
verdicts <- character(0); roots <- numeric(0)
for (m in grid$m) for (alpha in grid$alpha) for (bs in grid$beta_share) for (gs in grid$gamma_share) for (phi in grid$phi) {
  beta <- bs * alpha; gamma <- gs * (1 - alpha)
  verdicts <- c(verdicts, if (forecast:::admissible(alpha, beta, gamma, phi, m)) "1" else "0")
  P <- c(phi * (1 - alpha - gamma), alpha + beta - alpha * phi + gamma - 1, rep(alpha + beta - alpha * phi, m - 2),
         alpha + beta - phi, 1)
  roots <- c(roots, max(Mod(polyroot(P))))
}
admissible <- c(lapply(grid, exact), list(verdicts = paste(verdicts, collapse = ""),
  max_root = structure(paste0("[", paste(sprintf("%.12g", roots), collapse = ","), "]"), class = "json")))

cat(toJSON(list(r_forecast_version = as.character(packageVersion("forecast")), series = series,
                admissible = admissible),
           auto_unbox = TRUE, null = "null", json_verbatim = TRUE))
cat("\n")
