import { apiRoute } from "@/lib/http";
import { forecastOperation, getForecast } from "@/lib/forecast";

export const GET = apiRoute(forecastOperation, ({ scope, query }) => getForecast(scope, query));
