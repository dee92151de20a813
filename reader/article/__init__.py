"""The article: the lesson's document, its state and its view."""
