// Start the worker at once and show its state the way the self-check does, so one observer times both pages.
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
const url = (name) => new URL(document.body.dataset[name], document.baseURI).href;
worker.postMessage({ pyodideUrl: url("pyodideUrl"), stdlibUrl: url("stdlibUrl"), lockUrl: url("lockUrl") });
