"""The lesson section of a design: valid and invalid forms, translations, round trips."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from design_docs import mlp

from nnstudio.design import Design, DesignError
from nnstudio.design.lesson import (
    CONCEPTS,
    MAX_CHANGES,
    MAX_STEPS,
    MAX_TEXT,
    PANELS,
    Lesson,
    LessonStep,
    check_lesson,
    concept_title,
    step_problems,
)
from nnstudio.design.schema import validator
from nnstudio.design.validate import validate_document

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "resources" / "examples"


def with_lesson(**section: Any) -> dict[str, Any]:
    """The MLP design with a lesson section: `section` over a valid two-step lesson."""
    lesson: dict[str, Any] = {
        "concepts": ["neurons_vs_boundary"],
        "introduction": "How the number of units shapes the boundary.",
        "steps": [
            {"title": "Eight units", "text": "Press Play.", "panels": ["boundary", "loss"]},
            {"title": "Two units", "text": "Click Apply, then Reset and Play.",
             "predict": "Will two units do?", "apply": {"network.nodes.h1.params.units": 2}},
        ],
        "translations": {"zh_CN": {
            "name": "螺旋", "introduction": "单元数量如何决定边界。",
            "steps": [{"title": "八个单元", "text": "按“播放”。"}, {}],
        }},
    }
    lesson.update(section)
    return {**mlp(), "lesson": lesson}


def messages(doc: dict[str, Any]) -> list[str]:
    return [str(p) for p in validate_document(doc)]


# -- valid -------------------------------------------------------------------------------------
def test_a_valid_lesson_reads_into_the_typed_model():
    lesson = Design.from_dict(with_lesson()).lesson
    assert lesson == Lesson(
        name="Spiral", description="two arms", concepts=("neurons_vs_boundary",),
        introduction="How the number of units shapes the boundary.",
        steps=(LessonStep("Eight units", "Press Play.", panels=("boundary", "loss")),
               LessonStep("Two units", "Click Apply, then Reset and Play.",
                          predict="Will two units do?",
                          apply={"network.nodes.h1.params.units": 2})),
        translations=lesson.translations)
    assert lesson.languages == ("en", "zh_CN")


def test_only_the_steps_are_required():
    lesson = Design.from_dict({**mlp(), "lesson": {"steps": [{"title": "t", "text": ""}]}}).lesson
    assert lesson is not None
    assert (lesson.concepts, lesson.introduction, lesson.languages) == ((), "", ("en",))
    assert lesson.steps[0] == LessonStep("t", "")


def test_a_design_without_a_lesson_has_none():
    assert Design.from_dict(mlp()).lesson is None
    assert check_lesson(mlp()) == [] and step_problems(mlp()) == []


def test_every_concept_and_panel_is_accepted_and_titled():
    doc = with_lesson(concepts=list(CONCEPTS))
    doc["lesson"]["steps"][0]["panels"] = list(PANELS)
    assert messages(doc) == []
    assert len(CONCEPTS) == 20
    assert concept_title("batch_norm") == "Batch normalisation"
    assert concept_title("batch_norm", "zh_CN") == concept_title("batch_norm", "zh") == "批归一化"
    assert concept_title("batch_norm", "de") == "Batch normalisation"


def test_texts_up_to_the_limit_are_accepted():
    doc = with_lesson(introduction="x" * MAX_TEXT)
    doc["lesson"]["steps"] = [{"title": "t", "text": "y"}] * MAX_STEPS
    doc["lesson"]["translations"] = {}
    assert messages(doc) == []


# -- round trips -------------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["xor", "digits_cnn", "sine"])
def test_a_file_without_the_section_opens_and_saves_exactly_as_before(name, tmp_path):
    original = (EXAMPLES / f"{name}.json").read_text(encoding="utf-8")
    design = Design.from_json(original)
    assert design.to_dict() == json.loads(original) and design.lesson is None
    design.save(tmp_path / "copy.json")
    saved = (tmp_path / "copy.json").read_text(encoding="utf-8")
    assert saved == design.to_json() and "lesson" not in json.loads(saved)
    assert Design.load(tmp_path / "copy.json").to_json() == saved


def test_a_lesson_survives_a_save(tmp_path):
    design = Design.from_dict(with_lesson())
    design.save(tmp_path / "lesson.json")
    again = Design.load(tmp_path / "lesson.json")
    assert again.to_json() == design.to_json() and again.lesson == design.lesson


def test_a_design_saved_in_the_middle_of_a_lesson_opens_again():
    doc = with_lesson()
    lesson = Lesson.from_document(doc)
    assert lesson is not None
    changed = lesson.steps[1].applied(doc)
    assert changed["network"]["nodes"][1]["params"]["units"] == 2
    assert doc["network"]["nodes"][1]["params"]["units"] == 8  # the original is untouched
    assert Design.from_dict(changed).lesson == lesson


# -- translations ------------------------------------------------------------------------------
def test_localized_takes_each_translated_text_and_falls_back_to_english():
    lesson = Design.from_dict(with_lesson()).lesson
    assert lesson is not None
    chinese = lesson.localized("zh_CN")
    assert chinese.language == "zh_CN"
    assert (chinese.name, chinese.introduction) == ("螺旋", "单元数量如何决定边界。")
    assert chinese.description == "two arms"  # not translated
    assert (chinese.steps[0].title, chinese.steps[0].text) == ("八个单元", "按“播放”。")
    assert chinese.steps[0].panels == ("boundary", "loss")
    assert chinese.steps[1] == lesson.steps[1]  # {}: left in English
    assert lesson.localized("zh") == chinese
    assert lesson.localized("de") is lesson and lesson.localized("en") is lesson


def test_a_short_or_empty_translated_step_list_leaves_the_rest_in_english():
    doc = with_lesson()
    del doc["lesson"]["translations"]["zh_CN"]["steps"]
    lesson = Lesson.from_document(doc)
    assert lesson is not None
    assert lesson.localized("zh_CN").steps == lesson.steps


# -- invalid -----------------------------------------------------------------------------------
def set_in(doc: dict[str, Any], path: list[Any], value: Any) -> dict[str, Any]:
    doc = copy.deepcopy(doc)
    target = doc["lesson"]
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return doc


BAD = [
    # (where in the lesson, the value, the one message expected)
    ([], None, None),
    (["concepts"], "perceptron_xor", "lesson.concepts: must be a list, got 'perceptron_xor'"),
    (["concepts"], ["perceptron_xr"],
     "lesson.concepts[0]: unknown concept 'perceptron_xr' (did you mean 'perceptron_xor'?)"),
    (["concepts"], ["dropout", "dropout"], "lesson.concepts[1]: 'dropout' is listed twice"),
    (["introduction"], 3, "lesson.introduction: must be a text, got 3"),
    (["introduction"], "x" * (MAX_TEXT + 1),
     "lesson.introduction: is 4,001 characters long; at most 4,000 are allowed"),
    (["steps"], [], "lesson.steps: must have at least 1 step"),
    (["steps"], [{"title": "t", "text": "x"}] * (MAX_STEPS + 1),
     "lesson.steps: has 51 steps; at most 50 are allowed"),
    (["steps", 0], "look", "lesson.steps[0]: must be an object such as {\"title\": \"...\", "
                           "\"text\": \"...\"}, got 'look'"),
    (["steps", 0, "panel"], ["loss"],
     "lesson.steps[0].panel: is not a known key (did you mean 'panels'?)"),
    (["steps", 0, "panels"], ["bondary"],
     "lesson.steps[0].panels[0]: unknown panel 'bondary' (did you mean 'boundary'?)"),
    (["steps", 1, "predict"], ["?"], "lesson.steps[1].predict: must be a text, got ['?']"),
    (["steps", 1, "apply"], ["units", 2],
     "lesson.steps[1].apply: must be an object of dotted paths and values such as "
     "{\"training.optimizer.lr\": 0.1}, got ['units', 2]"),
    (["steps", 1, "apply"], {"training..lr": 0.1},
     "lesson.steps[1].apply.training..lr: is not a dotted path such as training.optimizer.lr "
     "or network.nodes.h1.params.units"),
    (["steps", 1, "apply"], {f"x-{i}": i for i in range(MAX_CHANGES + 1)},
     "lesson.steps[1].apply: makes 51 changes; a step makes at most 50"),
    (["translations"], ["zh_CN"], "lesson.translations: must be an object of language codes "
                                  "such as {\"zh_CN\": {...}}, got ['zh_CN']"),
    (["translations", "chinese"], {},
     "lesson.translations.chinese: is not a language code such as zh_CN or de"),
    (["translations", "zh_CN", "title"], "螺旋",
     "lesson.translations.zh_CN.title: is not a known key; a translation takes name, "
     "description, introduction, steps"),
    (["translations", "zh_CN", "steps"], [{}],
     "lesson.translations.zh_CN.steps: has 1 steps, the lesson 2: translate the steps in the "
     "same order ({} for one left in English)"),
    (["translations", "zh_CN", "steps", 1], {"apply": {}},
     "lesson.translations.zh_CN.steps[1].apply: is not a known key; a translated step takes "
     "title, text, predict"),
    (["translations", "zh_CN", "steps", 0, "text"], None,
     "lesson.translations.zh_CN.steps[0].text: must be a text, got None"),
]


@pytest.mark.parametrize(("path", "value", "expected"), BAD[1:],
                         ids=[e or "?" for _, _, e in BAD[1:]])
def test_each_kind_of_bad_lesson_gets_one_located_message(path, value, expected):
    assert messages(set_in(with_lesson(), path, value)) == [expected]


def test_the_section_itself_and_its_steps_must_be_there():
    assert messages({**mlp(), "lesson": ["steps"]}) == [
        "lesson: must be an object such as {\"concepts\": [...], \"steps\": [...]}, got "
        "['steps']"]
    assert messages({**mlp(), "lesson": {"concept": []}}) == [
        "lesson.concept: is not a known key (did you mean 'concepts'?)",
        "lesson.steps: is missing: a lesson needs a list of steps"]
    assert messages({**mlp(), "lesson": {"steps": [{}]}}) == [
        "lesson.steps[0].title: is missing", "lesson.steps[0].text: is missing"]


def test_every_problem_is_reported_at_once_and_loading_raises_no_traceback():
    doc = set_in(with_lesson(concepts=["nope"]), ["steps", 0, "panels"], ["lss", "loss"])
    with pytest.raises(DesignError) as caught:
        Design.from_dict(doc)
    assert [p.path for p in caught.value.problems] == ["lesson.concepts[0]",
                                                       "lesson.steps[0].panels[0]"]


def test_the_shipped_schema_describes_the_section():
    assert not list(validator().iter_errors(with_lesson()))
    bad = set_in(with_lesson(), ["steps", 0, "panels"], ["bondary"])
    assert list(validator().iter_errors(bad))


# -- following the script ----------------------------------------------------------------------
def test_step_problems_follow_the_script_and_name_the_step():
    assert step_problems(with_lesson()) == []
    doc = set_in(with_lesson(), ["steps", 1, "apply"], {"network.nodes.h9.params.units": 2})
    assert [str(p) for p in step_problems(doc)] == [
        "lesson.steps[1].apply: network.nodes.h9.params.units: the network has no node 'h9' "
        "(its nodes: x, h1, out)"]
    doc = set_in(with_lesson(), ["steps", 1, "apply"], {"network.nodes.h1.params.units": -3})
    assert [str(p) for p in step_problems(doc)] == [
        "lesson.steps[1].apply: network.nodes[1].params.units: must be at least 1, "
        "got -3"]


def test_step_problems_see_the_design_as_the_earlier_steps_left_it():
    doc = with_lesson()
    doc["lesson"]["steps"][0]["apply"] = {"network.nodes.h1.params.units": 4}
    doc["lesson"]["steps"][1]["apply"] = {"network.nodes.h1.params.activation": "relu"}
    lesson = Lesson.from_document(doc)
    assert lesson is not None
    after = lesson.steps[1].applied(lesson.steps[0].applied(doc))
    assert after["network"]["nodes"][1]["params"] == {"units": 4, "activation": "relu"}
    assert step_problems(doc) == []


def test_the_example_in_the_documentation_is_a_valid_lesson():
    text = (ROOT / "docs" / "lessons.md").read_text(encoding="utf-8")
    doc = json.loads(text.split("```json", 1)[1].split("```", 1)[0])
    lesson = Design.from_dict(doc).lesson
    assert lesson is not None and step_problems(doc) == []
    assert lesson.localized("zh_CN").steps[1] == lesson.steps[1]
