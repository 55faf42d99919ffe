// The self-check page's wiring. It reads answers from the form, hands them to the worker, and shows what comes
// back. It holds no rule and no wording: the rules are Python (run by worker.js), the words are in the page and
// in the engine's result.
import { isoDate } from "../dated.js";

const root = document.querySelector("[data-selfcheck]");
if (root) {
  wireSelfCheck(root);
}

function wireSelfCheck(root) {
  const form = root.querySelector("[data-selfcheck-form]");
  const status = root.querySelector("[data-selfcheck-status]");
  const summary = root.querySelector("[data-error-summary]");
  const result = root.querySelector("[data-selfcheck-result]");
  const rulesJson = root.querySelector("[data-selfcheck-rules]").textContent;
  const runtime = startableRuntime(root, rulesJson, showStatus);

  fillToday(form);
  wirePeriods(form);
  form.inert = false; // in the page from the start, so that nothing moves now
  // The answers the result on screen is for: it is out of date once they differ, and up to date again if they return.
  let checkedAnswers = null;
  const followAnswers = () => markOutOfDate(result, checkedAnswers !== null && JSON.stringify(readAnswers(form)) !== checkedAnswers);
  form.addEventListener("input", followAnswers);
  form.addEventListener("change", followAnswers);
  // Start the runtime now, off the main thread: a visitor on this page is here to use it, and by the time they have
  // answered it is ready. (Waiting for an idle moment cost 50-70 ms of boot for nothing; see bench/selfcheck_boot.py.)
  runtime.start();

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const incomplete = incompleteDates(form);
    if (incomplete.length > 0) {
      showErrors(form, summary, result, incomplete);
      return;
    }
    if (!runtime.isReady()) {
      showStatus("waiting");
    }
    const answersJson = JSON.stringify(readAnswers(form));
    const resultJson = await runtime.evaluate(answersJson);
    if (resultJson === null) {
      return;
    }
    const outcome = JSON.parse(resultJson);
    if (outcome.errors) {
      showErrors(form, summary, result, outcome.errors);
    } else {
      showResult(form, summary, result, outcome);
      checkedAnswers = answersJson;
    }
  });

  result.addEventListener("click", (event) => {
    const action = event.target.closest("[data-action]")?.dataset.action;
    if (action === "change") {
      firstControl(form).focus(); // the result stays as it is until an answer actually changes
    } else if (action === "restart") {
      form.reset();
      resetPeriods(form);
      fillToday(form);
      clearErrors(form, summary);
      hideResult(result);
      checkedAnswers = null;
      firstControl(form).focus();
    } else if (action === "print") {
      window.print();
    }
  });

  function showStatus(key) {
    for (const message of status.querySelectorAll("[data-message]")) {
      message.hidden = message.dataset.message !== key;
    }
  }
}

// The runtime: one module worker, started once; answers go to it and results come back by message.
function startableRuntime(root, rulesJson, showStatus) {
  let worker = null;
  let ready = false;
  let failed = false;
  let nextId = 0;
  const pending = new Map();

  function start() {
    if (worker) {
      return;
    }
    showStatus("loading");
    const url = (name) => new URL(root.dataset[name], document.baseURI).href;
    try {
      worker = new Worker(url("workerUrl"), { type: "module" });
    } catch (error) {
      fail();
      return;
    }
    worker.addEventListener("message", (event) => {
      const message = event.data;
      if (message.type === "ready") {
        ready = true;
        showStatus("ready");
      } else if (message.type === "failed") {
        console.error("Self-check runtime:", message.reason);
        fail();
      } else if (message.type === "result") {
        pending.get(message.id)(message.resultJson);
        pending.delete(message.id);
      }
    });
    worker.addEventListener("error", (event) => {
      // A worker that cannot be loaded reports an error with no message; name the file instead.
      console.error("Self-check worker:", event.message || `${url("workerUrl")} could not be loaded`);
      fail();
    });
    worker.postMessage({
      type: "start",
      pyodideUrl: url("pyodideUrl"),
      stdlibUrl: url("stdlibUrl"),
      stdlibIntegrity: root.dataset.stdlibIntegrity,
      lockUrl: url("lockUrl"),
      lockIntegrity: root.dataset.lockIntegrity,
      package: root.dataset.package,
      rulesJson,
      language: root.dataset.language,
    });
  }

  function fail() {
    failed = true;
    for (const resolve of pending.values()) {
      resolve(null);
    }
    pending.clear();
    showStatus("failed");
    root.querySelector("[data-selfcheck-form]").hidden = true;
  }

  function evaluate(answersJson) {
    return new Promise((resolve) => {
      if (failed) {
        resolve(null);
        return;
      }
      const id = nextId++;
      pending.set(id, resolve);
      worker.postMessage({ type: "evaluate", id, answersJson });
    });
  }

  return { start, evaluate, isReady: () => ready };
}

// Answers: each control's name is the answer key; `data-kind` says how its value becomes JSON.
function readAnswers(form) {
  const answers = {};
  for (const control of form.querySelectorAll("input[name]")) {
    if (control.closest("[data-period-list]")) {
      continue;
    }
    if (control.type === "radio" && !control.checked) {
      continue;
    }
    const value = answerValue(form, control);
    if (value !== undefined) {
      answers[control.name] = value;
    }
  }
  return answers;
}

function answerValue(form, control) {
  switch (control.dataset.kind) {
    case "json":
      return JSON.parse(control.value);
    case "periods":
      return readPeriods(form.querySelector(`[data-periods="${control.name}"]`));
    case "date":
      return control.value === "" ? undefined : control.value;
    default:
      return control.value;
  }
}

function readPeriods(container) {
  return [...container.querySelectorAll("[data-period-list] > li")].map((row) => {
    const period = {};
    for (const input of row.querySelectorAll("input[data-name]")) {
      period[input.dataset.name] = input.value;
    }
    return period;
  });
}

// A date input holding part of a date has the value "", like an empty one. Sent as it is, a half-typed end date
// would read as a job still going on; name each such field instead, in the page's words.
function incompleteDates(form) {
  return [...form.querySelectorAll('input[type="date"][name]')]
    .filter((input) => input.validity.badInput && !input.closest("[hidden]"))
    .map((input) => ({ field: input.name, code: "incomplete_date", message: "" }));
}

function fillToday(form) {
  const dateInput = form.querySelector('input[type="date"][name]');
  if (dateInput && !dateInput.value) {
    dateInput.value = isoDate(new Date());
  }
}

// Full-time jobs: a list of rows the user can add to and remove from, shown when they answer "Yes".
function wirePeriods(form) {
  for (const container of form.querySelectorAll("[data-periods]")) {
    const key = container.dataset.periods;
    const fieldset = container.closest("fieldset");
    const template = fieldset.querySelector("[data-period-template]");
    const list = container.querySelector("[data-period-list]");

    fieldset.addEventListener("change", (event) => {
      if (event.target.name !== key) {
        return;
      }
      container.hidden = event.target.dataset.kind !== "periods";
      if (!container.hidden && list.children.length === 0) {
        addPeriod(list, template, key);
      }
    });
    container.querySelector("[data-add-period]").addEventListener("click", () => {
      addPeriod(list, template, key).querySelector("input").focus();
    });
    list.addEventListener("click", (event) => {
      const button = event.target.closest("[data-remove-period]");
      if (!button) {
        return;
      }
      const row = button.closest("li");
      const neighbour = row.nextElementSibling || row.previousElementSibling;
      row.remove();
      numberPeriods(list, key);
      (neighbour ? neighbour.querySelector("input") : container.querySelector("[data-add-period]")).focus();
    });
  }
}

function addPeriod(list, template, key) {
  const row = template.content.firstElementChild.cloneNode(true);
  list.append(row);
  numberPeriods(list, key);
  return row;
}

function numberPeriods(list, key) {
  [...list.children].forEach((row, index) => {
    for (const number of row.querySelectorAll("[data-period-number]")) {
      number.textContent = String(index + 1);
    }
    for (const input of row.querySelectorAll("input[data-name]")) {
      const name = `${key}[${index}].${input.dataset.name}`;
      const id = `q-${key}-${index}-${input.dataset.name}`;
      input.name = name;
      input.id = id;
      const label = row.querySelector(`label[data-for="${input.dataset.name}"]`);
      label.htmlFor = id;
      const error = row.querySelector(`[data-error-for="${input.dataset.name}"]`);
      error.id = `${id}-error`;
      input.setAttribute("aria-describedby", error.id);
    }
    row.querySelector("[data-remove-period]").hidden = list.children.length === 1;
  });
}

function resetPeriods(form) {
  for (const container of form.querySelectorAll("[data-periods]")) {
    container.querySelector("[data-period-list]").replaceChildren();
    container.hidden = true;
  }
}

function firstControl(form) {
  return form.querySelector("input, select, textarea, button");
}

// Errors: a summary at the top linking to each field, the message again beside the field, focus on the summary.
function showErrors(form, summary, result, errors) {
  clearErrors(form, summary);
  hideResult(result);
  const list = summary.querySelector("[data-error-list]");
  for (const error of errors) {
    const control = controlFor(form, error.field);
    const message = pageWords(summary, error);
    const item = document.createElement("li");
    const link = document.createElement("a");
    link.href = `#${control.id}`;
    link.textContent = message;
    link.addEventListener("click", (event) => {
      event.preventDefault();
      (control.matches("fieldset") ? control.querySelector("input") : control).focus();
      control.scrollIntoView({ block: "center" });
    });
    item.append(link);
    list.append(item);
    markInvalid(form, control, message);
  }
  summary.hidden = false;
  summary.focus();
}

// An error in the page's own words where the page has them for its kind (its code), else in the engine's.
function pageWords(summary, error) {
  const own = summary.querySelector(`[data-error-words] [data-error-code="${CSS.escape(error.code)}"]`);
  return own ? own.textContent : error.message;
}

function markInvalid(form, control, message) {
  const field = control.closest(".field, .period-dates > div") || form;
  const inline = field.querySelector("[data-field-error], .field-error");
  if (inline) {
    inline.textContent = inline.hidden ? message : `${inline.textContent} ${message}`;
    inline.hidden = false;
  }
  const inputs = control.matches("input") ? [control] : control.querySelectorAll(":scope > .choice > input");
  for (const input of inputs) {
    input.setAttribute("aria-invalid", "true");
  }
}

function clearErrors(form, summary) {
  summary.hidden = true;
  summary.querySelector("[data-error-list]").replaceChildren();
  for (const inline of form.querySelectorAll(".field-error")) {
    inline.hidden = true;
    inline.textContent = "";
  }
  for (const input of form.querySelectorAll("[aria-invalid]")) {
    input.removeAttribute("aria-invalid");
  }
}

// An error names a field like `full_time_jobs[1].end`; link to that control, or the nearest one that exists.
function controlFor(form, field) {
  let path = field;
  while (path) {
    const named = form.querySelector(`input[name="${CSS.escape(path)}"]`);
    if (named) {
      return named.type === "radio" ? named.closest("fieldset") : named;
    }
    const wrapper = form.querySelector(`[data-field="${CSS.escape(path)}"]`);
    if (wrapper) {
      return wrapper.matches("fieldset") ? wrapper : wrapper.querySelector("input");
    }
    const parent = path.replace(/(\[\d+\]|\.[^.[\]]+)$/, "");
    path = parent === path ? "" : parent;
  }
  return form;
}

// A hidden result keeps no outcome: data-outcome always describes the result on screen.
function hideResult(result) {
  result.hidden = true;
  delete result.dataset.outcome;
  delete result.dataset.applications;
}

// A result on screen whose answers have since changed says so until the next check (or until they change back).
function markOutOfDate(result, outOfDate) {
  if (!result.hidden) {
    result.querySelector("[data-result-stale]").hidden = !outOfDate;
  }
}

// A status as the page shows it, its icon and words copied from the result's marks into `slot`.
function mark(result, slot, status) {
  slot.dataset.mark = status;
  slot.replaceChildren(...result.querySelector(`[data-marks] [data-mark="${status}"]`).cloneNode(true).childNodes);
}

function showResult(form, summary, result, outcome) {
  clearErrors(form, summary);
  result.dataset.outcome = outcome.outcome;
  result.dataset.applications = outcome.applications.status;
  result.querySelector("[data-result-stale]").hidden = true;

  const applications = result.querySelector("[data-result-applications]");
  mark(result, applications.querySelector("[data-mark-slot]"), outcome.applications.status);
  applications.querySelector("[data-applications-summary]").textContent = outcome.applications.summary;
  const windowTemplate = result.querySelector("[data-window-template]");
  result.querySelector("[data-result-windows]").replaceChildren(
    ...outcome.windows.map((cohortWindow) => {
      const item = windowTemplate.content.firstElementChild.cloneNode(true);
      item.dataset.window = cohortWindow.status;
      mark(result, item.querySelector("[data-mark-slot]"), cohortWindow.status);
      item.querySelector("[data-window-explanation]").textContent = cohortWindow.explanation;
      return item;
    }),
  );

  // With applications closed or not yet open on the chosen date, that is the headline, the next step follows it, and
  // the outcome reads as what the published criteria would say.
  const open = outcome.applications.status === "open";
  applications.classList.toggle("headline", !open);
  for (const step of result.querySelectorAll("[data-next-step]")) {
    step.hidden = step.dataset.nextStep !== outcome.applications.status;
  }
  for (const text of result.querySelectorAll("[data-outcome-text]")) {
    text.hidden = text.dataset.outcomeText !== outcome.outcome || (text.dataset.when === "open") !== open;
  }
  // Where the criteria differ between cohorts or tracks, the outcome of each (the tracks of a cohort that agree told
  // together, with the criteria that decide it), in the engine's words.
  const places = result.querySelector("[data-result-places]");
  const differ = new Set(outcome.results.map((part) => part.criteria.map((item) => item.id).join(" "))).size > 1;
  const placeTemplate = result.querySelector("[data-place-template]");
  places.hidden = !differ;
  places.replaceChildren(
    ...(differ ? outcome.places : []).map((part) => {
      const item = placeTemplate.content.firstElementChild.cloneNode(true);
      item.dataset.outcome = part.outcome;
      mark(result, item.querySelector("[data-mark-slot]"), part.outcome);
      item.querySelector("[data-place-summary]").textContent = part.summary;
      return item;
    }),
  );
  const template = result.querySelector("[data-criterion-template]");
  result.querySelector("[data-result-criteria]").replaceChildren(
    ...outcome.criteria.map((criterion) => {
      const item = template.content.firstElementChild.cloneNode(true);
      item.dataset.criterion = criterion.id;
      item.dataset.status = criterion.status;
      mark(result, item.querySelector("[data-mark-slot]"), criterion.status);
      item.querySelector("[data-criterion-label]").textContent = criterion.label;
      const applies = item.querySelector("[data-criterion-applies]");
      applies.hidden = !criterion.applies_to;
      applies.textContent = criterion.applies_to || "";
      item.querySelector("[data-criterion-explanation]").textContent = criterion.explanation;
      const change = item.querySelector("[data-criterion-change]");
      change.hidden = !criterion.what_would_change;
      change.textContent = criterion.what_would_change || "";
      return item;
    }),
  );
  result.querySelector("[data-rules-applied]").textContent = outcome.rules_applied.explanation;
  result.hidden = false;
  // Bring the whole result to the top of the screen, not just its heading, so that the answer itself is in view.
  result.scrollIntoView({ block: "start" });
  result.querySelector("#result-title").focus({ preventScroll: true });
}
