import { timedWork } from "./work.js";

self.addEventListener("message", (event) => self.postMessage(timedWork(event.data).ms));
