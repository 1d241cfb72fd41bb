"""Making text safe for each output target: the one place where that is done.

Everything taken from a map passes through here before it reaches an output.
For a diagram: Graphviz's HTML-like labels (`html_text`) and its escStrings
(`esc_string`, for tooltips); only plain http(s) links become `URL`s
(`safe_url`, `url_attribute`); a node whose id is not a plain id gets a made-up
DOT name (`vocabulary.is_id`). The SVG that a renderer writes from argmap's DOT holds no
script, no event handler and no `javascript:` link, whatever the map says.
"""

from __future__ import annotations

import re
import unicodedata
from typing import cast

import graphviz

# The one link rule, from the vocabulary: validate refuses what this leaves out.
from argmap.vocabulary import safe_url as safe_url

_DROP_CATEGORIES = {"Cc", "Cs", "Co", "Cn"}  # controls, surrogates, private use, unassigned
# Every other way of ending a line: Graphviz would break the line at some of
# them without making the box taller, so the text would spill out of it.
_LINE_BREAKS = re.compile("\r\n|[\r\x0b\x0c\x85\u2028\u2029]")
# Bidi embeddings, overrides and isolates reorder what a reader sees (a label
# could show words in another order than the map has them); the bidi algorithm
# lays out right-to-left text correctly without them.
_BIDI_CONTROLS = dict.fromkeys(map(ord, "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))


def clean_text(value: str) -> str:
    """Text safe to put in XML and to show: control, unassigned and bidi override
    characters dropped, tabs made spaces, every line separator a newline.

    Newlines are kept (callers turn them into line breaks).
    """
    if value.replace("\n", "").isprintable():  # no control, format, private or unassigned
        return value
    value = _LINE_BREAKS.sub("\n", value).replace("\t", " ").translate(_BIDI_CONTROLS)
    return "".join(
        ch for ch in value if ch == "\n" or unicodedata.category(ch) not in _DROP_CATEGORIES
    )


def html_text(value: str) -> str:
    """Text for a Graphviz HTML-like label: cleaned, and every markup character an entity."""
    out = clean_text(value).replace("\n", " ")
    return (
        out.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&#39;")
        .replace("\\", "\\\\")  # Graphviz expands \N, \G, \l in label text too
    )


def esc_string(value: str) -> str:
    """Text for a Graphviz escString attribute (tooltip): literal, newlines kept as breaks.

    Graphviz expands escapes in a tooltip twice (`\\N` becomes the node's name,
    `\\l` a line break), so each backslash is written as four; it also keeps
    what looks like an XML entity, so `&` is written as one.
    """
    lines = clean_text(value).replace("&", "&amp;").split("\n")
    return cast(str, graphviz.nohtml("\\n".join(line.replace("\\", "\\" * 4) for line in lines)))


def url_attribute(url: str) -> str:
    """A checked http(s) link as a DOT attribute: `&` written as an entity.

    Some Graphviz versions copy a URL into the SVG without escaping `&`, which
    would leave the SVG unreadable to an XML parser; all of them keep an entity.
    """
    return cast(str, graphviz.nohtml(url.replace("&", "&amp;")))
