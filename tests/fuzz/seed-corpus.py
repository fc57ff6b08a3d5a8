#!/usr/bin/env python3
"""Write the seed corpora in tests/fuzz/corpus/ (run from the repository
root; the files are committed, so this only needs running again to change
the seeds).  Seeds for fuzz-text and fuzz-records start with the target's
mode byte (see the top of each target).  Usage:
    tests/fuzz/seed-corpus.py [YAML-TEST-SUITE-DATA-DIR]
"""
import glob
import os
import sys

OUT = "tests/fuzz/corpus"


def put(target, name, data):
    os.makedirs(os.path.join(OUT, target), exist_ok=True)
    with open(os.path.join(OUT, target, name), "wb") as f:
        f.write(data)


def read(path):
    with open(path, "rb") as f:
        return f.read()


# Lessons: the shipped ones, help and course files, the test fixtures, and
# every third case of the YAML test suite.
for path in sorted(glob.glob("lessons/*/*.yaml")):
    lang, base = path.split("/")[-2:]
    put("lesson", f"shipped-{lang}-{base}", read(path))
for path in sorted(glob.glob("help/en/*.yaml"))[:3]:
    put("lesson", "help-en-" + os.path.basename(path), read(path))
for path in sorted(glob.glob("tests/data/lessons/*/*.yaml") +
                   glob.glob("tests/data/help/*/*.yaml") +
                   glob.glob("tests/data/course/*/*.yaml") +
                   glob.glob("tests/data/course/good/en/*.yaml")):
    parts = path.split("/")
    put("lesson", "data-" + "-".join(parts[2:]), read(path))
if len(sys.argv) > 1:
    cases = sorted(glob.glob(os.path.join(sys.argv[1], "*", "in.yaml")))
    for path in cases[::3]:
        put("lesson", "yts-" + path.split("/")[-2] + ".yaml", read(path))

# Text: the first byte is the width (1 + byte % 120) and picks the bullet.
TEXT = {
    "plain": b"Hello, this is a short paragraph of ordinary words.",
    "paragraphs": b"First line\nsame paragraph\n\n\nSecond paragraph.\n",
    "bullets": b"Red flags:\n- asks for secrets\n  - nested?\n- gifts\nmore\n",
    "csi-colour": b"\x1b[31mred\x1b[0m text \x1b[2J\x1b[H",
    "osc-title": b"\x1b]0;owned\x07 after \x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\",
    "osc-unterminated": b"\x1b]2;no end\nnext line",
    "dcs": b"\x1bPq#0;2;0;0;0#1;2;100;100;0\x1b\\ sixel",
    "c1-csi": "\u009b31m C1 CSI \u009d0;x\u009c".encode(),
    "c1-raw-bytes": b"\x9b31m \x9d \x85 raw C1 bytes",
    "controls": bytes(range(0, 32)) + b"\x7f text",
    "tabs-cr": b"a\tb\r\nc\rd\n",
    "bidi-override": "user \u202eexe.txt\u202c and \u2066iso\u2069 \u200f\u200e\u061c".encode(),
    "zero-width": "zero\u200bwidth\u2060joiner\ufeffbom \u200d".encode(),
    "line-separators": "one\u2028two\u2029three".encode(),
    "cjk": "日本語のテキストはとても長い文章で折り返しが必要です。".encode() * 3,
    "cjk-no-spaces": "漢字" * 60,
    "hangul": "안녕하세요 여러분 반갑습니다".encode() * 4,
    "emoji": "👋🏽 hi 👨‍👩‍👧‍👦 family 🏳️‍🌈 flag ❤️ love".encode(),
    "emoji-run": "😀" * 70,
    "combining": "e\u0301e\u0301e\u0301 Z\u0351\u0352\u0353a\u0300\u0301\u0302\u0303".encode() * 5,
    "combining-leading": "\u0301\u0302 starts with marks".encode(),
    "variation": "\u2764\ufe0f \u263a\ufe0e \ufe0f alone".encode(),
    "arabic": "مرحبا بكم في الدرس".encode(),
    "hebrew-mixed": "שלום hello עולם".encode(),
    "devanagari": "नमस्ते दुनिया क्षत्रिय".encode(),
    "thai": "สวัสดีครับ ภาษาไทย".encode(),
    "invalid-utf8": b"ok \xff\xfe \xc0\xaf overlong \xed\xa0\x80 surrogate \xf4\x90\x80\x80 big",
    "truncated-utf8": b"cut \xe6\x97",
    "lone-continuation": b"\x80\x80\x80 abc \xbf",
    "nul": b"before\x00after",
    "long-word": b"x" * 300,
    "long-word-wide": "ｗ" * 100,
    "spaces": b"   lots    of     spaces    \n   \n  ",
    "only-newlines": b"\n\n\n\n",
    "bullet-only": b"- \n-\n- - -\n",
    "private-use": "\ue000\uf8ff\U000f0000 private".encode(),
    "noncharacter": "\ufffe\uffff\U0010ffff".encode(),
    "replacement": "\ufffd\ufffd already".encode(),
    "fullwidth-punct": "「こんにちは」、（テスト）！".encode(),
    "mixed-width": "a日b本c語d" * 20,
}
widths = [1, 2, 3, 8, 12, 20, 40, 76, 80, 120]
for i, (name, text) in enumerate(sorted(TEXT.items())):
    if isinstance(text, str):
        text = text.encode()
    put("text", name, bytes([widths[i % len(widths)] - 1]) + text)

# Records: first byte even = as is; odd = a checksum line is appended.
RAW, FIX = b"\x00", b"\x01"


def body(data):
    """The file without its checksum line."""
    return data[:data.rstrip(b"\n").rfind(b"\n") + 1]


records = sorted(glob.glob("tests/data/progress/*.progress") +
                 glob.glob("tests/data/results/class/result-*.txt"))
for path in records:
    name = os.path.basename(path)
    data = read(path)
    put("records", "raw-" + name, RAW + data)
    put("records", "fix-" + name, FIX + body(data))
# Corrupt variants of the good ones, with a good checksum so the record
# parsers see them.
prog = read("tests/data/progress/good-three-lessons.progress")
res = read("tests/data/results/class/result-2024-06-03-0000000000000001.txt")
CORRUPT = {
    "progress-crlf": body(prog).replace(b"\n", b"\r\n"),
    "progress-extra-field": body(prog).replace(b"c.wcs.", b"c.wcs.\textra"),
    "progress-huge-number": body(prog).replace(b"1717171717", b"99999999999999999999"),
    "progress-negative": body(prog).replace(b"\t6\t6\t", b"\t-1\t6\t"),
    "progress-step-past-end": body(prog).replace(b"\t6\t6\t", b"\t7\t6\t"),
    "progress-no-lessons": b"redflags-progress 1\n",
    "progress-version-0": body(prog).replace(b"progress 1", b"progress 01"),
    "progress-empty-field": body(prog).replace(b"\tfinished\t", b"\t\t"),
    "result-crlf": body(res).replace(b"\n", b"\r\n"),
    "result-list-unsorted": body(res).replace(b"1,4", b"4,1"),
    "result-list-big": body(res).replace(b"1,4", b"1,64,65"),
    "result-bad-date": body(res).replace(b"2024-06-03", b"2024-02-30"),
    "result-no-steps": body(res).split(b"step")[0],
    "result-unknown-type": body(res).replace(b"order", b"puzzle"),
    "result-question-marks": body(res).replace(b"w\t2\n", b"w\t?\n"),
    "result-bad-ending": body(res).replace(b"safe", b"unsafe"),
    "result-class-long": body(res).replace(b"7B", b"A" * 40),
    "result-header-order": body(res).replace(b"lang\ten\nclass\t7B", b"class\t7B\nlang\ten"),
}
for name, data in sorted(CORRUPT.items()):
    put("records", "fix-" + name, FIX + data)
