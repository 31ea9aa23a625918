/**
 * `tsx scripts/perf/resend-recorder.ts [port]`: the local Resend stand-in (tests/helpers/resend-recorder.ts) as a
 * process of its own, keeping counts only (GET /stats). Prints its URL on the first line of stdout.
 */
import { startResendRecorder } from "../../tests/helpers/resend-recorder";

const recorder = await startResendRecorder({ keep: false, port: Number(process.argv[2] ?? 0) });
console.log(recorder.url);
const stop = () => void recorder.close().then(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
