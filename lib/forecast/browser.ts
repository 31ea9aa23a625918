/** What the browser may use of the forecast: schemas, types and periods (nothing here reaches the database). */
export * from "./schemas";
export { forecastPeriods, type ForecastPeriod } from "./periods";
