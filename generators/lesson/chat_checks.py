"""Checks on chat conversations: who sends each message, chat ids, and the case exercises that print a chat."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pydantic import BaseModel

from generators.diagnostics import did_you_mean
from generators.lesson.source_model import CasusOpdracht, ChatDia

Loc = tuple[Any, ...]
Report = Callable[[str, str, Loc], None]


class ChatChecks:
    """Collects the chats and their uses while the lesson is walked; `finish` checks the uses against the chats."""

    def __init__(self, error: Report):
        self.error = error
        self.chats: dict[str, frozenset[str]] = {}  # chat id -> the audiences that see a chat with that id
        self.uses: list[tuple[str, Loc, frozenset[str]]] = []

    def visit(self, block: BaseModel, loc: Loc, active: frozenset[str]) -> None:
        """Why narrow `active` here: the walk hands a block the audiences of its parent, before its own 'alleen'."""
        only = getattr(block, "alleen", None)
        shown = active & frozenset(only) if only else active
        if isinstance(block, ChatDia):
            self._chat(block, loc, shown)
        elif isinstance(block, CasusOpdracht) and block.chat:
            self.uses.append((block.chat, loc + ("chat",), shown))

    def _chat(self, chat: ChatDia, loc: Loc, shown: frozenset[str]) -> None:
        names = [person.naam for person in chat.deelnemers]
        for i, name in enumerate(names):
            if name in names[:i]:
                self.error("chat-deelnemer", f"De naam '{name}' staat twee keer bij 'deelnemers'. Geef elke "
                           "deelnemer een eigen naam, zodat duidelijk is wie welk bericht stuurt.",
                           loc + ("deelnemers", i, "naam"))
        for where, message in chat.all_messages():
            if message.van not in names:
                self.error("chat-deelnemer", f"'{message.van}' staat niet bij 'deelnemers' van deze chat."
                           f"{did_you_mean(message.van, names)} Kies uit: {', '.join(names)}; of zet "
                           f"'{message.van}' bij 'deelnemers', met een 'kant' (links of rechts).", loc + where + ("van",))
        if chat.id is None:
            return
        both = sorted(self.chats.get(chat.id, frozenset()) & shown)
        if both:
            self.error("chat-id-dubbel", f"Er is al een chat met 'id: {chat.id}' voor doelgroep {', '.join(both)}. "
                       "Geef elke chat een eigen id; alleen chats voor verschillende doelgroepen ('alleen') mogen "
                       "dezelfde id hebben.", loc + ("id",))
        self.chats[chat.id] = self.chats.get(chat.id, frozenset()) | shown

    def finish(self) -> None:
        for chat_id, loc, shown in self.uses:
            if chat_id not in self.chats:
                known = f" Kies uit: {', '.join(self.chats)}." if self.chats else \
                    f" Geef de chat-dia een id: 'id: {chat_id}'."
                self.error("chat-onbekend", f"Deze les heeft geen chat met 'id: {chat_id}'."
                           f"{did_you_mean(chat_id, list(self.chats))}{known}", loc)
                continue
            missing = sorted(shown - self.chats[chat_id])
            if missing:
                self.error("chat-verborgen", f"De chat '{chat_id}' is er niet voor doelgroep {', '.join(missing)}, "
                           "maar deze casus wel, dus het werkblad zou een gesprek tonen dat de klas niet kent. Geef de "
                           "casus en de chat dezelfde doelgroepen met 'alleen', of maak voor die doelgroep een eigen chat "
                           "met dezelfde id.", loc)
