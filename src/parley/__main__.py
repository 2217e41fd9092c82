"""`python -m parley` runs the command line."""

from parley.present.cli import main

main()
