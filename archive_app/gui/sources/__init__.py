"""The source list in the middle pane: the table view (:mod:`.view`), its lazily loaded model
(:mod:`.model`) and the context menu of a selection (:mod:`.menu`)."""
