// The self-check page's wiring. It reads answers from the form, hands them to the worker, and shows what comes
// back. It holds no rule and no wording: the rules are Python (run by worker.js), the words are in the page and
// in the engine's result. A date goes to the engine as its parts, as typed ({"day": "27", "month": "3", "year":
// "2021"}); the engine says what is wrong with it, and which parts.

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

// Answers: each control's name is the answer key; `data-kind` says how its value becomes JSON. A date's parts are
// named after it (application_date.day): its fieldset's data-date is the key, and the answer is its parts as typed.
function readAnswers(form) {
  const answers = {};
  for (const control of form.querySelectorAll("input[name]")) {
    if (control.closest("[data-period-list]")) {
      continue;
    }
    if (control.type === "radio" && !control.checked) {
      continue;
    }
    if (control.dataset.part) {
      const date = control.closest("[data-date]");
      answers[date.dataset.date] = typedDate(date);
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
    default:
      return control.value;
  }
}

function readPeriods(container) {
  return [...container.querySelectorAll("[data-period-list] > li")].map((row) => {
    const period = {};
    for (const date of row.querySelectorAll("[data-date-name]")) {
      period[date.dataset.dateName] = typedDate(date);
    }
    return period;
  });
}

// A date as typed: {day, month, year}, each part's text untouched (all empty: no answer, which the engine knows).
function typedDate(date) {
  const parts = [...date.querySelectorAll("input[data-part]")];
  return Object.fromEntries(parts.map((input) => [input.dataset.part, input.value]));
}

// The date that starts as today (the day the person will apply), in the visitor's own calendar day.
function fillToday(form) {
  const date = form.querySelector("[data-date][data-today]");
  const inputs = date ? [...date.querySelectorAll("input[data-part]")] : [];
  if (inputs.length > 0 && inputs.every((input) => input.value === "")) {
    const now = new Date();
    const today = { day: now.getDate(), month: now.getMonth() + 1, year: now.getFullYear() };
    for (const input of inputs) {
      input.value = String(today[input.dataset.part]);
    }
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

// Each job's dates named for its place in the list: the fieldset of its start is full_time_jobs[0].start (the
// field the engine's errors name), with the id q-full_time_jobs-0-start; its day full_time_jobs[0].start.day.
function numberPeriods(list, key) {
  [...list.children].forEach((row, index) => {
    for (const number of row.querySelectorAll("[data-period-number]")) {
      number.textContent = String(index + 1);
    }
    for (const date of row.querySelectorAll("[data-date-name]")) {
      const name = date.dataset.dateName;
      const path = `${key}[${index}].${name}`;
      const id = `q-${key}-${index}-${name}`;
      date.dataset.date = path;
      date.id = id;
      date.querySelector(`[data-hint-for="${name}"]`).id = `${id}-hint`;
      date.querySelector(`[data-error-for="${name}"]`).id = `${id}-error`;
      date.setAttribute("aria-describedby", `${id}-hint ${id}-error`);
      for (const input of date.querySelectorAll("input[data-part]")) {
        input.name = `${path}.${input.dataset.part}`;
        input.id = `${id}-${input.dataset.part}`;
        date.querySelector(`label[data-part-label="${input.dataset.part}"]`).htmlFor = input.id;
      }
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

// Errors: a summary at the top linking to each field, the message again above the field, focus on the summary.
function showErrors(form, summary, result, errors) {
  clearErrors(form, summary);
  hideResult(result);
  const list = summary.querySelector("[data-error-list]");
  for (const error of errors) {
    const place = placeOf(form, error);
    const item = document.createElement("li");
    const link = document.createElement("a");
    link.href = `#${place.target.id}`;
    link.textContent = error.message;
    link.addEventListener("click", (event) => {
      event.preventDefault();
      (place.target.matches("fieldset") ? place.target.querySelector("input") : place.target).focus();
      place.field.scrollIntoView({ block: "center" });
    });
    item.append(link);
    list.append(item);
    markInvalid(place, error.message);
  }
  summary.hidden = false;
  summary.focus();
}

// Where an error shows: the `field` that holds its message, the `target` its summary link moves focus to, and the
// `inputs` marked invalid. An error about a date marks only the parts the engine names (all three without any), and
// links to the first of them; any other error, its control.
function placeOf(form, error) {
  const date = form.querySelector(`[data-date="${CSS.escape(error.field)}"]`);
  if (date) {
    const parts = error.parts && error.parts.length > 0 ? error.parts : ["day", "month", "year"];
    const inputs = parts.map((part) => date.querySelector(`input[data-part="${CSS.escape(part)}"]`)).filter(Boolean);
    return { field: date, target: inputs[0] || date, inputs };
  }
  const control = controlFor(form, error.field);
  const inputs = control.matches("input") ? [control] : [...control.querySelectorAll(":scope > .choice > input")];
  return { field: control.closest(".field") || form, target: control, inputs };
}

function markInvalid(place, message) {
  const inline = place.field.querySelector(":scope > .field-error");
  if (inline) {
    inline.textContent = inline.hidden ? message : `${inline.textContent} ${message}`;
    inline.hidden = false;
  }
  for (const input of place.inputs) {
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

// An error names a field like `full_time_jobs[1]`; link to that control, or the nearest one that exists.
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
