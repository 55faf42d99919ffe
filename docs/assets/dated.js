// Statuses that change with the day, told for the visitor's own date.
//
// A page holds one version of each such status per stretch of days from the day it was built on (data-from /
// data-until, both days included; a missing bound is open), each worked out at build time from the data by
// programme/site/status.py, and shows the one for the day it was built (data-shown). This module only picks the version whose stretch holds today's date on
// this device: it holds no rule. It runs before the page first paints (blocking="render"), so the swap moves nothing.

const today = isoDate(new Date());

const statuses = [...document.querySelectorAll("[data-dated]")].map((dated) => [...dated.children]);
// A device whose clock is before the day the site was built cannot be right (the page holds no version for such a
// day): the build day's statuses stay, and "Status on" keeps saying whose day they are for.
const trusted = statuses.every((versions) => versions.some((version) => holds(version.dataset, today)));
for (const versions of trusted ? statuses : []) {
  for (const version of versions) {
    version.toggleAttribute("data-shown", holds(version.dataset, today));
  }
}

// "Status on …": the build day without this script; with it, today's date on this device.
for (const asOf of trusted ? document.querySelectorAll("[data-as-of]") : []) {
  for (const time of asOf.querySelectorAll("time[data-visitor-date]")) {
    time.dateTime = today;
    time.textContent = formatDate(today, time.dataset.locale);
  }
  for (const version of asOf.children) {
    version.toggleAttribute("data-shown", "visitor" in version.dataset);
  }
}

/** Whether a stretch of days {from, until} (ISO dates, either may be absent) holds the ISO date `day`. */
export function holds({ from, until }, day) {
  return (!from || from <= day) && (!until || day <= until);
}

/** The local calendar date of `moment` as YYYY-MM-DD. */
function isoDate(moment) {
  return [moment.getFullYear(), moment.getMonth() + 1, moment.getDate()]
    .map((part, index) => String(part).padStart(index === 0 ? 4 : 2, "0"))
    .join("-");
}

/** An ISO date as the page writes dates, in the page's locale for dates: "3 January 2021" for en-GB. */
function formatDate(iso, locale) {
  const [year, month, day] = iso.split("-").map(Number);
  const format = new Intl.DateTimeFormat(locale, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  return format.format(new Date(Date.UTC(year, month - 1, day)));
}
