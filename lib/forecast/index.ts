/** What the edges use of the forecast: targets, the forecast report and its backtest. */
export { getTargets, putTargets } from "./targets";
export { getForecast } from "./service";
export { forgetSimulations } from "./range";
export { backtestForecast, type Backtest } from "./backtest";
export { forecastPeriods, type ForecastPeriod } from "./periods";
export * from "./operations";
export * from "./schemas";
