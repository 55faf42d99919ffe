"""What the engine says, before it is worded: a message id and its facts, for selfcheck.wording to say in a language."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Message:
    """One sentence to say: `id` names it (the wording function that words it), `facts` fill its placeholders."""

    id: str
    facts: dict = field(default_factory=dict)


def message(id: str, **facts: object) -> Message:
    """A Message, written as a call: message("jobs_not_a_list", found=3)."""
    return Message(id, facts)
