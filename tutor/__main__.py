"""``python -m tutor``: the same as the ``tutor`` command."""

from tutor.cli import main

main()
