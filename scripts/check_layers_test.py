#!/usr/bin/env python3
"""The layer check finds what it is there to find (run by ctest: Layers.CheckerFinds...)."""
import os
import subprocess
import sys
import tempfile
import unittest

CHECK = os.path.join(os.path.dirname(os.path.abspath(__file__)), "check_layers.py")


def run(files, deps):
    """Runs the check on a tree of {path: text} with the module map {module: [deps]}."""
    with tempfile.TemporaryDirectory() as d:
        src = os.path.join(d, "src")
        for path, text in files.items():
            full = os.path.join(src, path)
            os.makedirs(os.path.dirname(full), exist_ok=True)
            with open(full, "w", encoding="utf-8") as f:
                f.write(text)
        with open(os.path.join(d, "module-deps.txt"), "w", encoding="utf-8") as f:
            for m, ds in deps.items():
                f.write(f"{m}: {' '.join(ds)}\n")
        p = subprocess.run([sys.executable, CHECK, os.path.join(d, "module-deps.txt"), src],
                           capture_output=True, text=True)
        return p.returncode, p.stdout


BASE = {"core/error.h": "#pragma once\n", "stats/figure.h": '#include "core/error.h"\n'}
BASE_DEPS = {"core": [], "stats": ["core"]}


class LayerCheck(unittest.TestCase):
    def test_a_tree_that_follows_its_declarations_passes(self):
        code, out = run(BASE, BASE_DEPS)
        self.assertEqual(code, 0, out)

    def test_an_include_of_an_undeclared_module_fails_naming_the_line(self):
        files = dict(BASE, **{"registry/model.h": "#pragma once\n", "stats/x.cpp": '\n#include "registry/model.h"\n'})
        code, out = run(files, dict(BASE_DEPS, registry=["core"]))
        self.assertEqual(code, 1)
        self.assertIn("src/stats/x.cpp:2", out)
        self.assertIn("does not declare registry", out)

    def test_a_declared_module_never_included_is_a_stale_edge(self):
        files = dict(BASE, **{"registry/model.h": '#include "core/error.h"\n'})
        code, out = run(files, {"core": [], "registry": ["core"], "stats": ["core", "registry"]})
        self.assertEqual(code, 1)
        self.assertIn("stats: declares registry but includes none", out)

    def test_an_edge_up_a_layer_fails(self):
        files = {"core/error.h": '#include "stats/figure.h"\n', "stats/figure.h": '#include "core/error.h"\n'}
        code, out = run(files, {"core": ["stats"], "stats": ["core"]})
        self.assertEqual(code, 1)
        self.assertIn("core -> stats: goes up", out)

    def test_a_sideways_edge_inside_a_layer_fails_unless_along_the_flow(self):
        files = {"core/error.h": "", "publish/site.h": '#include "core/error.h"\n',
                 "selfassess/routes.h": '#include "publish/site.h"\n#include "core/error.h"\n'}
        code, out = run(files, {"core": [], "publish": ["core"], "selfassess": ["core", "publish"]})
        self.assertEqual(code, 1)
        self.assertIn("selfassess -> publish: sideways", out)

    def test_a_known_exception_is_noted_not_failed(self):
        files = {"core/error.h": "", "storage/store.h": '#include "core/error.h"\n',
                 "web/app.h": '#include "storage/store.h"\n#include "core/error.h"\n'}
        code, out = run(files, {"core": [], "storage": ["core"], "web": ["core", "storage"]})
        self.assertEqual(code, 0, out)
        self.assertIn("note: web -> storage: known exception", out)

    def test_files_of_a_module_that_include_each_other_are_a_cycle(self):
        files = dict(BASE, **{"stats/a.h": "", "stats/b.h": "",
                               "stats/a.cpp": '#include "stats/a.h"\n#include "stats/b.h"\n',
                               "stats/b.cpp": '#include "stats/b.h"\n#include "stats/a.h"\n'})
        code, out = run(files, BASE_DEPS)
        self.assertEqual(code, 1)
        self.assertIn("cycle", out)

    def test_a_relative_include_out_of_the_folder_fails(self):
        files = dict(BASE, **{"stats/x.cpp": '#include "../core/error.h"\n#include "core/error.h"\n'})
        code, out = run(files, BASE_DEPS)
        self.assertEqual(code, 1)
        self.assertIn("climbs out", out)

    def test_a_folder_missing_from_the_module_map_fails(self):
        files = dict(BASE, **{"gadgets/g.h": '#include "core/error.h"\n'})
        code, out = run(files, dict(BASE_DEPS, gadgets=["core"]))
        self.assertEqual(code, 1)
        self.assertIn("src/gadgets: a module missing from the module map", out)


if __name__ == "__main__":
    unittest.main()
