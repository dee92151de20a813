"""Japanese for the window's own messages: what a key needs before it can do anything."""

from __future__ import annotations

JA_MESSAGES: dict[str, str] = {
    "Open a lesson first: choose one in the library, or import a page (Ctrl+O).":
        "先にレッスンを開いてください。ライブラリから選ぶか、ページを読み込みます (Ctrl+O)。",
}
