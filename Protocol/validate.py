#!/usr/bin/env python3
"""Validate every livehub protocol example against its JSON Schema (draft 2020-12).

  examples/requests/<type>[.<variant>].json  -> schemas/requests/<type>.schema.json
  examples/messages/<type>[.<variant>].json  -> schemas/messages/<type>.schema.json
  sessions/*.jsonl: one {"party", "direction": "send"|"receive", "frame"} per line; a sent frame is
  checked against schemas/requests, a received one against schemas/messages.
  examples/http/<name>[.<variant>].json  -> schemas/http/<name>.schema.json (the REST answers:
  GET /v1/audit, GET /v1/conversations/{id}/transcript, their error body); each entry of a
  transcript is also checked against schemas/messages/<its type>.schema.json, since it is a
  history event exactly as the wire sends it. The .txt examples (text exports) are not checked.

Also checks that every schema is itself valid, that every schema has at least one example, and
that an example's file name starts with its "type". Exits 1 with one line per problem.
Usage: python3 validate.py   (needs: pip install jsonschema)
"""
import json
import pathlib
import re
import sys

try:
    import jsonschema
except ImportError:
    sys.exit("validate.py: the 'jsonschema' package is missing (pip install jsonschema)")

ROOT = pathlib.Path(__file__).resolve().parent


def load_schemas(folder):
    schemas = {}
    for path in sorted((ROOT / "schemas" / folder).glob("*.schema.json")):
        schema = json.loads(path.read_text(encoding="utf-8"))
        jsonschema.Draft202012Validator.check_schema(schema)
        schemas[path.name[: -len(".schema.json")]] = jsonschema.Draft202012Validator(schema)
    return schemas


def check(frame, schemas, where, problems, used):
    if not isinstance(frame, dict) or not isinstance(frame.get("type"), str):
        problems.append(f"{where}: not an object with a string 'type'")
        return
    validator = schemas.get(frame["type"])
    if validator is None:
        problems.append(f"{where}: no schema for type '{frame['type']}'")
        return
    used.add(frame["type"])
    for error in sorted(validator.iter_errors(frame), key=lambda e: list(e.path)):
        path = "/".join(str(part) for part in error.path) or "(root)"
        problems.append(f"{where}: {path}: {error.message}")


def main():
    problems = []
    try:
        schemas = {"requests": load_schemas("requests"), "messages": load_schemas("messages")}
        http_schemas = load_schemas("http")
    except jsonschema.SchemaError as error:
        sys.exit(f"validate.py: invalid schema: {error.message}")
    used = {"requests": set(), "messages": set()}
    count = 0
    for folder in ("requests", "messages"):
        for path in sorted((ROOT / "examples" / folder).glob("*.json")):
            where = str(path.relative_to(ROOT))
            try:
                frame = json.loads(path.read_text(encoding="utf-8"))
            except ValueError as error:
                problems.append(f"{where}: not JSON: {error}")
                continue
            if isinstance(frame, dict) and not (path.stem == frame.get("type") or path.stem.startswith(f"{frame.get('type')}.")):
                problems.append(f"{where}: file name does not start with its type '{frame.get('type')}'")
            check(frame, schemas[folder], where, problems, used[folder])
            count += 1
    # The sessions the README promises must be here (a .gitignore once kept them out unnoticed).
    promised = sorted(set(re.findall(r"`(?:sessions/)?([a-z0-9-]+\.jsonl)`", (ROOT / "README.md").read_text(encoding="utf-8"))))
    if not promised:
        problems.append("README.md: names no example session")
    for name in promised:
        path = ROOT / "sessions" / name
        if not path.is_file() or not path.read_text(encoding="utf-8").strip():
            problems.append(f"sessions/{name}: promised by README.md but missing or empty")
    for path in sorted((ROOT / "sessions").glob("*.jsonl")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            where = f"{path.relative_to(ROOT)}:{number}"
            if not line.strip():
                continue
            try:
                step = json.loads(line)
            except ValueError as error:
                problems.append(f"{where}: not JSON: {error}")
                continue
            direction = step.get("direction") if isinstance(step, dict) else None
            if direction not in ("send", "receive") or "frame" not in step or "party" not in step:
                problems.append(f"{where}: expected {{\"party\", \"direction\": \"send\"|\"receive\", \"frame\"}}")
                continue
            check(step["frame"], schemas["requests" if direction == "send" else "messages"], where, problems, set())
            count += 1
    used_http = set()
    for path in sorted((ROOT / "examples" / "http").glob("*.json")):
        where = str(path.relative_to(ROOT))
        name = path.stem.split(".")[0]
        validator = http_schemas.get(name)
        if validator is None:
            problems.append(f"{where}: no schemas/http/{name}.schema.json for it")
            continue
        try:
            body = json.loads(path.read_text(encoding="utf-8"))
        except ValueError as error:
            problems.append(f"{where}: not JSON: {error}")
            continue
        used_http.add(name)
        for error in sorted(validator.iter_errors(body), key=lambda e: list(e.path)):
            location = "/".join(str(part) for part in error.path) or "(root)"
            problems.append(f"{where}: {location}: {error.message}")
        if name == "transcript" and isinstance(body, dict):
            for index, entry in enumerate(body.get("entries") or []):
                check(entry, schemas["messages"], f"{where}: entries/{index}", problems, set())
        count += 1
    for folder in ("requests", "messages"):
        for name in sorted(set(schemas[folder]) - used[folder]):
            problems.append(f"schemas/{folder}/{name}.schema.json: no example")
    for name in sorted(set(http_schemas) - used_http):
        problems.append(f"schemas/http/{name}.schema.json: no example")
    if problems:
        print("\n".join(problems), file=sys.stderr)
        print(f"validate.py: {len(problems)} problem(s)", file=sys.stderr)
        return 1
    total = sum(len(s) for s in schemas.values()) + len(http_schemas)
    print(f"validate.py: {count} frames and HTTP bodies valid against {total} schemas")
    return 0


if __name__ == "__main__":
    sys.exit(main())
