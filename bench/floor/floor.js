// Start the worker at once and show its state as the self-check does, so that one observer times every page.
const status = document.querySelector("[data-selfcheck-status]");
const showStatus = (key) => {
  for (const message of status.querySelectorAll("[data-message]")) {
    message.hidden = message.dataset.message !== key;
  }
};

showStatus("loading");
const worker = new Worker(new URL("worker.js", import.meta.url), { type: "module" });
worker.addEventListener("message", (event) => showStatus(event.data.type));
worker.addEventListener("error", () => showStatus("failed"));
worker.postMessage({ wasmUrl: new URL(document.body.dataset.wasmUrl, document.baseURI).href });
