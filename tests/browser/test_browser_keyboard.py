"""The self-check with a keyboard alone: Tab and Shift+Tab between questions, Space and arrows for radios, Enter."""

from __future__ import annotations

import pytest
from conftest import DEVICES
from selfcheck_page import DATE_PARTS, SelfCheckPage, as_typed, eligible_answers, radio_value

pytestmark = pytest.mark.browser

# A focus indicator someone can see: an outline, or a ring drawn with box-shadow.
HAS_VISIBLE_FOCUS = """element => {
  const style = getComputedStyle(element);
  const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
  return outline || style.boxShadow !== "none";
}"""


def tab_to(self_check: SelfCheckPage, selector: str, key: str = "Tab", most: int = 60) -> None:
    """Press Tab (or `key`) until focus is on an element matching `selector`; every stop in the self-check shows."""
    for _ in range(most):
        self_check.page.keyboard.press(key)
        where = self_check.focused("element => element.closest('[data-selfcheck]') && element.outerHTML.slice(0, 80)")
        assert not where or self_check.focused(HAS_VISIBLE_FOCUS), f"focus cannot be seen on {where}"
        if self_check.focused(f"element => element.matches({selector!r})"):
            return
    pytest.fail(f"{most} presses of {key} never reached {selector}")


def choose(self_check: SelfCheckPage, value: str) -> None:
    """With focus in a radio group: Space checks the focused radio, then the arrow keys move to `value`."""
    self_check.page.keyboard.press("Space")
    for _ in range(10):
        if self_check.focused("element => element.checked && element.value") == value:
            return
        self_check.page.keyboard.press("ArrowDown")
    pytest.fail(f"the arrow keys never reached the radio with value {value!r}")


def type_date(self_check: SelfCheckPage, parts: dict[str, str]) -> None:
    """With focus on a date's Day: type over each part (Day, Month, Year), Tab from one to the next."""
    for index, part in enumerate(DATE_PARTS):
        if index:
            self_check.page.keyboard.press("Tab")
        assert self_check.focused("element => element.dataset.part") == part
        self_check.page.keyboard.press("ControlOrMeta+A")
        if parts[part]:
            self_check.page.keyboard.type(parts[part])
        else:
            self_check.page.keyboard.press("Backspace")


def test_a_keyboard_alone_completes_the_self_check_and_lands_on_the_result(page, site_url, programme):
    self_check = SelfCheckPage(page).open(site_url)
    answers = eligible_answers(programme)

    tab_to(self_check, "#q-application_date-day")
    type_date(self_check, as_typed(answers["application_date"]))
    assert self_check.typed_date("application_date") == as_typed(answers["application_date"])
    for key in ("qualification", "hk_resident", "employed_now", "full_time_jobs"):
        tab_to(self_check, f'input[name="{key}"]')
        choose(self_check, radio_value(answers[key]))

    tab_to(self_check, 'input[name="employed_now"]', key="Shift+Tab")
    assert self_check.focused("element => element.checked"), "Shift+Tab returns to the answer given"
    tab_to(self_check, 'button[type="submit"]')
    page.keyboard.press("Enter")

    self_check.wait_for_answer()
    assert self_check.outcome == "eligible"
    assert self_check.focused("element => element.id") == "result-title", "focus moves to the result heading"
    assert self_check.focused(HAS_VISIBLE_FOCUS), "the focused result heading shows it"


def test_after_a_keyboard_submit_on_a_phone_the_outcome_itself_is_on_screen(new_context, site_url, programme):
    phone = new_context(**DEVICES["phone"])
    self_check = SelfCheckPage(phone.new_page()).open(site_url)
    self_check.answer(eligible_answers(programme))
    self_check.form.locator('button[type="submit"]').focus()
    self_check.page.keyboard.press("Enter")
    self_check.wait_for_answer()

    assert self_check.focused("element => element.id") == "result-title"
    header = self_check.page.locator(".md-header").bounding_box()
    height = DEVICES["phone"]["viewport"]["height"]
    for what in ("#result-title", "[data-result-applications] .outcome", "[data-outcome-text]:visible"):
        box = self_check.result.page.locator(what).bounding_box()
        assert box["y"] >= header["y"] + header["height"] and box["y"] + box["height"] <= height, f"{what} is off screen"
    title = self_check.page.locator("#result-title").bounding_box()
    assert title["y"] - (header["y"] + header["height"]) < 100, "the result starts at the top, to show as much as it can"
