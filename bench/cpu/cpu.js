// Time the work on the main thread, then in a module worker; the benchmark reads window.__cpu.
import { timedWork } from "./work.js";

const ROUNDS = 30_000_000;
window.__cpu = new Promise((resolve) => {
  const main = timedWork(ROUNDS).ms;
  const worker = new Worker(new URL("cpu-worker.js", import.meta.url), { type: "module" });
  worker.addEventListener("message", (event) => resolve({ main, worker: event.data }));
  worker.postMessage(ROUNDS);
});
