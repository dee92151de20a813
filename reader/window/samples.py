"""The built-in sample lessons, imported into an empty library on first run."""

from __future__ import annotations

import logging

from library import Library

log = logging.getLogger(__name__)


def sample_pages() -> list[tuple[str, bytes]]:
    """(name, bytes) of every sample page shipped in resources/samples, in name order."""
    from importlib import resources  # on a first start only

    try:
        folder = resources.files("resources.samples")
    except ModuleNotFoundError:
        return []
    pages = []
    for item in sorted(folder.iterdir(), key=lambda t: t.name):
        if item.name.endswith(".txt") and item.is_file():
            pages.append((item.name, item.read_bytes()))
    return pages


def import_samples(library: Library) -> list[int]:
    """Import the samples; a sample that fails is logged and skipped. Returns the new lesson ids."""
    ids: list[int] = []
    for name, data in sample_pages():
        try:
            ids.append(library.lessons.import_bytes(data, name).lesson_id)
        except Exception:
            log.warning("sample %s did not import", name, exc_info=True)
    return ids
