# Goldens for the series models, computed with R's forecast package (8.20; apt-get install r-cran-forecast).
# Run from this folder: Rscript make_goldens.R > goldens.json
# The Java tests read goldens.json; CI needs no R.
suppressPackageStartupMessages({ library(forecast); library(jsonlite) })

air <- read.csv("airline_passengers.csv")
weekly <- read.csv(gzfile("../../../shared/datasets/m4_weekly/m4_weekly.csv.gz"))

# SeasonalAverage has no function in forecast: the mean of the past values at the same point of the season.
seasonal_average <- function(y, m, h) {
  n <- length(y)
  sapply(1:h, function(k) { pos <- n + k; idx <- seq(pos - m, 1, by = -m); idx <- idx[idx >= 1 & idx <= n]; mean(y[idx]) })
}

golden <- function(name, y, m, h) {
  x <- ts(y, frequency = m)
  list(name = name, seasonality = m, horizon = h, y = y,
       Naive = as.numeric(naive(x, h = h)$mean),
       SeasonalNaive = as.numeric(snaive(x, h = h)$mean),
       Average = as.numeric(meanf(x, h = h)$mean),
       SeasonalAverage = seasonal_average(y, m, h))
}

series <- list(golden("AirPassengers", air$passengers, 12, 24))
for (id in c("W1", "W150", "W300")) {
  s <- weekly[weekly$item_id == id & weekly$split == "train", ]
  y <- s$target[order(s$step)]
  y <- tail(y, 160)
  series[[length(series) + 1]] <- golden(paste0("M4 weekly ", id, " (last ", length(y), " weeks)"), y, 52, 13)
}
cat(toJSON(list(r_forecast_version = as.character(packageVersion("forecast")), series = series),
           digits = NA, auto_unbox = TRUE, pretty = TRUE))
