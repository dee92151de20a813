"""What the page view says where a key or a button cannot do its change on the current line (its Japanese
is in reader/ui/i18n/ja_page_view.py)."""

from __future__ import annotations

# The lines whose English "Save text" fixes (the library takes new text on these only).
TEXT_ROLES = ("title", "heading", "paragraph")
NO_TEXT_EDIT = ("Only a title's, a heading's or a paragraph's English is fixed here: give this line one of "
                "those roles first (T, H, P).")
NO_TEXT_EDIT_TRANSLATION = "A translation or a note is fixed in edit mode (Ctrl+E), on the paragraph it belongs to."
NO_PIECES = "This line holds one line of the page: there is nothing to split it into."

# Deleting a paragraph that holds the user's own work: the question before, and the status line after.
ASK_DELETE = ("What you are deleting holds your own work: {work}. It goes with the paragraph (Ctrl+Z brings "
              "both back). Delete it?")
DELETED_WITH = "{change}: done — with it went {work} (Ctrl+Z takes it back)."
NOT_DELETED = "Not deleted: your own work on the paragraph is kept."


def why_no_text(role: str) -> str:
    """Why "Save text" does not take a line of this role (untranslated)."""
    return NO_TEXT_EDIT_TRANSLATION if role in ("translation", "title_translation", "note") else NO_TEXT_EDIT
