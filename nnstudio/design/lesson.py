"""The optional `lesson` section of a design: what it teaches and the script a lecturer follows.

A lesson is a design whose `lesson` section lists the concepts it teaches (ids from CONCEPTS),
an introduction, and steps; each step says what to look at or do (`title`, `text`), may ask the
class for a prediction before pressing Play (`predict`), bring panels into view (`panels`, ids
from PANELS) and make a one-click change to the design (`apply`, dotted paths as in
`nnstudio.design.overrides`). `translations` gives the texts in other languages, any entry
missing falling back to English. The format is documented in docs/lessons.md.

`check_lesson` finds every problem with the section (called by `validate_document`);
`Lesson.from_document` turns a valid section into the typed model the GUI shows, and
`Lesson.localized` gives it in the user's language.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any

from nnstudio.design.checks import did_you_mean, show, unknown_keys
from nnstudio.design.errors import DesignError, Problem, child
from nnstudio.design.overrides import apply_overrides, is_dotted_path

#: every concept of the course, in teaching order, with its title in English and Chinese
CONCEPT_TITLES: Mapping[str, Mapping[str, str]] = MappingProxyType({
    "perceptron_xor": {"en": "The perceptron and XOR", "zh_CN": "感知机与异或问题"},
    "forward_backward": {"en": "Forward and backward propagation",
                         "zh_CN": "前向传播与反向传播"},
    "neurons_vs_boundary": {"en": "Neurons and the decision boundary",
                            "zh_CN": "神经元数量与决策边界"},
    "l2_overfitting": {"en": "L2 regularisation against overfitting",
                       "zh_CN": "L2 正则化与过拟合"},
    "activations_vanishing": {"en": "Sigmoid, ReLU and the vanishing gradient",
                              "zh_CN": "Sigmoid、ReLU 与梯度消失"},
    "standardization": {"en": "Standardising the inputs", "zh_CN": "输入标准化"},
    "initialization": {"en": "Weight initialisation", "zh_CN": "权重初始化"},
    "dropout": {"en": "Dropout", "zh_CN": "Dropout（随机失活）"},
    "optimizers": {"en": "SGD, Momentum, AdaGrad and Adam",
                   "zh_CN": "SGD、Momentum、AdaGrad 与 Adam"},
    "batch_norm": {"en": "Batch normalisation", "zh_CN": "批归一化"},
    "minibatch_epoch": {"en": "Mini-batches and epochs", "zh_CN": "小批量与轮次"},
    "gradient_check": {"en": "Numerical against analytic gradients",
                       "zh_CN": "数值梯度与解析梯度"},
    "validation_early_stopping": {"en": "Validation and early stopping",
                                  "zh_CN": "验证集与早停"},
    "local_minima": {"en": "Local minima and restarts", "zh_CN": "局部极小值与重新开始"},
    "universal_approximation": {"en": "Fitting a curve with one hidden layer",
                                "zh_CN": "用一个隐藏层拟合曲线"},
    "losses_softmax": {"en": "MSE, cross-entropy, hinge and softmax",
                       "zh_CN": "均方误差、交叉熵、合页损失与 Softmax"},
    "convolution_pooling": {"en": "Convolution and pooling", "zh_CN": "卷积与池化"},
    "residual": {"en": "Residual connections", "zh_CN": "残差连接"},
    "rnn_lstm": {"en": "RNN and LSTM", "zh_CN": "RNN 与 LSTM"},
    "word2vec": {"en": "word2vec: skip-gram with negative sampling",
                 "zh_CN": "word2vec：负采样的 Skip-gram"},
})
#: the concept ids, in teaching order
CONCEPTS: tuple[str, ...] = tuple(CONCEPT_TITLES)
#: valid ids that no shipped lesson teaches yet (the sequence layers come later)
COMING: tuple[str, ...] = ("rnn_lstm",)

#: what a step may bring into view: the dashboard panels and the window's docks
PANELS: tuple[str, ...] = (
    "loss",          # loss and accuracy curves
    "boundary",      # decision boundary over the 2-D data, with each neuron's thumbnail
    "curve",         # the fitted curve of a 1-D regression
    "weights",       # histograms of each layer's weights
    "activations",   # distributions of each layer's outputs
    "gradients",     # the gradient flow: each layer's gradient size
    "samples",       # predictions on sample images
    "confusion",     # the confusion matrix
    "mistakes",      # the images the network gets wrong
    "filters",       # the first convolution's filters
    "features",      # the feature maps of one image
    "pad",           # a drawing pad the network classifies
    "word_vectors",  # the word vectors projected to 2-D, neighbours and analogies
    "data",          # the data settings dock
    "training",      # the training settings dock
    "inspector",     # the selected layer's settings
    "summary",       # the model summary: shapes and parameter counts
)

#: the longest text a lesson field may hold (characters), and the most steps and changes
MAX_TEXT = 4000
MAX_STEPS = 50
MAX_CHANGES = 50
ENGLISH = "en"

LESSON_KEYS = ("concepts", "introduction", "steps", "translations")
STEP_KEYS = ("title", "text", "predict", "panels", "apply")
TRANSLATION_KEYS = ("name", "description", "introduction", "steps")
STEP_TEXT_KEYS = ("title", "text", "predict")
#: a language code as Qt names locales: "zh_CN", "de", "pt_BR"
_LANGUAGE = re.compile(r"[a-z]{2,3}(_[A-Z]{2})?")


# -- the model ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class LessonStep:
    """One step of the script: what to look at or do, a prediction to ask the class for, the
    panels to bring into view and a change the lesson panel makes in one click."""

    title: str
    text: str
    predict: str = ""
    panels: tuple[str, ...] = ()
    #: dotted path → value, read-only; empty when the step changes nothing
    apply: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))

    def applied(self, doc: Mapping[str, Any]) -> dict[str, Any]:
        """A new design document: `doc` with this step's change made (DesignError if the
        result does not resolve or validate)."""
        return apply_overrides(doc, self.apply)


@dataclass(frozen=True)
class Lesson:
    """A design's lesson section in one language (`language`); see `localized`."""

    name: str
    description: str
    concepts: tuple[str, ...]
    introduction: str
    steps: tuple[LessonStep, ...]
    #: language code → the translated texts, as in the file
    translations: Mapping[str, Mapping[str, Any]] = field(
        default_factory=lambda: MappingProxyType({}))
    language: str = ENGLISH

    @classmethod
    def from_document(cls, doc: Mapping[str, Any]) -> Lesson | None:
        """The lesson of a validated design document (English), None when it has none."""
        section = doc.get("lesson")
        if not isinstance(section, dict):
            return None
        steps = tuple(
            LessonStep(title=s["title"], text=s["text"], predict=s.get("predict", ""),
                       panels=tuple(s.get("panels", ())),
                       apply=MappingProxyType(dict(s.get("apply", {}))))
            for s in section["steps"])
        return cls(name=doc.get("name", ""), description=doc.get("description", ""),
                   concepts=tuple(section.get("concepts", ())),
                   introduction=section.get("introduction", ""), steps=steps,
                   translations=MappingProxyType(dict(section.get("translations", {}))))

    @property
    def languages(self) -> tuple[str, ...]:
        """English and every language the file translates into."""
        return (ENGLISH, *(code for code in self.translations if code != ENGLISH))

    def localized(self, language: str) -> Lesson:
        """This lesson in `language` ("zh_CN"; "zh" finds "zh_CN" too): every translated text
        in place of the English one, the rest in English. English when none matches."""
        code = _matching_language(language, self.translations)
        if code is None:
            return self
        texts = self.translations[code]
        translated = texts.get("steps", [])
        steps = tuple(_localized_step(step, translated[i] if i < len(translated) else {})
                      for i, step in enumerate(self.steps))
        return replace(self, name=texts.get("name") or self.name,
                       description=texts.get("description") or self.description,
                       introduction=texts.get("introduction") or self.introduction,
                       steps=steps, language=code)


def concept_title(concept: str, language: str = ENGLISH) -> str:
    """A concept's title in `language` (English when it has none there)."""
    titles = CONCEPT_TITLES[concept]
    code = _matching_language(language, titles)
    return titles[code] if code is not None else titles[ENGLISH]


def lessons_dir() -> Path:
    """The folder of the shipped lessons (resources/lessons)."""
    from nnstudio.data.paths import resources_dir

    return resources_dir() / "lessons"


def _localized_step(step: LessonStep, texts: Mapping[str, Any]) -> LessonStep:
    return replace(step, **{key: texts[key] for key in STEP_TEXT_KEYS
                            if isinstance(texts.get(key), str) and texts[key]})


def _matching_language(language: str, available: Mapping[str, Any]) -> str | None:
    """The code in `available` for `language`: itself, else one of the same primary language
    (`zh` ↔ `zh_CN`); None for English or when none matches."""
    if language in available:
        return language if language != ENGLISH else None
    primary = language.split("_")[0]
    if primary == ENGLISH:
        return None
    return next((code for code in available if code.split("_")[0] == primary), None)


# -- validation --------------------------------------------------------------------------------
def check_lesson(doc: Mapping[str, Any]) -> list[Problem]:
    """Every problem with `doc`'s lesson section ([] when it has none), each at its JSON path.

    A step's `apply` is checked for its form only (dotted paths, at most MAX_CHANGES): whether
    a change fits depends on the design as it is when the step is reached, and a design saved
    in the middle of a lesson must still open. `step_problems` follows the script through.
    """
    if "lesson" not in doc:
        return []
    section = doc["lesson"]
    if not isinstance(section, dict):
        return [Problem("lesson", "must be an object such as {\"concepts\": [...], "
                                  f"\"steps\": [...]}}, got {show(section)}")]
    problems = unknown_keys(section, LESSON_KEYS, "lesson", "a lesson")
    if "concepts" in section:
        problems += _check_ids(section["concepts"], CONCEPTS, "lesson.concepts", "concept")
    if "introduction" in section:
        problems += _check_text(section["introduction"], "lesson.introduction")
    steps = section.get("steps")
    if "steps" not in section:
        problems.append(Problem("lesson.steps", "is missing: a lesson needs a list of steps"))
    else:
        problems += _check_steps(steps)
    if "translations" in section:
        # the step count to compare with, once the steps themselves are a proper list
        count = (len(steps) if isinstance(steps, list) and 1 <= len(steps) <= MAX_STEPS
                 else None)
        problems += _check_translations(section["translations"], count)
    return problems


def step_problems(doc: Mapping[str, Any]) -> list[Problem]:
    """What goes wrong when a lecturer follows the lesson of the valid design `doc` from the
    start, clicking every step's Apply in turn: a change whose path does not resolve, or that
    leaves an invalid design; [] when every step works. Each problem is placed at the step's
    `apply` (``lesson.steps[2].apply: ...``)."""
    lesson = Lesson.from_document(doc)
    if lesson is None:
        return []
    current = dict(doc)
    for i, step in enumerate(lesson.steps):
        if not step.apply:
            continue
        try:
            current = step.applied(current)
        except DesignError as exc:
            return [Problem(child(child("lesson.steps", i), "apply"), str(problem))
                    for problem in exc.problems]
    return []


def _check_steps(steps: Any) -> list[Problem]:
    path = "lesson.steps"
    problems = _check_list(steps, path, MAX_STEPS, "steps", minimum=1)
    if problems:
        return problems
    for i, step in enumerate(steps):
        where = child(path, i)
        if not isinstance(step, dict):
            problems.append(Problem(where, "must be an object such as {\"title\": \"...\", "
                                           f"\"text\": \"...\"}}, got {show(step)}"))
            continue
        problems += unknown_keys(step, STEP_KEYS, where, "a step")
        for key in ("title", "text"):
            if key not in step:
                problems.append(Problem(child(where, key), "is missing"))
        for key in STEP_TEXT_KEYS:
            if key in step:
                problems += _check_text(step[key], child(where, key))
        if "panels" in step:
            problems += _check_ids(step["panels"], PANELS, child(where, "panels"), "panel")
        if "apply" in step:
            problems += _check_apply(step["apply"], child(where, "apply"))
    return problems


def _check_apply(changes: Any, path: str) -> list[Problem]:
    """An object of at most MAX_CHANGES dotted paths."""
    if not isinstance(changes, dict):
        return [Problem(path, "must be an object of dotted paths and values such as "
                              f"{{\"training.optimizer.lr\": 0.1}}, got {show(changes)}")]
    if len(changes) > MAX_CHANGES:
        return [Problem(path, f"makes {len(changes)} changes; a step makes at most "
                              f"{MAX_CHANGES}")]
    return [Problem(child(path, key), "is not a dotted path such as training.optimizer.lr "
                                      "or network.nodes.h1.params.units")
            for key in changes if not is_dotted_path(key)]


def _check_translations(translations: Any, step_count: int | None) -> list[Problem]:
    path = "lesson.translations"
    if not isinstance(translations, dict):
        return [Problem(path, "must be an object of language codes such as "
                              f"{{\"zh_CN\": {{...}}}}, got {show(translations)}")]
    problems = []
    for code, texts in translations.items():
        where = child(path, code)
        if not _LANGUAGE.fullmatch(code):
            problems.append(Problem(where, "is not a language code such as zh_CN or de"))
        if not isinstance(texts, dict):
            problems.append(Problem(where, f"must be an object of texts, got {show(texts)}"))
            continue
        problems += unknown_keys(texts, TRANSLATION_KEYS, where, "a translation")
        for key in ("name", "description", "introduction"):
            if key in texts:
                problems += _check_text(texts[key], child(where, key))
        if "steps" in texts:
            problems += _check_translated_steps(texts["steps"], child(where, "steps"),
                                                step_count)
    return problems


def _check_translated_steps(steps: Any, path: str, step_count: int | None) -> list[Problem]:
    problems = _check_list(steps, path, MAX_STEPS, "steps")
    if problems:
        return problems
    if step_count is not None and len(steps) != step_count:
        problems.append(Problem(path, f"has {len(steps)} steps, the lesson {step_count}: "
                                      "translate the steps in the same order ({} for one "
                                      "left in English)"))
    for i, step in enumerate(steps):
        where = child(path, i)
        if not isinstance(step, dict):
            problems.append(Problem(where, f"must be an object of texts, got {show(step)}"))
            continue
        problems += unknown_keys(step, STEP_TEXT_KEYS, where, "a translated step")
        for key in STEP_TEXT_KEYS:
            if key in step:
                problems += _check_text(step[key], child(where, key))
    return problems


def _check_ids(ids: Any, known: Sequence[str], path: str, what: str) -> list[Problem]:
    """A list of distinct ids from `known`."""
    problems = _check_list(ids, path, len(known), f"{what}s")
    if problems:
        return problems
    for i, name in enumerate(ids):
        if name not in known:
            hint = did_you_mean(name, known) or f"; the {what}s are {', '.join(known)}"
            problems.append(Problem(child(path, i), f"unknown {what} {show(name)}{hint}"))
        elif ids.index(name) < i:
            problems.append(Problem(child(path, i), f"{show(name)} is listed twice"))
    return problems


def _check_list(value: Any, path: str, maximum: int, what: str,
                minimum: int = 0) -> list[Problem]:
    if not isinstance(value, list):
        return [Problem(path, f"must be a list, got {show(value)}")]
    if len(value) > maximum:
        return [Problem(path, f"has {len(value)} {what}; at most {maximum} are allowed")]
    if len(value) < minimum:
        return [Problem(path, f"must have at least {minimum} {what[:-1]}")]
    return []


def _check_text(value: Any, path: str) -> list[Problem]:
    if not isinstance(value, str):
        return [Problem(path, f"must be a text, got {show(value)}")]
    if len(value) > MAX_TEXT:
        return [Problem(path, f"is {len(value):,} characters long; at most {MAX_TEXT:,} are "
                              "allowed")]
    return []


# -- the JSON Schema ---------------------------------------------------------------------------
def lesson_schema() -> dict[str, Any]:
    """The JSON Schema of the lesson section (for nnstudio.design.schema)."""
    text = {"type": "string", "maxLength": MAX_TEXT}
    step_texts = {key: text for key in STEP_TEXT_KEYS}
    return {
        "description": "What the design teaches and the script of steps a lecturer follows "
                       "(docs/lessons.md).",
        "type": "object",
        "required": ["steps"],
        "properties": {
            "concepts": {"type": "array", "items": {"enum": list(CONCEPTS)},
                         "uniqueItems": True, "description": "The concepts it teaches."},
            "introduction": text,
            "steps": {
                "type": "array", "minItems": 1, "maxItems": MAX_STEPS,
                "items": {
                    "type": "object", "required": ["title", "text"],
                    "properties": {
                        **step_texts,
                        "panels": {"type": "array", "items": {"enum": list(PANELS)},
                                   "uniqueItems": True},
                        "apply": {"type": "object", "maxProperties": MAX_CHANGES,
                                  "description": "Dotted path → value: the change the step "
                                                 "makes in one click."},
                    },
                    "additionalProperties": False,
                },
            },
            "translations": {
                "type": "object",
                "propertyNames": {"pattern": f"^{_LANGUAGE.pattern}$"},
                "additionalProperties": {
                    "type": "object",
                    "properties": {
                        "name": text, "description": text, "introduction": text,
                        "steps": {"type": "array", "maxItems": MAX_STEPS,
                                  "items": {"type": "object", "properties": step_texts,
                                            "additionalProperties": False}},
                    },
                    "additionalProperties": False,
                },
            },
        },
        "additionalProperties": False,
    }
