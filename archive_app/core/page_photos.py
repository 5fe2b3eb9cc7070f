"""Photos saved with a web page ("Web page, complete"), named by what the page says of them.

A page's photo file rarely says anything about itself (``vehicle.jpg``), while the article
gives it a caption or an alt text, a site and a date. A photo imported with its page takes its
title from its caption (or alt) when it has none of its own, and the article's site and date
when it has none of its own.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from archive_app.importers.document import ExtractedDocument, ExtractedImage


@dataclass(frozen=True)
class PagePhoto:
    """What an article says about one of its saved photos."""

    article_id: int
    position: int
    """The figure's place among the article's captions."""
    caption: str = ""
    site_name: str = ""
    published: str = ""
    article_title: str = ""

    @property
    def figure(self) -> tuple[int, int]:
        """The article and the figure's place in it that this photo is the picture of."""
        return self.article_id, self.position

    @classmethod
    def of(
        cls, article_id: int, position: int, article: ExtractedDocument, image: ExtractedImage
    ) -> PagePhoto:
        return cls(
            article_id,
            position,
            caption=image.caption or image.alt,
            site_name=article.site_name,
            published=article.published,
            article_title=article.title,
        )

    def named(self, photo: ExtractedDocument, file_name: str) -> ExtractedDocument:
        """The photo as imported with its page: the page's words where the photo has none."""
        # The photo importer's modules (Pillow, XMP) load with the first photo saved with a page,
        # not with every import.
        from archive_app.importers.image import title_from_file_name
        from archive_app.importers.image_facts import first_sentence

        title = photo.title
        if title == title_from_file_name(file_name):
            title = first_sentence(self.caption) if self.caption else self._photo_of_page()
        return dataclasses.replace(
            photo,
            title=title,
            site_name=photo.site_name or self.site_name,
            published=photo.published or self.published,
        )

    def _photo_of_page(self) -> str:
        return f"Photo from “{self.article_title}”" if self.article_title else "Photo from a page"
