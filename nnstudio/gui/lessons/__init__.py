"""The window's side of lessons: the start page, the lesson gallery, the Lesson dock that walks
a lesson's steps, and the thumbnails the gallery shows (see docs/lessons.md for the format)."""
