# Goldens for SeriesFit.updated: a model fitted on a series' first n - k values, then applied, its parameters
# unchanged, to the whole series as R's forecast package 8.20 does it (Arima(y, model = fit), ets(y, model = fit,
# use.initial.values = TRUE)), and the forecasts of the h steps after the series' end.
# Run from this folder: Rscript make_update_goldens.R > update_goldens.json
# The Java tests read update_goldens.json, which embeds every input series; they need no R.
suppressPackageStartupMessages({ library(forecast); library(jsonlite) })

air <- read.csv("../airline_passengers.csv")$passengers

# Numbers are written with as many digits as it takes to read back the same double (jsonlite stops at 15).
digits <- function(v) {
  if (!is.finite(v)) return("null")
  for (d in 15:17) { s <- sprintf(paste0("%.", d, "g"), v); if (as.numeric(s) == v) return(s) }
  s
}
exact <- function(x) structure(paste0("[", paste(vapply(as.numeric(x), digits, ""), collapse = ","), "]"), class = "json")
exact1 <- function(x) structure(digits(as.numeric(x)), class = "json")
rows <- function(X) structure(paste0("[", paste(apply(X, 1, function(r) unclass(exact(r))), collapse = ","), "]"),
                              class = "json")

# ETS: the form R chooses for the first n - k values (or the one given), then the model applied to all n.
ets_case <- function(name, y, m, k, h, source, model = "ZZZ", damped = NULL) {
  n <- length(y)
  x <- ts(y, frequency = m)
  train <- ts(head(y, n - k), frequency = m)
  fit <- ets(train, model = model, damped = damped)
  up <- ets(x, model = fit, use.initial.values = TRUE)
  c3 <- fit$components
  par <- lapply(as.list(fit$par[intersect(c("alpha", "beta", "gamma", "phi"), names(fit$par))]), exact1)
  list(name = name, source = source, seasonality = m, k = k, horizon = h, y = exact(y),
       error = c3[1], trend = c3[2], season = c3[3], damped = as.logical(c3[4]),
       par = par, n_par = length(fit$par), initstate = exact(fit$initstate), sigma2 = exact1(fit$sigma2),
       final_state = exact(fit$states[nrow(fit$states), ]),
       forecast = exact(forecast(fit, h = k + h, PI = FALSE)$mean),
       updated_sigma2 = exact1(up$sigma2),
       updated_final_state = exact(up$states[nrow(up$states), ]),
       updated_forecast = exact(forecast(up, h = h, PI = FALSE)$mean))
}

# ARIMA: the given orders fitted to the first n - k values (Arima's CSS-ML), then the model applied to all n with the
# regressors' n rows; forecasts from the training end for k + h steps and from the series' end for h steps, the future
# regressors Xf giving the h steps after the series' end.
arima_case <- function(name, y, m, k, h, order, seasonal, constant, source, X = NULL, Xf = NULL) {
  n <- length(y)
  x <- ts(y, frequency = m)
  train <- ts(head(y, n - k), frequency = m)
  s <- list(order = seasonal, period = m)
  mean <- constant == "mean"
  drift <- constant == "drift"
  if (is.null(X)) {
    fit <- Arima(train, order = order, seasonal = s, include.mean = mean, include.drift = drift)
    up <- Arima(x, model = fit)
    fc <- forecast(fit, h = k + h)$mean
    ufc <- forecast(up, h = h)$mean
  } else {
    colnames(X) <- colnames(Xf) <- paste0("xreg", seq_len(ncol(X)))
    fit <- Arima(train, order = order, seasonal = s, include.mean = mean, include.drift = drift,
                 xreg = X[1:(n - k), , drop = FALSE])
    up <- Arima(x, model = fit, xreg = X)
    fc <- forecast(fit, xreg = rbind(X[(n - k + 1):n, , drop = FALSE], Xf))$mean
    ufc <- forecast(up, xreg = Xf)$mean
  }
  out <- list(name = name, source = source, seasonality = m, k = k, horizon = h, y = exact(y),
              order = c(order, seasonal, m), constant = constant,
              names = I(names(coef(fit))), coef = exact(coef(fit)), loglik = exact1(fit$loglik),
              forecast = exact(fc), updated_forecast = exact(ufc))
  if (!is.null(X)) {
    out$xreg <- rows(X)
    out$future_xreg <- rows(Xf)
  }
  out
}

ets_series <- list(
  ets_case("AirPassengers", air, 12, 12, 24, "testdata/forecasting/airline_passengers.csv"),
  ets_case("AirPassengers M,N,M", air, 12, 12, 24, "testdata/forecasting/airline_passengers.csv", model = "MNM"),
  ets_case("USAccDeaths", as.numeric(USAccDeaths), 12, 6, 12, "R datasets::USAccDeaths"),
  ets_case("USAccDeaths A,Ad,A", as.numeric(USAccDeaths), 12, 6, 12, "R datasets::USAccDeaths", model = "AAA",
           damped = TRUE),
  ets_case("UKgas", as.numeric(UKgas), 4, 8, 8, "R datasets::UKgas"),
  ets_case("WWWusage", as.numeric(WWWusage), 1, 10, 10, "R datasets::WWWusage"),
  ets_case("lynx", as.numeric(lynx), 1, 5, 10, "R datasets::lynx"),
  ets_case("co2 last 10 years", tail(as.numeric(co2), 120), 12, 12, 24, "R datasets::co2, last 120 months"))

sb <- as.matrix(Seatbelts)
set.seed(20)
n <- 120
z1 <- round(rnorm(n + 12), 4)
z2 <- round(runif(n + 12), 4)
rw <- round(cumsum(0.4 + rnorm(n)) + 3 * z1[1:n] - 2 * z2[1:n], 4)
ua <- as.numeric(USAccDeaths)
z <- round(rnorm(length(ua) + 12), 4)
lh <- as.numeric(LakeHuron)
nlh <- length(lh)

arima_series <- list(
  arima_case("AirPassengers ARIMA(2,1,1)(0,1,0)[12]", air, 12, 12, 24, c(2, 1, 1), c(0, 1, 0), "none",
             "testdata/forecasting/airline_passengers.csv"),
  arima_case("AirPassengers ARIMA(0,1,1)(0,1,1)[12]", air, 12, 12, 24, c(0, 1, 1), c(0, 1, 1), "none",
             "testdata/forecasting/airline_passengers.csv"),
  arima_case("USAccDeaths ARIMA(0,1,1)(0,1,1)[12]", as.numeric(USAccDeaths), 12, 6, 12, c(0, 1, 1), c(0, 1, 1), "none",
             "R datasets::USAccDeaths"),
  arima_case("lynx ARIMA(2,0,2) with mean", as.numeric(lynx), 1, 8, 10, c(2, 0, 2), c(0, 0, 0), "mean",
             "R datasets::lynx"),
  arima_case("WWWusage ARIMA(1,1,1)", as.numeric(WWWusage), 1, 10, 10, c(1, 1, 1), c(0, 0, 0), "none",
             "R datasets::WWWusage"),
  arima_case("BJsales ARIMA(1,1,1) with drift", as.numeric(BJsales), 1, 10, 10, c(1, 1, 1), c(0, 0, 0), "drift",
             "R datasets::BJsales"),
  arima_case("co2 1985-1997 ARIMA(1,0,1)(0,1,1)[12] with drift", as.numeric(window(co2, start = c(1985, 1))), 12, 12,
             24, c(1, 0, 1), c(0, 1, 1), "drift", "R datasets::co2 from 1985"),
  arima_case("Seatbelts drivers ~ PetrolPrice + law, ARIMA(1,0,3)(0,1,1)[12]", as.numeric(sb[1:180, "drivers"]), 12, 8,
             12, c(1, 0, 3), c(0, 1, 1), "none", "R datasets::Seatbelts; the law starts at value 170",
             X = sb[1:180, c("PetrolPrice", "law")], Xf = sb[181:192, c("PetrolPrice", "law")]),
  arima_case("LakeHuron ~ trend, ARIMA(1,0,1) with mean", lh, 1, 8, 10, c(1, 0, 1), c(0, 0, 0), "mean",
             "R datasets::LakeHuron", X = cbind(trend = 1:nlh), Xf = cbind(trend = nlh + 1:10)),
  arima_case("random walk with drift ~ two regressors, ARIMA(0,1,1) with drift", rw, 1, 10, 12, c(0, 1, 1), c(0, 0, 0),
             "drift", "synthetic (set.seed(20))", X = cbind(z1[1:n], z2[1:n]), Xf = cbind(z1[n + 1:12], z2[n + 1:12])),
  arima_case("USAccDeaths ~ synthetic, ARIMA(0,1,1)(0,1,1)[12]", ua + 300 * z[seq_along(ua)], 12, 6, 12, c(0, 1, 1),
             c(0, 1, 1), "none", "R datasets::USAccDeaths plus 300 times a synthetic regressor",
             X = cbind(z[seq_along(ua)]), Xf = cbind(z[length(ua) + 1:12])))

# A series longer than AutoArima's MAX_HISTORY (2,000): auto.arima's model of the last 2,000 training values, applied
# to those and the k new ones.
set.seed(7)
long_n <- 2150
long_k <- 10
w <- as.numeric(arima.sim(list(ar = 0.5), long_n + long_k))
long_y <- round(100 + cumsum(0.3 + w), 4)
recent <- tail(head(long_y, long_n), 2000)
long_fit <- auto.arima(ts(recent))
long_up <- Arima(ts(c(recent, tail(long_y, long_k))), model = long_fit)
long <- list(name = "random walk with drift, 2,150 training values", y = exact(long_y), k = long_k, horizon = 10,
             model = forecast:::arima.string(long_fit, padding = FALSE), coef = exact(coef(long_fit)),
             forecast = exact(forecast(long_fit, h = long_k + 10)$mean),
             updated_forecast = exact(forecast(long_up, h = 10)$mean))

cat(toJSON(list(r_version = R.version.string, r_forecast_version = as.character(packageVersion("forecast")),
                ets = ets_series, arima = arima_series, long = long),
           auto_unbox = TRUE, null = "null", json_verbatim = TRUE))
cat("\n")
