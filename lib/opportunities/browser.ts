/** What the browser may use of the opportunities module (pure rules, schemas, form values): nothing here reaches the server's database. */
export * from "./rules";
export * from "./schemas";
export * from "./form-values";
export * from "./board-card";
export { FORECAST_CATEGORIES, type ForecastCategory, type StageSettingsOut } from "./stage-settings-schemas";
export { forecastCategoryOf } from "./forecast-category";
