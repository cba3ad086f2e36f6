"""The shipped JSON Schema: generated from the catalogues, and a valid draft 2020-12 schema."""

from __future__ import annotations

import json

import pytest
from design_docs import SHIPPED_SCHEMA
from jsonschema import Draft202012Validator

from nnstudio.core.catalog import NODE_TYPES
from nnstudio.core.optimizers import OPTIMIZERS
from nnstudio.data.catalog import SOURCES
from nnstudio.design import Design
from nnstudio.design.io import dumps
from nnstudio.design.schema import design_schema, main


def test_shipped_schema_is_the_generated_one() -> None:
    assert SHIPPED_SCHEMA.read_text(encoding="utf-8") == dumps(design_schema()), (
        "regenerate it: python -m nnstudio.design.schema > resources/schema/design-v1.schema.json")


def test_main_prints_the_schema(capsys: pytest.CaptureFixture[str]) -> None:
    main()
    assert json.loads(capsys.readouterr().out) == design_schema()


def test_schema_is_valid_draft_2020_12() -> None:
    Draft202012Validator.check_schema(design_schema())


def test_every_catalogue_entry_has_its_own_schema() -> None:
    defs = design_schema()["$defs"]
    for name, spec in NODE_TYPES.items():
        props = defs[f"params_{name}"]["properties"]
        assert list(props) == [p.name for p in spec.params]
        for p in spec.params:
            assert props[p.name].get("description") == p.help
            if not p.required:
                assert props[p.name]["default"] == p.default
    assert all(f"optimizer_{name}" in defs for name in OPTIMIZERS)
    assert all(f"data_{name}" in defs for name in SOURCES)


def test_ranges_come_from_the_param_specs() -> None:
    defs = design_schema()["$defs"]
    assert defs["params_Dense"]["properties"]["units"] == {
        "type": "integer", "minimum": 1, "maximum": 1_000_000,
        "description": NODE_TYPES["Dense"].param("units").help}
    assert defs["params_Dropout"]["properties"]["rate"]["exclusiveMaximum"] == 1.0
    assert defs["params_Dense"]["required"] == ["units"]


def test_default_design_passes_the_shipped_schema() -> None:
    schema = json.loads(SHIPPED_SCHEMA.read_text(encoding="utf-8"))
    assert Draft202012Validator(schema).is_valid(Design.default().to_dict())


EXAMPLES = sorted((SHIPPED_SCHEMA.parents[1] / "examples").glob("*.json"))


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_shipped_examples_are_valid(path) -> None:
    design = Design.load(path)
    schema = json.loads(SHIPPED_SCHEMA.read_text(encoding="utf-8"))
    assert Draft202012Validator(schema).is_valid(design.to_dict())
