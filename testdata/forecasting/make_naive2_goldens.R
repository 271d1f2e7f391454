# Goldens for the M4 benchmark's Naive2 and seasonality test, with the M4 competition's own definitions
# (Mcompetitions/M4-methods, "Benchmarks and Evaluation.R"): R's decompose and naive, forecast 8.20.
# Run from this folder: Rscript make_naive2_goldens.R > naive2_goldens.json
suppressPackageStartupMessages({ library(forecast); library(jsonlite) })

SeasonalityTest <- function(input, ppy) {
  tcrit <- 1.645
  if (length(input) < 3 * ppy) return(FALSE)
  xacf <- acf(input, plot = FALSE)$acf[-1, 1, 1]
  clim <- tcrit / sqrt(length(input)) * sqrt(cumsum(c(1, 2 * xacf^2)))
  test <- abs(xacf[ppy]) > clim[ppy]
  if (is.na(test)) FALSE else test
}

naive2 <- function(input, fh, frequency) {
  seasonal <- frequency > 1 && SeasonalityTest(input, frequency)
  if (seasonal) {
    dec <- decompose(ts(input, frequency = frequency), type = "multiplicative")
    des <- input / dec$seasonal
    si <- head(rep(dec$seasonal[(length(dec$seasonal) - frequency + 1):length(dec$seasonal)], fh), fh)
  } else {
    des <- input
    si <- rep(1, fh)
  }
  list(seasonal = seasonal, forecast = as.numeric(naive(des, h = fh)$mean) * si)
}

hourly <- read.csv(gzfile("../../../shared/datasets/m4_hourly/m4_hourly.csv.gz"))
weekly <- read.csv(gzfile("../../../shared/datasets/m4_weekly/m4_weekly.csv.gz"))
series <- list()
add <- function(data, id, n, frequency, h) {
  s <- data[data$item_id == id & data$split == "train", ]
  y <- tail(s$target[order(s$step)], n)
  r <- naive2(y, h, frequency)
  series[[length(series) + 1]] <<- list(name = id, frequency = frequency, horizon = h, y = y,
                                        seasonal = r$seasonal, naive2 = r$forecast)
}
add(hourly, "H1", 300, 24, 48)
add(hourly, "H150", 300, 24, 48)
add(hourly, "H300", 300, 24, 48)
add(weekly, "W10", 120, 1, 13)
cat(toJSON(list(r_forecast_version = as.character(packageVersion("forecast")), series = series),
           digits = NA, auto_unbox = TRUE, pretty = TRUE))
