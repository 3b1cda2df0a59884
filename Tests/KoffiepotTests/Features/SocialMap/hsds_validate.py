"""Validates Koffiepot's HSDS answers against the official HSDS 3.0 schemas with jsonschema (Draft 2020-12).

stdin: {"schemas": DIR, "answers": [{"name", "schema", "paged", "body"}], "datapackage": BASE64}
stdout: a JSON list of every error found (empty when all conform).
"""
import base64
import csv
import io
import json
import sys
import zipfile

from jsonschema import Draft202012Validator

NOT_JSON_SCHEMA = ("constraints", "datapackage_metadata")


def clean(node):
    """The compiled files carry Frictionless hints beside JSON Schema; those keys are dropped."""
    if isinstance(node, dict):
        return {k: clean(v) for k, v in node.items() if k not in NOT_JSON_SCHEMA}
    if isinstance(node, list):
        return [clean(v) for v in node]
    return node


def load(directory, name):
    with open(f"{directory}/{name}.json") as handle:
        return clean(json.load(handle))


PAGE_KEYS = {"total_items": int, "total_pages": int, "page_number": int, "size": int,
             "first_page": bool, "last_page": bool, "empty": bool, "contents": list}


def main():
    request = json.load(sys.stdin)
    directory = request["schemas"]
    errors = []
    checker = Draft202012Validator.FORMAT_CHECKER
    for answer in request["answers"]:
        validator = Draft202012Validator(load(directory, answer["schema"]), format_checker=checker)
        body = answer["body"]
        items = [body]
        if answer["paged"]:
            for key, kind in PAGE_KEYS.items():
                if not isinstance(body.get(key), kind):
                    errors.append(f"{answer['name']}: paging field {key} missing or not {kind.__name__}")
            items = body.get("contents", [])
        for index, item in enumerate(items):
            for error in validator.iter_errors(item):
                errors.append(f"{answer['name']}[{index}] {'/'.join(map(str, error.path))}: {error.message}")

    tabular = load(directory, "tabular")["properties"]
    by_path = {spec["items"]["path"]: spec["items"] for spec in tabular.values()}
    archive = zipfile.ZipFile(io.BytesIO(base64.b64decode(request["datapackage"])))
    package = json.loads(archive.read("datapackage.json"))
    if package.get("profile") != "tabular-data-package":
        errors.append("datapackage.json: profile is not tabular-data-package")
    for resource in package["resources"]:
        path = resource["path"]
        spec = by_path.get(path)
        if spec is None:
            errors.append(f"{path}: not a file of the HSDS tabular form")
            continue
        rows = list(csv.reader(io.StringIO(archive.read(path).decode("utf-8"))))
        header = rows[0]
        declared = [field["name"] for field in resource["schema"]["fields"]]
        if header != declared:
            errors.append(f"{path}: header {header} differs from datapackage.json {declared}")
        unknown = set(header) - set(spec["properties"])
        if unknown:
            errors.append(f"{path}: columns not in HSDS: {sorted(unknown)}")
        missing = set(spec.get("required", [])) - set(header)
        if missing:
            errors.append(f"{path}: required columns missing: {sorted(missing)}")
        # Each row as the object it stands for: empty cells absent, numbers as numbers.
        row_schema = {k: v for k, v in spec.items() if k in ("type", "required")}
        row_schema["properties"] = {name: {k: v for k, v in prop.items() if k in ("type", "format", "enum")}
                                    for name, prop in spec["properties"].items() if prop.get("type") != "array"}
        validator = Draft202012Validator(row_schema, format_checker=checker)
        for number, row in enumerate(rows[1:], start=2):
            item = {}
            for name, value in zip(header, row):
                if value == "":
                    continue
                kind = spec["properties"].get(name, {}).get("type")
                item[name] = float(value) if kind == "number" else value
            for error in validator.iter_errors(item):
                errors.append(f"{path}:{number} {'/'.join(map(str, error.path))}: {error.message}")
    json.dump(errors, sys.stdout)


if __name__ == "__main__":
    main()
