"""How CSL types are named in RIS and in biblatex: shared by the reference importer, which
reads them, and the citation exports, which write them."""

from __future__ import annotations

RIS_TYPES = {
    "article-newspaper": "NEWS",
    "article-magazine": "MGZN",
    "article-journal": "JOUR",
    "webpage": "ELEC",
    "post-weblog": "BLOG",
    "report": "RPRT",
    "graphic": "ART",
    "manuscript": "MANSCPT",
    "book": "BOOK",
    "chapter": "CHAP",
    "thesis": "THES",
    "paper-conference": "CPAPER",
    "broadcast": "VIDEO",
    "legislation": "STAT",
}
BIBTEX_TYPES = {
    "article-newspaper": "article",
    "article-magazine": "article",
    "article-journal": "article",
    "webpage": "online",
    "post-weblog": "online",
    "report": "report",
    "graphic": "artwork",
    "manuscript": "unpublished",
    "book": "book",
    "chapter": "incollection",
    "thesis": "thesis",
    "paper-conference": "inproceedings",
}
# Types of other names that readers meet in the wild, for reading only.
CSL_TYPE_OF_RIS = {
    **{ris: csl for csl, ris in RIS_TYPES.items()},
    "JOUR": "article-journal",
    "EJOUR": "article-journal",
    "ELEC": "webpage",
    "ICOMM": "webpage",
    "WEB": "webpage",
    "GOVDOC": "report",
    "FIGURE": "graphic",
    "UNPB": "manuscript",
    "EBOOK": "book",
    "ECHAP": "chapter",
}
CSL_TYPE_OF_BIBTEX = {
    "article": "article-journal",
    "online": "webpage",
    "www": "webpage",
    "electronic": "webpage",
    "report": "report",
    "techreport": "report",
    "artwork": "graphic",
    "unpublished": "manuscript",
    "book": "book",
    "incollection": "chapter",
    "inbook": "chapter",
    "thesis": "thesis",
    "phdthesis": "thesis",
    "mastersthesis": "thesis",
    "inproceedings": "paper-conference",
    "conference": "paper-conference",
}
