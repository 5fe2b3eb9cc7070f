"""A core message is its English sentence for the command line and keeps its template and
arguments for the window, across a worker process too."""

from __future__ import annotations

import pickle

from archive_app.core.messages import QT_TRANSLATE_NOOP, Message, fill, sentences


def test_a_message_is_its_english_sentence() -> None:
    message = Message(
        QT_TRANSLATE_NOOP("core", "{count} failed in {folder}"), count=1234, folder="in"
    )
    assert message == "1,234 failed in in"
    assert message.template == "{count} failed in {folder}"
    assert message.args == {"count": 1234, "folder": "in"}
    assert f"archive-app: {message}" == "archive-app: 1,234 failed in in"


def test_a_message_without_arguments_keeps_its_braces() -> None:
    assert Message("a {literal} brace") == "a {literal} brace"


def test_a_message_crosses_a_process_boundary_whole() -> None:
    inner = Message("The file is empty.")
    message = Message("{name}: {reason}", name="a.txt", reason=inner)
    again = pickle.loads(pickle.dumps(message))
    assert isinstance(again, Message)
    assert again == message
    assert again.template == "{name}: {reason}"
    assert isinstance(again.args["reason"], Message)


def test_numbers_are_written_by_the_caller_s_rule() -> None:
    assert fill("{count} of {total}", {"count": 1234, "total": 5}, lambda n: f"<{n}>") == (
        "<1234> of <5>"
    )
    assert fill("{flag}", {"flag": True}) == "True"


def test_sentences_are_said_one_after_another_each_kept() -> None:
    said = sentences(Message("Wrote 1 source to {files}.", files="x.csv"), Message("(Later.)"))
    assert said == "Wrote 1 source to x.csv. (Later.)"
    assert [type(part) for part in said.args.values()] == [Message, Message]
