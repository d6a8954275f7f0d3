"""Run by a Python that has LibreOffice's ``uno`` module (Debian: python3-uno), not by pytest.

    python3 libreoffice_text.py OUT.json MODE FILE.docx [MODE FILE.docx …]

MODE is ``accept`` (accept every tracked change, as Edit > Track Changes > Accept All),
``reject`` (reject every one) or ``as-is``. For each file, LibreOffice loads it hidden,
applies the mode, and the text it then holds is written to OUT.json: body paragraphs
(table cells included, in order) and footnotes, each as a string.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import tempfile
import time

import uno  # type: ignore[import-not-found]
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]

COMMANDS = {"accept": ".uno:AcceptAllTrackedChanges", "reject": ".uno:RejectAllTrackedChanges"}


def prop(name, value):  # type: ignore[no-untyped-def]
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def connect(pipe):  # type: ignore[no-untyped-def]
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(120):
        try:
            return resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        except Exception:
            time.sleep(0.5)
    raise RuntimeError("LibreOffice did not start")


def paragraphs(text):  # type: ignore[no-untyped-def]
    out = []
    enum = text.createEnumeration()
    while enum.hasMoreElements():
        element = enum.nextElement()
        if element.supportsService("com.sun.star.text.TextTable"):
            for name in element.getCellNames():
                out.extend(paragraphs(element.getCellByName(name).getText()))
        else:
            out.append(element.getString())
    return out


def document_text(desktop, context, path, mode):  # type: ignore[no-untyped-def]
    url = uno.systemPathToFileUrl(os.path.abspath(path))
    doc = desktop.loadComponentFromURL(url, "_blank", 0, (prop("Hidden", True),))
    try:
        if mode in COMMANDS:
            helper = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.DispatchHelper", context)
            helper.executeDispatch(doc.getCurrentController().getFrame(), COMMANDS[mode], "", 0, ())
        notes = doc.getFootnotes()
        return {
            "body": paragraphs(doc.getText()),
            "notes": [notes.getByIndex(i).getString() for i in range(notes.getCount())],
            "note_labels": [notes.getByIndex(i).getAnchor().getString() for i in range(notes.getCount())],
        }
    finally:
        doc.close(True)


def main(argv):  # type: ignore[no-untyped-def]
    out, rest = argv[0], argv[1:]
    pipe = f"cstd-redline-{os.getpid()}"
    with tempfile.TemporaryDirectory() as profile:
        office = subprocess.Popen(
            ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--invisible", "--nologo",
             "--norestore", f"--accept=pipe,name={pipe};urp;"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        try:
            context = connect(pipe)
            desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
            pairs = zip(rest[::2], rest[1::2], strict=True)
            results = [document_text(desktop, context, path, mode) for mode, path in pairs]
            with contextlib.suppress(Exception):  # the bridge closes as the office ends
                desktop.terminate()
        finally:
            try:
                office.wait(timeout=30)
            except subprocess.TimeoutExpired:
                office.kill()
    with open(out, "w", encoding="utf-8") as f:
        json.dump(results, f, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main(sys.argv[1:])
