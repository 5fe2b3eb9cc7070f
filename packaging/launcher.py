"""The bundled program's entry point (PyInstaller freezes this file).

The frozen program is both the command line and, started with ``--extraction-worker``, an
extraction worker: a frozen program cannot run ``python -m archive_app.core.worker``. The
command line is imported only after that check, so a worker starts without loading it.
"""

import sys

from archive_app.core.fork_server import FROZEN_WORKER_FLAG

if len(sys.argv) > 1 and sys.argv[1] == FROZEN_WORKER_FLAG:
    from archive_app.core.worker import main as worker_main

    worker_main(sys.argv[1:])
    sys.exit(0)

from archive_app.entry import main

sys.exit(main())
