# Goldens for the engine's use_stl features (featurization/series/StlFeatures, Lowess): R's lowess with its defaults
# (f = 2/3, iter = 3, delta = 1 % of the range) over positions 0..n-1, and Azure's season: the mean of the detrended
# values at each point of the season, centred. Run: Rscript make_stl_goldens.R (R 4, jsonlite).
library(jsonlite)
season_of <- function(y, trend, m) {
  d <- y - trend
  if (length(y) < m) return(rep(0, m))
  means <- sapply(1:m, function(p) mean(d[seq(p, length(y), by = m)]))
  means - mean(means)
}
set.seed(20261207)
walk <- cumsum(rnorm(300)) + 50
spiky <- 10 + sin(2 * pi * (1:90) / 7) * 3 + c(rep(0, 40), 40, rep(0, 49)) + (1:90) * 0.1
series <- list(
  list(name = "AirPassengers", y = as.numeric(AirPassengers), m = 12),
  list(name = "USAccDeaths", y = as.numeric(USAccDeaths), m = 12),
  list(name = "random walk", y = walk, m = 1),
  list(name = "weekly with an outlier", y = spiky, m = 7),
  list(name = "short", y = c(3, 1, 4, 1, 5), m = 7)
)
out <- lapply(series, function(s) {
  n <- length(s$y)
  trend <- lowess(0:(n - 1), s$y)$y
  list(name = s$name, y = s$y, seasonality = s$m, trend = trend, season = season_of(s$y, trend, s$m))
})
writeLines(toJSON(list(r_version = paste(R.version$major, R.version$minor, sep = "."), series = out),
                  digits = I(17), auto_unbox = TRUE, pretty = TRUE), "stl_goldens.json")
