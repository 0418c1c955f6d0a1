"""Validates `normfolio check --format sarif` against the official SARIF 2.1.0 schema.

Usage: python3 Tests/SARIF/validate.py .build/debug/normfolio
Runs check on the sample portfolio (the repository's Content/) and on a copy of it with an error,
validates both logs (formats checked too), and checks that every result names a rule with help.
"""
import json
import pathlib
import shutil
import subprocess
import sys
import tempfile

import jsonschema

ROOT = pathlib.Path(__file__).resolve().parents[2]
SCHEMA = json.loads((ROOT / "Tests/SARIF/sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


def sarif_of(binary, portfolio):
    run = subprocess.run([binary, "check", "--format", "sarif", str(portfolio)], capture_output=True, text=True)
    if run.returncode not in (0, 1):
        sys.exit(f"check --format sarif failed ({run.returncode}): {run.stderr}")
    return json.loads(run.stdout), run.returncode


def validate(log, name):
    validator_class = jsonschema.validators.validator_for(SCHEMA)
    validator_class.check_schema(SCHEMA)
    validator = validator_class(SCHEMA, format_checker=validator_class.FORMAT_CHECKER)
    errors = sorted(validator.iter_errors(log), key=lambda error: list(error.path))
    for error in errors[:20]:
        print(f"{name}: {'/'.join(map(str, error.path))}: {error.message}")
    if errors:
        sys.exit(f"{name}: {len(errors)} errors against the SARIF 2.1.0 schema")
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    ids = [rule["id"] for rule in rules]
    for result in run["results"]:
        rule = rules[result["ruleIndex"]]
        if rule["id"] != result["ruleId"]:
            sys.exit(f"{name}: result for {result['ruleId']} points at rule {rule['id']}")
        if "see the table" in rule["help"]["text"]:
            sys.exit(f"{name}: rule {rule['id']} has no help text of its own")
    return len(run["results"]), len(ids)


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else str(ROOT / ".build/debug/normfolio")
    log, status = sarif_of(binary, ROOT)
    results, rules = validate(log, "sample")
    if status != 0 or results == 0:
        sys.exit(f"sample: expected warnings and exit 0, got {results} results and exit {status}")
    with tempfile.TemporaryDirectory() as folder:
        copy = pathlib.Path(folder) / "portfolio"
        shutil.copytree(ROOT / "Content", copy / "Content")
        shutil.copy(ROOT / "normfolio.yml", copy / "normfolio.yml")
        (copy / "Content/fout.md").write_text("---\ntitle: Fout\nnorms: [XX.99]\n---\nTekst.\n", encoding="utf-8")
        broken, status = sarif_of(binary, copy)
        broken_results, _ = validate(broken, "sample with an error")
        levels = [result["level"] for result in broken["runs"][0]["results"]]
        if status != 1 or "error" not in levels:
            sys.exit(f"sample with an error: expected an error result and exit 1, got exit {status}")
    print(f"SARIF valid: the sample gives {results} results over {rules} rules; with an error, {broken_results}.")


if __name__ == "__main__":
    main()
