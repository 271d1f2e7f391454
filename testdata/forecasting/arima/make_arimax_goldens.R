# Goldens for regression with ARIMA errors, auto.arima(y, xreg = X) in R's forecast package 8.20.
# Run from this folder: Rscript make_arimax_goldens.R > arimax_goldens.json
# The Java tests read arimax_goldens.json; they need no R.
suppressPackageStartupMessages({ library(forecast); library(urca); library(jsonlite) })

# The columns the Java side keeps: none constant over the series (forecast's is.constant), then those R's qr (LINPACK
# dqrdc2, tolerance 1e-7) leaves in place with an intercept in front, i.e. not rank deficient.
kept_columns <- function(X) {
  keep <- which(!apply(X, 2, forecast:::is.constant))
  if (length(keep) == 0) return(integer(0))
  q <- qr(cbind(1, X[, keep, drop = FALSE]), tol = 1e-7)
  keep[sort(q$pivot[seq_len(q$rank)][-1] - 1)]
}

golden <- function(name, y, X, Xf, m, note = "") {
  colnames(X) <- colnames(Xf) <- paste0("xreg", seq_len(ncol(X)))
  keep <- kept_columns(X)
  r_full <- tryCatch({ auto.arima(ts(y, frequency = m), xreg = X); "fits" },
                     error = function(e) conditionMessage(e))
  Xk <- X[, keep, drop = FALSE]
  t0 <- proc.time()[["elapsed"]]
  fit <- auto.arima(ts(y, frequency = m), xreg = Xk)
  secs <- proc.time()[["elapsed"]] - t0
  fc <- forecast(fit, xreg = Xf[, keep, drop = FALSE])
  o <- fit$arma[c(1, 6, 2, 3, 7, 4, 5)]
  # The differencing tests on the residuals of lm(y ~ X), as auto.arima makes them.
  xx <- residuals(lm(y ~ Xk))
  list(name = name, note = note, seasonality = m, horizon = nrow(Xf), r_seconds = secs,
       y = y, xreg = unname(X), future_xreg = unname(Xf), kept = I(keep - 1L),
       r_with_all_columns = r_full,
       model = forecast:::arima.string(fit, padding = FALSE), order = o,
       names = I(as.character(names(coef(fit)))), coef = I(as.numeric(coef(fit))),
       var_coef = I(as.numeric(diag(fit$var.coef))),
       sigma2 = fit$sigma2, loglik = fit$loglik, aicc = fit$aicc,
       residuals_lm = xx, forecast = as.numeric(fc$mean))
}

series <- list()
add <- function(g) series[[length(series) + 1]] <<- g

# LakeHuron on a linear trend: the trend explains the level, the errors are stationary.
lh <- as.numeric(LakeHuron)
n <- length(lh)
add(golden("LakeHuron ~ trend", lh, cbind(trend = 1:n), cbind(trend = n + 1:10), 1))

# Seatbelts: drivers killed or seriously injured on petrol price and the seat belt law (monthly, longer than 150
# values, so searched by the CSS approximation); the last 12 months are the future.
sb <- as.matrix(Seatbelts)
tr <- 1:180
fu <- 181:192
add(golden("Seatbelts drivers ~ PetrolPrice + law", as.numeric(sb[tr, "drivers"]),
           sb[tr, c("PetrolPrice", "law")], sb[fu, c("PetrolPrice", "law")], 12))
# UKDriverDeaths before the law (1969-1979): the law column is all zero, so constant; R with it refuses.
tr <- 1:132
fu <- 133:144
add(golden("UKDriverDeaths 1969-1979 ~ PetrolPrice + kms + law (constant)", as.numeric(sb[tr, "DriversKilled"]),
           sb[tr, c("PetrolPrice", "kms", "law")], sb[fu, c("PetrolPrice", "kms", "law")], 12,
           "law is 0 throughout: dropped"))

set.seed(42)
# airmiles (annual) with a synthetic regressor.
am <- as.numeric(airmiles)
z <- round(rnorm(length(am) + 5), 4)
add(golden("airmiles ~ synthetic", am + 2000 * z[1:length(am)], cbind(z = z[1:length(am)]),
           cbind(z = z[length(am) + 1:5]), 1))
# austres (quarterly) with a synthetic regressor.
au <- as.numeric(austres)
z <- round(rnorm(length(au) + 8), 4)
add(golden("austres ~ synthetic", au + 15 * z[1:length(au)], cbind(z = z[1:length(au)]),
           cbind(z = z[length(au) + 1:8]), 4))
# USAccDeaths (monthly, a seasonal difference) with a synthetic regressor.
ua <- as.numeric(USAccDeaths)
z <- round(rnorm(length(ua) + 24), 4)
add(golden("USAccDeaths ~ synthetic", ua + 300 * z[1:length(ua)], cbind(z = z[1:length(ua)]),
           cbind(z = z[length(ua) + 1:24]), 12))
# A random walk with drift plus two regressors: one difference, drift as an extra column.
n <- 120
z1 <- round(rnorm(n + 12), 4)
z2 <- round(runif(n + 12), 4)
y <- round(cumsum(0.4 + rnorm(n)) + 3 * z1[1:n] - 2 * z2[1:n], 4)
add(golden("random walk with drift ~ two regressors", y, cbind(z1 = z1[1:n], z2 = z2[1:n]),
           cbind(z1 = z1[n + 1:12], z2 = z2[n + 1:12]), 1))
# Two collinear columns (the third is z1 + 2 z2): dropped before fitting, as R would find xreg rank deficient.
X <- cbind(z1 = z1, z2 = z2, z3 = z1[1:(n + 12)] + 2 * z2)
add(golden("random walk with drift ~ collinear regressors", y, X[1:n, ], X[n + 1:12, ], 1,
           "z3 = z1 + 2 z2: dropped"))
# A stationary AR(1) around a mean with a constant column and a real one.
n <- 100
z <- round(rnorm(n + 10), 4)
e <- as.numeric(arima.sim(list(ar = 0.6), n))
y <- round(50 + 4 * z[1:n] + e, 4)
add(golden("AR(1) ~ regressor + constant column", y, cbind(z = z[1:n], one = 5),
           cbind(z = z[n + 1:10], one = 5), 1, "the constant column is dropped"))

# A random walk on a linear trend: KPSS on the residuals asks for a difference, which would make the trend constant,
# so auto.arima takes none.
set.seed(11)
n <- 90
y <- round(cumsum(rnorm(n)) + 0.5 * (1:n), 4)
add(golden("random walk on a trend (difference not taken)", y, cbind(trend = 1:n), cbind(trend = n + 1:10), 1))

# Azure's orange juice sales: store 8's dominicks brand, Quantity on Price and Advert, weekly (frequency 52); the
# test file's 20 weeks give the future regressors.
oj <- read.csv("../oj-sales-train.csv")
ojt <- read.csv("../oj-sales-test.csv")
s <- oj[oj$Store == 8 & oj$Brand == "dominicks", ]
s <- s[order(s$WeekStarting), ]
st <- ojt[ojt$Store == 8 & ojt$Brand == "dominicks", ]
st <- st[order(st$WeekStarting), ]
add(golden("OJ store 8 dominicks Quantity ~ Price + Advert", as.numeric(s$Quantity),
           as.matrix(s[, c("Price", "Advert")]), as.matrix(st[, c("Price", "Advert")]), 52))
s <- oj[oj$Store == 5 & oj$Brand == "tropicana", ]
s <- s[order(s$WeekStarting), ]
st <- ojt[ojt$Store == 5 & ojt$Brand == "tropicana", ]
st <- st[order(st$WeekStarting), ]
add(golden("OJ store 5 tropicana Quantity ~ Price + Advert", as.numeric(s$Quantity),
           as.matrix(s[, c("Price", "Advert")]), as.matrix(st[, c("Price", "Advert")]), 52))

cat(toJSON(list(r_version = R.version.string, r_forecast_version = as.character(packageVersion("forecast")),
                series = series), digits = NA, auto_unbox = TRUE, pretty = FALSE, matrix = "rowmajor"))
