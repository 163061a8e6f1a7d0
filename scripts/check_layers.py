#!/usr/bin/env python3
"""The layers of src/, checked against what the build declares (docs/architecture.md).

    scripts/check_layers.py BUILD/module-deps.txt [SRC]

module-deps.txt is written by CMake (cmake/modules.cmake): "module: dep dep ...", the modules
each one links. The check fails (exit 1) when
  - a file of module M includes a header of a module M does not declare;
  - a module declares a module it never includes (a stale edge);
  - a declared edge breaks the module map below: it goes up a layer, or sideways inside a layer
    other than along the direction of flow;
  - a module folder is missing from the map, or the map names a module the build lacks;
  - an include climbs out of its folder ("../"), or names a header that does not exist;
  - the files of one module include each other in a cycle (x.h/x.cpp and y.h/y.cpp count as the
    components x and y: helpers shared by two files belong in a third).
Known exceptions are printed, with why they are tolerated, and do not fail the check.
"""
import os
import re
import sys

# The module map, from the bottom. A module may use any module of a lower layer; inside a layer
# only the edges listed in ALONG_THE_FLOW.
LAYERS = [
    ("base", ["core"]),
    ("pure", ["registry", "instrument", "stats"]),
    ("shared", ["storage", "mail", "web", "api"]),
    ("domain", ["collection", "figures", "report", "publish", "selfassess"]),
    ("program", ["app"]),
]
ALONG_THE_FLOW = {
    ("instrument", "registry"),
    ("stats", "registry"),
    ("stats", "instrument"),
    ("mail", "storage"),    # the outbox is stored
    ("api", "web"),         # API plumbing over HTTP
    ("report", "figures"),  # a report shows a run's figures
    ("publish", "figures"), # the public side reads the run's declarations
    ("publish", "report"),  # the site serves the published revision's report
    ("selfassess", "figures"),  # register values are the survey's key figures over its bundled instruments
}
KNOWN_EXCEPTIONS = {
    ("web", "storage"): "web::App hands the Store to every handler (a service locator); "
                        "being removed on branch harden-web",
}

INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"')


def read_map(path):
    deps = {}
    for line in open(path, encoding="utf-8"):
        if ":" not in line:
            continue
        name, rest = line.split(":", 1)
        deps[name.strip()] = rest.split()
    return deps


def sources(src, module):
    root = os.path.join(src, module)
    for folder, _, files in os.walk(root):
        for f in sorted(files):
            if f.endswith((".h", ".cpp")):
                yield os.path.join(folder, f)


def includes(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        for number, line in enumerate(f, 1):
            m = INCLUDE.match(line)
            if m:
                yield number, m.group(1)


def find_cycle(graph):
    """A cycle in {node: {next}} as a list of nodes, or None."""
    state = {}
    stack = []

    def visit(n):
        state[n] = 1
        stack.append(n)
        for m in sorted(graph.get(n, ())):
            if state.get(m) == 1:
                return stack[stack.index(m):] + [m]
            if m not in state:
                found = visit(m)
                if found:
                    return found
        stack.pop()
        state[n] = 2
        return None

    for n in sorted(graph):
        if n not in state:
            found = visit(n)
            if found:
                return found
    return None


def main(argv):
    if len(argv) < 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    declared = read_map(argv[1])
    src = argv[2] if len(argv) > 2 else os.path.join(os.path.dirname(__file__), "..", "src")
    src = os.path.normpath(src)
    layer_of = {m: i for i, (_, ms) in enumerate(LAYERS) for m in ms}
    folders = sorted(d for d in os.listdir(src) if os.path.isdir(os.path.join(src, d)))
    errors, notes = [], []

    for m in folders:
        if m not in layer_of:
            errors.append(f"src/{m}: a module missing from the module map (scripts/check_layers.py, LAYERS)")
        if m not in declared:
            errors.append(f"src/{m}: not built as a module (cmake/modules.cmake, digipuls_module)")
    for m in declared:
        if m not in folders:
            errors.append(f"{m}: declared by the build but there is no src/{m}")

    for m in folders:
        deps = set(declared.get(m, []))
        used = set()
        components = {}
        for path in sources(src, m):
            rel = os.path.relpath(path, os.path.dirname(src))
            here = os.path.splitext(os.path.basename(path))[0]
            for number, inc in includes(path):
                where = f"{rel}:{number}"
                if ".." in inc.split("/"):
                    errors.append(f"{where}: #include \"{inc}\" climbs out of its folder; name the module")
                    continue
                parts = inc.split("/")
                if len(parts) < 2 or parts[0] not in folders:
                    if not os.path.exists(os.path.join(os.path.dirname(path), inc)):
                        errors.append(f"{where}: #include \"{inc}\" names no header of src/")
                    continue
                target = parts[0]
                if not os.path.exists(os.path.join(src, inc)):
                    errors.append(f"{where}: #include \"{inc}\": no such header")
                if target == m:
                    other = os.path.splitext(os.path.basename(inc))[0]
                    if other != here:
                        components.setdefault(here, set()).add(other)
                    continue
                used.add(target)
                if target not in deps:
                    errors.append(f"{where}: #include \"{inc}\", but {m} does not declare {target} "
                                  f"(CMakeLists.txt, digipuls_module({m} DEPS ...))")
        for d in sorted(deps - used):
            errors.append(f"{m}: declares {d} but includes none of its headers (a stale edge)")
        cycle = find_cycle(components)
        if cycle:
            errors.append(f"src/{m}: files include each other in a cycle: {' -> '.join(cycle)}")

    for m, deps in declared.items():
        for d in deps:
            if m not in layer_of or d not in layer_of:
                continue
            if (m, d) in KNOWN_EXCEPTIONS:
                notes.append(f"{m} -> {d}: known exception: {KNOWN_EXCEPTIONS[(m, d)]}")
                continue
            if layer_of[d] > layer_of[m]:
                errors.append(f"{m} -> {d}: goes up from the {LAYERS[layer_of[m]][0]} layer to the "
                              f"{LAYERS[layer_of[d]][0]} layer")
            elif layer_of[d] == layer_of[m] and (m, d) not in ALONG_THE_FLOW:
                errors.append(f"{m} -> {d}: sideways inside the {LAYERS[layer_of[m]][0]} layer "
                              f"(not along the direction of flow)")

    for n in notes:
        print(f"note: {n}")
    for e in errors:
        print(f"error: {e}")
    count = sum(len(d) for d in declared.values())
    print(f"{len(declared)} modules, {count} declared dependencies: "
          f"{'ok' if not errors else str(len(errors)) + ' problem(s)'}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
