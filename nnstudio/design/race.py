"""Races of a design's variants: the optional `race` section, `--vary`, and building the race.

A variant is the design with a few settings changed, each named by a dotted path as in
`nnstudio.design.overrides` (``{"training.optimizer.type": "sgd"}``). The section is

    "race": {"variants": [{"label": "SGD", "overrides": {"training.optimizer.type": "sgd"}},
                          {"overrides": {"training.optimizer.type": "adam"}}]}

with MIN_VARIANTS to MAX_VARIANTS variants; a variant without a label is named after its
overrides. `check_race` checks the section's form only (as a lesson's `apply`): whether a change
fits depends on the design, which may be edited after the race was saved; `build_race` reports
a change that does not fit at its variant.

`build_race` trains every variant on the same data (loaded once per distinct data section) and
from the same initial weights, the base design's, unless the variant is about initialisation:
it changes the training seed, an initialiser, or the shapes of the weights.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import product
from types import MappingProxyType
from typing import Any

import numpy as np

from nnstudio.core.race import Entrant, Fairness, Race
from nnstudio.design.checks import show, unknown_keys
from nnstudio.design.errors import DesignError, Problem, child
from nnstudio.design.overrides import is_dotted_path

MIN_VARIANTS = 2
MAX_VARIANTS = 4
#: the most settings one variant changes
MAX_OVERRIDES = 16
MAX_LABEL = 80
VARIANT_KEYS = ("label", "overrides")
#: node parameters that choose how weights start: changing one gives a variant its own weights
INIT_PARAMS = ("weight_init", "bias_init")


@dataclass(frozen=True)
class Variant:
    """A label and the overrides (dotted path → value) that make the variant's design."""

    label: str
    overrides: Mapping[str, Any]

    @classmethod
    def of(cls, overrides: Mapping[str, Any], label: str | None = None) -> Variant:
        """A variant named `label`, or after its overrides when None or blank."""
        overrides = MappingProxyType(dict(overrides))
        return cls(label.strip() if label and label.strip() else describe(overrides), overrides)


def describe(overrides: Mapping[str, Any]) -> str:
    """A short name for what the overrides change: ``optimizer.type=sgd, h1.activation=relu``
    (the section name dropped, a node named by its id); ``as designed`` when nothing."""
    parts = [f"{_short_path(path)}={_short_value(value)}" for path, value in overrides.items()]
    return ", ".join(parts) or "as designed"


def _short_path(path: str) -> str:
    keys = path.split(".")
    if keys[:2] == ["network", "nodes"] and len(keys) >= 4 and keys[3] == "params":
        keys = [keys[2], *keys[4:]]
    elif keys[0] in ("training", "data") and len(keys) > 1:
        keys = keys[1:]
    return ".".join(keys)


def _short_value(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value)


# -- the race section ----------------------------------------------------------------------------
def race_variants(doc: Mapping[str, Any]) -> list[Variant]:
    """The variants of `doc`'s race section (checked by `check_race`); [] when it has none."""
    section = doc.get("race")
    if not isinstance(section, Mapping):
        return []
    return [Variant.of(v.get("overrides", {}), v.get("label")) for v in section["variants"]]


def race_section(variants: Sequence[Variant]) -> dict[str, Any]:
    """The race section that saves `variants` (a label only where it differs from the one
    their overrides give)."""
    items = []
    for variant in variants:
        item: dict[str, Any] = {"overrides": dict(variant.overrides)}
        if variant.label != describe(variant.overrides):
            item = {"label": variant.label, **item}
        items.append(item)
    return {"variants": items}


def check_race(doc: Mapping[str, Any]) -> list[Problem]:
    """Every problem with the form of `doc`'s race section ([] when it has none)."""
    if "race" not in doc:
        return []
    section = doc["race"]
    example = '{"variants": [{"overrides": {"training.optimizer.type": "sgd"}}, ...]}'
    if not isinstance(section, dict):
        return [Problem("race", f"must be an object such as {example}, got {show(section)}")]
    problems = unknown_keys(section, ("variants",), "race", "a race")
    variants = section.get("variants")
    if not isinstance(variants, list) or not MIN_VARIANTS <= len(variants) <= MAX_VARIANTS:
        got = f"{len(variants)} variants" if isinstance(variants, list) else show(variants)
        return [*problems, Problem("race.variants", f"must be a list of {MIN_VARIANTS} to "
                                                    f"{MAX_VARIANTS} variants, got {got}")]
    for i, variant in enumerate(variants):
        problems += _check_variant(variant, child("race.variants", i))
    return problems


def _check_variant(variant: Any, path: str) -> list[Problem]:
    if not isinstance(variant, dict):
        return [Problem(path, 'must be an object such as {"label": "SGD", "overrides": '
                              f'{{"training.optimizer.type": "sgd"}}}}, got {show(variant)}')]
    problems = unknown_keys(variant, VARIANT_KEYS, path, "a variant")
    label = variant.get("label")
    if "label" in variant and not (isinstance(label, str) and len(label) <= MAX_LABEL):
        problems.append(Problem(child(path, "label"),
                                f"must be a text of at most {MAX_LABEL} characters, got "
                                f"{show(label)}"))
    overrides = variant.get("overrides")
    where = child(path, "overrides")
    if not isinstance(overrides, dict) or len(overrides) > MAX_OVERRIDES:
        problems.append(Problem(where, "must be an object of at most "
                                       f"{MAX_OVERRIDES} changes such as "
                                       f'{{"training.optimizer.lr": 0.1}}, got {show(overrides)}'))
        return problems
    problems += [Problem(child(where, key), "is not a dotted path such as training.optimizer.lr")
                 for key in overrides if not is_dotted_path(key)]
    return problems


def race_schema() -> dict[str, Any]:
    """The JSON Schema of the race section (for nnstudio.design.schema)."""
    return {
        "description": "Variants of the design trained side by side: each changes a few "
                       "settings, named by dotted paths (training.optimizer.type, "
                       "network.nodes.h1.params.activation).",
        "type": "object",
        "required": ["variants"],
        "properties": {
            "variants": {
                "type": "array", "minItems": MIN_VARIANTS, "maxItems": MAX_VARIANTS,
                "items": {
                    "type": "object", "required": ["overrides"],
                    "properties": {
                        "label": {"type": "string", "maxLength": MAX_LABEL,
                                  "description": "Its name in the legend (default: what "
                                                 "its overrides change)."},
                        "overrides": {"type": "object", "maxProperties": MAX_OVERRIDES,
                                      "propertyNames": {"pattern": r"^[^.]+(\.[^.]+)*$"},
                                      "description": "Dotted path → value."},
                    },
                    "additionalProperties": False,
                },
            },
        },
        "additionalProperties": False,
    }


# -- --vary KEY=V1,V2 ----------------------------------------------------------------------------
def parse_vary(text: str) -> tuple[str, list[Any]]:
    """``KEY=V1,V2,...`` as (KEY, values), each value JSON where it parses (``0.1``, ``true``,
    ``[0.9,0.99]``), else the text itself; ValueError saying what is wrong."""
    key, sep, values = text.partition("=")
    key = key.strip()
    if not sep or not is_dotted_path(key):
        raise ValueError(f"{text!r} is not KEY=V1,V2,... with KEY a dotted path such as "
                         "training.optimizer.type")
    try:  # the whole list as JSON first, so a value may itself be a list with commas
        parsed = json.loads(f"[{values}]")
    except ValueError:
        parsed = [_value(v) for v in values.split(",")]
    if not parsed or any(v == "" for v in parsed):
        raise ValueError(f"{key}: give its values after '=', separated by commas, got "
                         f"{values!r}")
    return key, parsed


def _value(text: str) -> Any:
    text = text.strip()
    try:
        return json.loads(text)
    except ValueError:
        return text


def vary_variants(varies: Sequence[tuple[str, Sequence[Any]]]) -> list[Variant]:
    """A variant for every combination of the keys' values (the first key's slowest)."""
    keys = [key for key, _ in varies]
    return [Variant.of(dict(zip(keys, combo, strict=True)))
            for combo in product(*(values for _, values in varies))]


# -- building ------------------------------------------------------------------------------------
def build_race(design: Any, variants: Sequence[Variant], *, dtype: Any = np.float32,
               fair: Fairness = "steps") -> Race:
    """A race of `variants` of `design` (a Design), ready to `step`.

    DesignError names the variant and the change that does not fit, or why the variant cannot
    train; every variant's problems are listed.
    """
    from nnstudio.design.build import build_network
    from nnstudio.design.trainer import Trainer, load_design_data

    if not MIN_VARIANTS <= len(variants) <= MAX_VARIANTS:
        raise DesignError(f"a race has {MIN_VARIANTS} to {MAX_VARIANTS} variants, got "
                          f"{len(variants)}")
    designs, problems = [], []
    for variant in variants:
        try:
            designs.append(variant_design(design, variant))
        except DesignError as exc:
            problems += _at(variant, exc)
    if problems:
        raise DesignError(problems)
    reference = build_network(design, dtype=dtype).state_dict()
    data_of: dict[str, Any] = {}
    entrants: list[Entrant] = []
    for variant, vdesign in zip(variants, designs, strict=True):
        try:
            key = json.dumps(vdesign.data, sort_keys=True)
            if key not in data_of:
                data_of[key] = load_design_data(vdesign, dtype)
            trainer = Trainer(vdesign, dtype=dtype, dataset=data_of[key])
        except DesignError as exc:
            problems += _at(variant, exc)
            continue
        if _shares_weights(design, vdesign, trainer.network.state_dict(), reference):
            trainer.load_state(reference)
        label, n = variant.label, 1
        while label in {e.label for e in entrants}:  # every entrant named apart
            n += 1
            label = f"{variant.label} ({n})"
        entrants.append(Entrant(label, trainer))
    if problems:
        raise DesignError(problems)
    return Race(entrants, fair)


def variant_design(design: Any, variant: Variant) -> Any:
    """The Design of `variant`: `design` with its overrides, beside the same file."""
    from nnstudio.design.document import Design
    from nnstudio.design.overrides import apply_overrides

    doc = design.to_dict()
    doc.pop("race", None)
    result = Design.from_dict(apply_overrides(doc, variant.overrides, validate=False))
    result.path = design.path
    return result


def _at(variant: Variant, exc: DesignError) -> list[Problem]:
    return [Problem(f"variant {variant.label!r}" + (f": {p.path}" if p.path else ""),
                    p.message) for p in exc.problems]


def _shares_weights(base: Any, variant: Any, own: Mapping[str, np.ndarray],
                    reference: Mapping[str, np.ndarray]) -> bool:
    """Whether the variant starts from the base design's weights: same seed, same
    initialisers, weights of the same names and shapes."""
    if variant.training.get("seed") != base.training.get("seed"):
        return False
    if _initialisers(variant) != _initialisers(base):
        return False
    return own.keys() == reference.keys() and all(
        own[name].shape == reference[name].shape for name in own)


def _initialisers(design: Any) -> dict[str, list[Any]]:
    return {node["id"]: [node.get("params", {}).get(p) for p in INIT_PARAMS]
            for node in design.nodes}
