"""The language detector's model, unpacked once into a cache folder.

py3langid ships its model compressed with xz: unpacking it took half a second of CPU at each
start of the import workers (their fork server's start, on the way to the first file read).
Unpacked once into the user's cache folder as plain arrays (about 70 MB), it is mapped in a
tenth of that, and the workers forked from one server share its pages. The folder's name
carries py3langid's version and the packed model's size and date, so a new model is unpacked
anew; a cache that cannot be read is made again, and one that cannot be written is passed by
(the model is then read as shipped).
"""

from __future__ import annotations

import contextlib
import json
import logging
import shutil
import tempfile
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

_ARRAYS = ("nb_ptc", "nb_pc", "tk_nextmove", "tk_row")
"""The model's arrays, each kept as a ``.npy`` file; its class names and output table are
kept as JSON."""


def load_identifier(cache: Path | None) -> Any:
    """py3langid's identifier, with normalised probabilities, from ``cache`` (a folder the
    unpacked model is kept in) when it can be, else from the model as shipped."""
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    if cache is None:
        return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    folder = cache / _folder_name(MODEL_DIR / MODEL_FILE)
    if folder.is_dir():
        try:
            return _unpacked(folder)
        except (OSError, ValueError, KeyError) as error:
            log.info("the language model's cache at %s is unreadable (%s)", folder, error)
            shutil.rmtree(folder, ignore_errors=True)  # made again below
    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    try:
        _keep(identifier, folder)
    except OSError as error:
        log.info("the language model could not be cached at %s (%s)", folder, error)
    return identifier


def _folder_name(model: Path) -> str:
    from py3langid import __version__

    stat = model.stat()
    return f"language-model-{__version__}-{stat.st_size}-{stat.st_mtime_ns}"


def _unpacked(folder: Path) -> Any:
    import numpy as np
    from py3langid.langid import LanguageIdentifier

    arrays = {name: np.load(folder / f"{name}.npy", mmap_mode="r") for name in _ARRAYS}
    tables = json.loads((folder / "tables.json").read_text("utf-8"))
    return LanguageIdentifier(
        arrays["nb_ptc"],
        np.array(arrays["nb_pc"]),
        tables["nb_classes"],
        _integers(arrays["tk_nextmove"]),
        tables["tk_output"],
        norm_probs=True,
        tk_row=_integers(arrays["tk_row"]),
    )


def _integers(values: Any) -> memoryview:
    """A mapped numpy array of unsigned integers as a sequence of Python ints, which py3langid
    walks as fast as the :class:`array.array` it makes itself: not copied (copying the 40 MB
    state table took each start of the workers' fork server 50 ms), and its pages shared."""
    return memoryview(values).cast("B").cast(values.dtype.char)


def _keep(identifier: Any, folder: Path) -> None:
    """Write the identifier's model into ``folder``, whole or not at all (another process may
    be writing it too: the first to finish wins)."""
    import numpy as np

    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".language-model-", dir=folder.parent))
    try:
        for name in _ARRAYS:
            np.save(staging / f"{name}.npy", np.asarray(getattr(identifier, name)))
        tables = {"nb_classes": identifier.nb_classes, "tk_output": list(identifier.tk_output)}
        (staging / "tables.json").write_text(json.dumps(tables), "utf-8")
        with contextlib.suppress(OSError):  # one already there (written meanwhile) stays
            staging.rename(folder)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
