"""The sidebar: library views, the event tree, perspectives, tags and saved searches (:mod:`.view`),
its item model (:mod:`.model`), painting (:mod:`.delegate`) and editing (:mod:`.editing`)."""
