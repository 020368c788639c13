#!/usr/bin/env python3
"""Checks the import rules of the module layout (README, Architecture):

- Core modules import only the standard library and Core modules below them (no I/O, no C).
- Only the adapters (and the System shims) import Glibc or the C modules.
- The transport imports neither the domain nor the protocol: it knows routes only through its
  endpoint protocols.
- The journal store works on opaque payloads: it imports neither the domain nor the protocol.
- No `AnyObject` slot is downcast anywhere in Sources/ (sessions are typed).

Prints one line per violation and `N passed, N failed`; exits 1 on any violation.
"""
import pathlib
import re
import sys

root = pathlib.Path(__file__).resolve().parent.parent
sources = root / "Sources"
c_modules = {"Glibc", "CLiveHubSystem", "COpenSSL", "CZlib", "Foundation"}
core_allowed = {
    "LiveHubWebSocket": set(),
    "LiveHubHTTP": set(),
    "LiveHubDomain": {"LiveHubSentiment"},
    "LiveHubProtocol": {"LiveHubDomain", "LiveHubSentiment"},
    "LiveHubJournal": set(),
    "LiveHubSentiment": set(),
}
import_line = re.compile(r"^\s*(?:@testable\s+)?import\s+(?:struct\s+|enum\s+|class\s+)?(\w+)", re.M)
downcast = re.compile(r"\bas[?!]\s")

checks = 0
violations = []
for path in sorted(sources.rglob("*.swift")):
    relative = path.relative_to(root)
    layer, module = relative.parts[1], relative.parts[2]
    text = path.read_text()
    imports = set(import_line.findall(text))
    checks += 1
    if layer == "Core":
        allowed = core_allowed.get(module, set()) | {"Synchronization"}
        extra = imports - allowed
        if extra:
            violations.append(f"{relative}: a Core module imports {sorted(extra)}")
    elif layer != "Adapters" and layer != "System":
        if imports & c_modules:
            violations.append(f"{relative}: only adapters may import {sorted(imports & c_modules)}")
    for payload_agnostic in ("LiveHubTransport", "LiveHubJournalStore"):
        if module == payload_agnostic and imports & {"LiveHubDomain", "LiveHubProtocol"}:
            violations.append(f"{relative}: {module} imports {sorted(imports & {'LiveHubDomain', 'LiveHubProtocol'})}")
    for number, line in enumerate(text.splitlines(), 1):
        code = line.split("//")[0]
        if downcast.search(code):
            violations.append(f"{relative}:{number}: a downcast ({line.strip()})")

for violation in violations:
    print(violation)
print(f"{checks - len(violations)} passed, {len(violations)} failed")
sys.exit(1 if violations else 0)
