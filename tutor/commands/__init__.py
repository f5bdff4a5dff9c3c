"""Sub-commands that live outside cli.py, one module each, registered on the `tutor` group.

A module here defines a click command (or several) and is listed in ``MODULES``; each module
exposes ``COMMANDS``, a sequence of click commands. cli.py calls ``register`` once.
"""

from __future__ import annotations

from importlib import import_module

import click

__all__ = ["MODULES", "register"]

#: Modules under tutor.commands, each exposing COMMANDS.
MODULES: tuple[str, ...] = (
    "anki",
    "check",
    "export",
    "known",
    "optimize",
    "review",
    "revlog",
    "stats",
)


def register(group: click.Group) -> None:
    for name in MODULES:
        module = import_module(f"tutor.commands.{name}")
        for command in module.COMMANDS:
            group.add_command(command)
