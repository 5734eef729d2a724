"""Chats resolved per audience: sides, placeholders in words, parts, variants, and a case's chat by its id."""

from __future__ import annotations

from generators.lesson.document import DELETED, PHOTO, CaseExercise, ChatSlide
from generators.lesson.resolve import CHAT_DELETED, resolve_lesson


def _document(project, lesson_id: str, audience: str):
    loaded = next(l for l in project.lessons if l.model.id == lesson_id)
    return resolve_lesson(loaded, audience, project.data)


def _chats(document):
    return [s.chat for a in document.activities for s in a.slides if isinstance(s, ChatSlide)]


def test_a_case_shows_the_chat_of_its_own_audience(project):
    """Two chats share the id 'daan-online', one for each audience: each worksheet gets its own."""
    for audience, friend in (("10-12", "Rick"), ("12-15", "Lisa")):
        document = _document(project, "online-vriendschap", audience)
        (case,) = [e for e in document.exercises if isinstance(e, CaseExercise) and e.chat]
        assert {m.sender for m in case.chat.messages} == {"Daan", friend}
        assert case.chat == _chats(document)[0]


def test_sides_photos_deleted_messages_and_variants(project):
    young = _document(project, "een-klusje-voor-snel-geld", "10-12")
    old = _document(project, "een-klusje-voor-snel-geld", "12-15")
    (chat,) = _chats(young)
    assert all(m.right == (m.sender == "Milan") for m in chat.messages)
    deleted = [m for m in chat.messages if m.kind == DELETED]
    assert [m.text.plain for m in deleted] == [CHAT_DELETED]
    assert "Je krijgt 20 euro." in chat.transcript()[3] and "50 euro" in " ".join(_chats(old)[0].transcript())
    (ravi,) = _chats(_document(project, "online-uitbuiting", "15-18"))
    photo = next(m for m in ravi.messages if m.kind == PHOTO)
    assert photo.text.plain == "Foto: Een lijst met de namen van Ravi's volgers"
    assert ravi.transcript()[0] == "Noa (23:14): Betaal 100 euro."


def test_parts_start_with_their_heading_in_the_transcript(project):
    (chat, *_) = _chats(_document(project, "online-vriendschap", "10-12"))
    assert [p.heading.plain for p in chat.parts] == ["In de game", "Een week later"]
    lines = chat.transcript()
    assert lines[0] == "— In de game —" and "— Een week later —" in lines
    assert len(lines) == len(chat.messages) + 2
