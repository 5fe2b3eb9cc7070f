"""Everything that touches Whoosh on the reading side: the query language (:mod:`.syntax`),
its compilation to Whoosh queries (:mod:`.compile`), text analysis by language and script
(:mod:`.analysis`), what the index holds for a source (:mod:`.documents`), the search itself
with its facets, hits and suggestions (:mod:`.service`), and the reader's highlighting
(:mod:`.highlighting`). The index on disk and its writer live in :mod:`archive_app.core.index`.

The package imports nothing at import time, so its modules can be imported one by one without
cycles; import from the module that defines a name.
"""
