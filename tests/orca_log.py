"""Read Orca's debug log (written by packaging/check-orca.sh) and print, as JSON, what Orca said.

    python tests/orca_log.py ORCA_LOG MARKS_FILE APP_STDERR

- "pieces": each piece of text Orca's speech generator voiced, with the language it asked the voice
  for ("SPEECH GENERATOR: ... voice requested with language='pl'"): the language a screen reader
  took from the app's `language` text attribute. Paired in order with the strings of the
  generator's "Results" block that follows, from its end (the block may begin with strings of the
  ancestors, voiced earlier); a block with fewer strings than requests is left out.
- "spoken": each utterance sent to speech-dispatcher ("SPEECH DISPATCHER: Speaking"), with the
  language speech-dispatcher was set to when it spoke it ("SD ... language en-us"): the voice used.
- "focus": Orca's locus of focus, in order; "app_stderr": the app's warnings; "orca_errors":
  tracebacks in Orca's log other than the missing braille display.
Each entry has "during": the label of the last "mark:" step before it (marks file: "HH:MM:SS.ffffff
LABEL" lines, the clock of Orca's log).
"""

from __future__ import annotations

import json
import re
import sys

ENTRY = re.compile(r"^(\d\d:\d\d:\d\d\.\d{6}) - (.*)$")
REQUEST = re.compile(r"SPEECH GENERATOR: (\S+) voice requested with language='([^']*)', dialect='([^']*)'")
SAY_ALL = re.compile(r"DEFAULT SAY ALL: \[[^]]*\] '(.*)' \(\d+-\d+", re.S)
SPEAKING = re.compile(r"SPEECH DISPATCHER: Speaking '(.*?)' ?\n", re.S)
SD_LANGUAGE = re.compile(r"SD rate .*, language (\S+)")
FOCUS = re.compile(r"ORCA: Changing locusOfFocus from .* to \[([^|\]]*)\| ?(.*?)\]\. Notify")


def entries(lines: list[str]):
    """(time, text with its continuation lines) for each timestamped entry of the log."""
    time, text = "", []
    for line in lines:
        match = ENTRY.match(line)
        if match:
            if text:
                yield time, "\n".join(text)
            time, text = match.group(1), [match.group(2)]
        else:
            text.append(line.strip())
    if text:
        yield time, "\n".join(text)


def results_strings(text: str) -> list[str]:
    """The voiced strings of a "SPEECH GENERATOR: Results:" block (voices and PAUSEs left out)."""
    block = text.split("SPEECH GENERATOR: Results:", 1)[1]
    strings = []
    for line in block.splitlines():
        line = line.strip()
        if len(line) >= 2 and line[0] == line[-1] == "'" and not line.startswith("'{") and line != "'PAUSE'":
            strings.append(line[1:-1])
    return strings


def read(log: str, marks: list[tuple[str, str]]) -> dict:
    out: dict = {"pieces": [], "spoken": [], "focus": [], "orca_errors": []}

    def during(time: str) -> str:
        label = ""
        for at, name in marks:
            if at <= time:
                label = name
        return label

    requests: list[tuple[str, str]] = []  # (language, voice key) since the last Results block
    for time, text in entries(log.splitlines()):
        for key, language, _dialect in REQUEST.findall(text):
            requests.append((language if language != "None" else "", key))
        if "SPEECH GENERATOR: Results:" in text:
            strings = results_strings(text)
            if requests and len(strings) >= len(requests):  # the first strings may be the ancestors'
                out["pieces"] += [{"text": s, "language": lang, "voice": key, "during": during(time)}
                                  for s, (lang, key) in zip(strings[-len(requests):], requests, strict=True)]
            requests = []
        match = SAY_ALL.match(text)
        if match and requests:  # say all voices each line itself, one request a line
            out["pieces"].append({"text": match.group(1), "language": requests[-1][0], "voice": "say all",
                                  "during": during(time)})
            requests = []
        match = SPEAKING.match(text + "\n")
        if match:  # what went to speech-dispatcher, and the language it was set to then
            language = SD_LANGUAGE.search(text)
            out["spoken"].append({"text": re.sub(r"<[^>]*>", "", match.group(1)),
                                  "sd_language": language.group(1) if language else "", "during": during(time)})
        match = FOCUS.search(text)
        if match:
            out["focus"].append({"role": match.group(1).strip(), "name": match.group(2), "during": during(time)})
        if "Traceback" in text and "brlapi" not in text:
            out["orca_errors"].append(text[:2000])
    return out


def main() -> None:
    log_path, marks_path, app_stderr = sys.argv[1:4]
    with open(log_path, encoding="utf-8", errors="replace") as f:
        log = f.read()
    with open(marks_path, encoding="utf-8") as f:
        marks = [tuple(line.rstrip("\n").split(" ", 1)) for line in f if " " in line]
    result = read(log, marks)
    with open(app_stderr, encoding="utf-8", errors="replace") as f:
        result["app_stderr"] = sorted({line.rstrip() for line in f if line.strip()})
    print(json.dumps(result, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
