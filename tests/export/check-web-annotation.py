#!/usr/bin/env python3
# check-web-annotation.py: exports annotations of the sample project as
# W3C Web Annotation JSON with standpoint-cli and checks every annotation
# against the Working Group's 54 MUST assertions (annotationMusts.test, with
# its draft-04 JSON Schemas, copied into tests/data/web-annotation).
#
# usage: check-web-annotation.py STANDPOINT_CLI DATA_DIR
#
# SPDX-License-Identifier: GPL-3.0-or-later
import copy
import json
import os
import subprocess
import sys
import tempfile
import warnings

import jsonschema

warnings.simplefilter("ignore", DeprecationWarning)

cli, data_dir = sys.argv[1], sys.argv[2]


def run(*args):
    result = subprocess.run([cli, *args], capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"standpoint-cli {' '.join(args)} failed: {result.stderr}")
    return result.stdout


def load_validators():
    store = {}
    for name in os.listdir(os.path.join(data_dir, "definitions")):
        with open(os.path.join(data_dir, "definitions", name)) as f:
            schema = json.load(f)
        store[schema["id"]] = schema
    with open(os.path.join(data_dir, "annotationMusts.test")) as f:
        manifest = json.load(f)
    assertions = []
    for path in manifest["assertions"]:
        with open(os.path.join(data_dir, path)) as f:
            assertion = json.load(f)
        # Assertions refer to each other by file name (their "id").
        store[assertion.get("id", os.path.basename(path))] = assertion
        store[os.path.basename(path)] = assertion
        assertions.append((path, assertion))
    validators = []
    for path, assertion in assertions:
        resolver = jsonschema.RefResolver.from_schema(assertion, store=store)
        validator = jsonschema.Draft4Validator(assertion, resolver=resolver,
                                               format_checker=jsonschema.FormatChecker())
        validators.append((path, assertion.get("expectedResult", "valid") == "valid", validator))
    return validators


def failed_musts(validators, annotation):
    return [path for path, expect_valid, validator in validators
            if validator.is_valid(annotation) != expect_valid]


with tempfile.TemporaryDirectory() as tmp:
    project = os.path.join(tmp, "wa.standpoint")
    out = os.path.join(tmp, "out.jsonld")
    run("new", "--with-samples", project)
    hit = json.loads(run("search", project, '"like-minded standards"', "--json",
                         "--stakeholder", "Thomas Li"))[0]
    document, start = str(hit["document_id"]), hit["start"]
    run("annotate", project, document, str(start), str(start + 40),
        "--theme", "Like-minded countries", "--stance", "opposes",
        "--memo", 'A memo with <markup> & "quotes"')
    run("annotate", project, document, str(start + 60), str(start + 90))
    run("export", project, "--format", "json", "-o", out)
    with open(out) as f:
        collection = json.load(f)

validators = load_validators()
assert len(validators) == 54, len(validators)
items = collection["first"]["items"]
assert collection["type"] == "AnnotationCollection" and len(items) == 2, collection
for item in items:
    failures = failed_musts(validators, item)
    if failures:
        sys.exit(f"{item['id']} fails: {', '.join(failures)}")

# The check can fail: an annotation with both body and bodyValue, or
# without a target, breaks MUSTs.
broken = copy.deepcopy(items[0])
broken["bodyValue"] = "both"
assert "annotations/3.2.5-notBodyBodyValue.json" in failed_musts(validators, broken)
del broken["bodyValue"], broken["target"]
assert failed_musts(validators, broken)

print(f"{len(items)} exported annotations pass all {len(validators)} MUST assertions")
