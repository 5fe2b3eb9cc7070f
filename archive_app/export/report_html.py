"""An event report as one self-contained HTML file: styles inline, pictures as data URIs, so it
opens anywhere without the network."""

from __future__ import annotations

import base64
from html import escape
from pathlib import Path

from archive_app.export import write_atomically
from archive_app.export.report import EMPTY, Entry, Report, Section

STYLE = """
body { font-family: "DejaVu Sans", "Noto Sans", system-ui, sans-serif; color: #222;
       max-width: 52rem; margin: 2.5rem auto; padding: 0 1.5rem; line-height: 1.5; }
h1 { font-size: 1.9rem; margin-bottom: .2rem; }
.subtitle { color: #555; margin-top: 0; }
.generated { color: #888; font-size: .85rem; }
h2 { margin-top: 2.5rem; padding-left: .6rem; border-left: .45rem solid var(--colour); }
table { border-collapse: collapse; width: 100%; font-size: .92rem; }
th, td { text-align: left; padding: .3rem .6rem; border-bottom: 1px solid #ddd; }
.swatch { display: inline-block; width: .8rem; height: .8rem; border-radius: 50%;
          background: var(--colour); margin-right: .4rem; vertical-align: middle; }
.entry { margin: 1.2rem 0; }
.citation { margin: 0; padding-left: 1.5rem; text-indent: -1.5rem; }
blockquote { margin: .5rem 0 .2rem 1.5rem; padding-left: .8rem; border-left: 3px solid #ccc;
             color: #333; font-style: italic; }
.note { margin: 0 0 .6rem 2.3rem; color: #444; font-size: .92rem; }
figure { margin: .6rem 0 .6rem 1.5rem; }
figure img { max-width: 18rem; max-height: 14rem; border-radius: 3px; }
figcaption { font-size: .88rem; color: #444; }
.credit { color: #777; }
"""


def write_report_html(report: Report, path: Path) -> None:
    write_atomically(path, render_html(report).encode("utf-8"))


def render_html(report: Report) -> str:
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{escape(report.title)}</title>",
        f"<style>{STYLE}</style></head><body>",
        f"<h1>{escape(report.title)}</h1>",
        f'<p class="subtitle">{escape(report.subtitle)}</p>' if report.subtitle else "",
        *(f"<p>{escape(p)}</p>" for p in report.description.split("\n\n") if p),
        f'<p class="generated">{report.source_count} sources · citations in {escape(report.style)}'
        f" · made {escape(report.generated_at[:10])} by archive-app</p>",
        _coverage(report) if report.sections else f"<p>{EMPTY}</p>",
        *(_section(section) for section in report.sections),
        "</body></html>",
    ]
    return "\n".join(part for part in parts if part)


def _coverage(report: Report) -> str:
    rows = "".join(
        f'<tr><td><span class="swatch" style="--colour:{escape(s.color or "#888")}"></span>'
        f"{escape(s.perspective)}</td><td>{len(s.entries)}</td>"
        f"<td>{escape(s.first)}</td><td>{escape(s.last)}</td></tr>"
        for s in report.sections
    )
    timeline = "".join(
        f"<tr><td>{escape(row.published)}</td><td>{escape(row.perspectives)}</td>"
        f"<td>{escape(row.title)}</td></tr>"
        for row in report.timeline
    )
    return (
        '<h2 style="--colour:#444">Coverage</h2>'
        "<table><tr><th>Perspective</th><th>Sources</th><th>First</th><th>Last</th></tr>"
        f"{rows}</table>"
        + (
            "<h3>Timeline</h3><table><tr><th>Published</th><th>Perspective</th><th>Title</th></tr>"
            f"{timeline}</table>"
            if timeline
            else ""
        )
    )


def _section(section: Section) -> str:
    colour = escape(section.color or "#888")
    head = f'<h2 style="--colour:{colour}">{escape(section.perspective)}</h2>'
    description = f"<p>{escape(section.description)}</p>" if section.description else ""
    return head + description + "".join(_entry(entry) for entry in section.entries)


def _entry(entry: Entry) -> str:
    parts = ['<div class="entry">', f'<p class="citation">{entry.citation_html}</p>']
    for quote in entry.quotes:
        page = f" (p. {quote.page})" if quote.page else ""
        parts.append(f"<blockquote>“{escape(quote.text)}”{page}</blockquote>")
        if quote.note:
            parts.append(f'<p class="note">{escape(quote.note)}</p>')
    for picture in entry.pictures:
        image = ""
        if picture.path is not None:
            data = base64.b64encode(picture.path.read_bytes()).decode("ascii")
            image = f'<img src="data:image/jpeg;base64,{data}" alt="{escape(picture.caption)}">'
        credit = f' <span class="credit">{escape(picture.credit)}</span>' if picture.credit else ""
        parts.append(
            f"<figure>{image}<figcaption>{escape(picture.caption)}{credit}</figcaption></figure>"
        )
    parts.append("</div>")
    return "".join(parts)
