"""Tests for helpers.corpus: the customer messages that ship with the course."""

from __future__ import annotations

from collections import Counter

from helpers.corpus import CUSTOMER_MESSAGES, INTENTS, load_customer_messages


def test_corpus_is_balanced_unique_and_plain() -> None:
    assert Counter(intent for _, intent in CUSTOMER_MESSAGES) == {intent: 50 for intent in INTENTS}
    texts = [text for text, _ in CUSTOMER_MESSAGES]
    assert len(set(texts)) == len(texts), "no message appears twice"
    assert all(text.isascii() and text == text.strip() and 3 <= len(text.split()) <= 30
               for text in texts)


def test_load_returns_a_fresh_categorical_table() -> None:
    messages = load_customer_messages()
    assert list(messages.columns) == ["text", "intent"]
    assert list(messages["intent"].cat.categories) == list(INTENTS)
    assert messages["text"].tolist() == [text for text, _ in CUSTOMER_MESSAGES]
    messages.loc[0, "text"] = "changed"
    assert load_customer_messages().loc[0, "text"] != "changed"
