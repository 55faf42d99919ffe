"""Build into a folder beside the site, and swap it in only when the whole build has succeeded."""

from __future__ import annotations

import os
import shutil
from pathlib import Path


class StagedSiteDir:
    """A site folder replaced in one step: the old site stays whole until the new one is complete.

    The new site is built in a hidden sibling (same file system, so the swap is a rename); a failed build
    removes only that sibling.
    """

    def __init__(self, site_dir: str | os.PathLike) -> None:
        self.target = Path(site_dir).resolve()
        prefix = f".{self.target.name}.building-"
        for stale in self.target.parent.glob(f"{prefix}*"):  # left by a build that was killed
            shutil.rmtree(stale, ignore_errors=True)
        self.building = self.target.with_name(f"{prefix}{os.getpid()}")
        self.building.mkdir(parents=True)

    def publish(self) -> None:
        """Put the new site in place of the old one."""
        if self.target.exists():
            retired = self.target.with_name(f".{self.target.name}.retired-{os.getpid()}")
            os.rename(self.target, retired)
            os.rename(self.building, self.target)
            shutil.rmtree(retired, ignore_errors=True)
        else:
            os.rename(self.building, self.target)

    def discard(self) -> None:
        """Drop the half-built site; the old one was never touched."""
        shutil.rmtree(self.building, ignore_errors=True)
