#!/usr/bin/env python
"""Django's command-line utility; `trygg` does the same once installed."""

from trygg.__main__ import main

if __name__ == "__main__":
    main()
