"""The `cstd-docs` command as a user's installation runs it, for the whole-process cases.

This machine's site-packages holds a sandbox's start-up hook (``_sandboxing_egress_ca.pth``:
it imports certifi, and through it importlib.resources, pathlib and urllib, in every Python
process, about 25 ms) that no user's Python has. A virtual environment does not read the
``.pth`` files of the interpreter it is made from; this one is given the same packages by
plain path entries (a path line in a ``.pth`` file adds the folder, and ``.pth`` files inside
it are not read), so it runs the very same installed code, with only the standard start-up.
Its console script is the one pip writes.
"""

from __future__ import annotations

import subprocess
import sys
import sysconfig
from pathlib import Path

import cstd_docs

#: What pip writes for ``[project.scripts] cstd-docs = "cstd_docs.cli:run"``.
_CONSOLE_SCRIPT = """#!{python}
import re
import sys
from cstd_docs.cli import run
if __name__ == "__main__":
    sys.argv[0] = re.sub(r"(-script\\.pyw|\\.exe)?$", "", sys.argv[0])
    sys.exit(run())
"""


def clean_command(workdir: Path) -> list[str]:
    """The ``cstd-docs`` script of a new virtual environment that sees this interpreter's packages."""
    venv = workdir / "user-venv"
    if not venv.exists():
        subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    site = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                          check=True, capture_output=True, text=True).stdout.strip()
    paths = dict.fromkeys([sysconfig.get_path("purelib"), sysconfig.get_path("platlib"),
                           str(Path(cstd_docs.__file__).resolve().parents[1])])
    (Path(site) / "packages-of-the-measured-interpreter.pth").write_text("\n".join(paths) + "\n", encoding="utf-8")
    script = venv / "bin" / "cstd-docs"
    script.write_text(_CONSOLE_SCRIPT.format(python=python), encoding="utf-8")
    script.chmod(0o755)
    return [str(script)]


def startup_hooks() -> list[str]:
    """The ``.pth`` files of this interpreter's site-packages that run code at every start."""
    folder = Path(sysconfig.get_path("purelib"))
    hooks = []
    for pth in sorted(folder.glob("*.pth")):
        if any(line.startswith(("import ", "import\t")) for line in pth.read_text(errors="replace").splitlines()):
            hooks.append(pth.name)
    return hooks
