"""``python -m archive_app`` behaves as ``archive-app``."""

import sys

from archive_app.entry import main

if __name__ == "__main__":
    sys.exit(main())
