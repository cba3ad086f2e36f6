"""The data-source catalogue: every `source`, its keys (defaults, ranges, help) and datasets.

The single source of truth for `load_dataset` (defaults, validation), the design validator and
JSON Schema (ranges, choices) and the GUI's data panel (widgets, tooltips, dataset pickers).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from nnstudio.core.catalog import REQUIRED
from nnstudio.data.errors import DataError
from nnstudio.data.features import DEFAULT_FEATURES, FEATURES, needing_more
from nnstudio.data.values import MAX_CLASSES, DataParam, check_value, normalise
from nnstudio.data.words import MODES

TASKS = ("classification", "regression")
KINDS = ("points2d", "curve1d", "table", "images", "sequence", "text", "words")
MAX_SEED = 2**32 - 1


@dataclass(frozen=True)
class DatasetInfo:
    """One named dataset of a source; `defaults` overrides the source's defaults for it."""

    name: str
    title: str
    summary: str
    defaults: tuple[tuple[str, Any], ...] = ()


@dataclass(frozen=True)
class DataSource:
    """One value of `data.source`."""

    name: str
    title: str
    summary: str
    params: tuple[DataParam, ...] = ()
    datasets: tuple[DatasetInfo, ...] = ()

    def param(self, key: str) -> DataParam:
        for p in self.params:
            if p.name == key:
                return p
        raise KeyError(key)

    def dataset(self, name: str) -> DatasetInfo:
        for d in self.datasets:
            if d.name == name:
                return d
        raise KeyError(name)

    def defaults(self, name: str | None = None) -> dict[str, Any]:
        """Every key's default (required keys left out), for dataset `name` if given."""
        out = {p.name: p.default for p in self.params if not p.required}
        if self.datasets:
            info = self.dataset(name if name is not None else out["name"])
            out.update(info.defaults)
        return out


def _common(standardize: bool | None) -> tuple[DataParam, ...]:
    """validation, test, standardize (default `standardize`; None: ids, always off), seed."""
    return (
        DataParam("validation", "float", 0.2, 0.0, 1.0, exclusive_maximum=True,
                  help="Fraction of the samples held out to watch for overfitting while "
                       "training."),
        DataParam("test", "float", 0.0, 0.0, 1.0, exclusive_maximum=True,
                  help="Fraction held out until the end, for an honest final score."),
        DataParam("standardize", "bool", False,
                  help="Always off: the inputs are the ids of characters or words, not "
                       "measurements.") if standardize is None else
        DataParam("standardize", "bool", standardize,
                  help="Shift and scale every input feature (image channel) to mean 0 and "
                       "standard deviation 1, using the training split's statistics only."),
        DataParam("seed", "int", 0, 0, MAX_SEED,
                  help="Random seed: the same seed gives the same samples and the same split."),
    )


def _name(datasets: tuple[DatasetInfo, ...]) -> DataParam:
    return DataParam("name", "choice", datasets[0].name, choices=tuple(d.name for d in datasets),
                     help="Which dataset.")


_TASK = DataParam("task", "choice", "auto", choices=("auto", *TASKS),
                  help="'auto': text targets, or whole-number targets with few distinct values, "
                       "make a classification task; anything else regression.")
_DROP = DataParam("drop_missing", "bool", False,
                  help="Drop the rows with a missing value instead of refusing the file.")
_FEATURES = DataParam(
    "features", "features", DEFAULT_FEATURES, choices=tuple(FEATURES),
    labels=tuple(f.label for f in FEATURES.values()),
    help="What the network receives of each point, as in TensorFlow Playground: x₁, x₂, x₁², "
         "x₂², x₁x₂, sin x₁, sin x₂. A linear model solves the circle with x₁² and x₂².")
_SAMPLES_HELP = "Number of points generated."
_NOISE_HELP = "How noisy the data is, from 0 (clean) to 0.5 (very noisy)."

TOY2D = (
    DatasetInfo("circle", "Circle",
                "A disc of one class inside a ring of the other: needs a curved boundary."),
    DatasetInfo("xor", "Exclusive or",
                "Opposite quadrants share a class: what a single perceptron cannot learn."),
    DatasetInfo("gauss", "Two Gaussians",
                "Two blobs, separable by a straight line: the easiest start."),
    DatasetInfo("spiral", "Spiral",
                "Interleaved spiral arms: needs depth, or hand-made features like sin x."),
    DatasetInfo("moons", "Two moons",
                "Two interlocking half-moons: a gently curved boundary."),
    DatasetInfo("linear", "Linearly separable",
                "Two classes on either side of a straight line with a gap: the perceptron's "
                "home ground."),
    DatasetInfo("random", "Random labels",
                "Labels drawn at random: a network can only memorise them, so validation "
                "accuracy stays at chance. Overfitting made visible."),
)
REGRESSION = (
    DatasetInfo("sine", "Sine curve",
                "y = sin x on [−6, 6]: the simplest curve a network must bend to fit.",
                (("samples", 500), ("features", ("x1",)))),
    DatasetInfo("plane", "Plane",
                "A tilted plane, (x₁ + x₂)/10: one linear neuron is enough."),
    DatasetInfo("multi_gaussian", "Six bumps",
                "Six bumps of alternating sign: needs several hidden units, one per bump."),
)
BUILTIN = (
    DatasetInfo("iris", "Iris flowers",
                "150 flowers, 4 measurements, 3 species: the classic first table."),
    DatasetInfo("wine", "Wine",
                "178 wines, 13 chemical measurements, 3 cultivars: features on very different "
                "scales, so standardising matters."),
    DatasetInfo("breast_cancer", "Breast cancer (Wisconsin)",
                "569 tumours, 30 cell-nucleus measurements: malignant or benign."),
    DatasetInfo("digits", "Handwritten digits 8×8",
                "1797 tiny grey images of the digits 0–9: a first convolutional network."),
)
SEQUENCES = (
    DatasetInfo("sine", "Sine: the next value",
                "A stretch of a sine curve from a random start: predict the value that comes "
                "next (regression, mse)."),
    DatasetInfo("sum_of_sines", "Sum of sines: the next value",
                "sin t + ½ sin 3t from a random start: a wavier curve whose next value "
                "depends on more of the past."),
    DatasetInfo("first_last", "Is the first symbol the last?",
                "Random symbols, one-hot: is the last one the same as the first? Only the "
                "first step tells, so the network must carry it through every step to the "
                "end."),
    DatasetInfo("parity", "Parity of a bit string",
                "Random bits: is their count odd? Every step matters until the end.",
                (("length", 8),)),
)
TEXTS = (
    DatasetInfo("rhymes_en", "Nursery rhymes (English)",
                "Two traditional rhymes that repeat themselves, 3 500 characters: a first "
                "text for a character model."),
    DatasetInfo("words_en", "Word corpus (English)",
                "1 500 simple English sentences about kings and queens, pets, numbers, "
                "colours, cities and fruit."),
    DatasetInfo("words_zh", "Word corpus (Chinese)",
                "1 500 simple Chinese sentences, segmented into words, on the same topics."),
)
WORDS = TEXTS[1:]

SOURCES: dict[str, DataSource] = {s.name: s for s in (
    DataSource(
        "toy2d", "Toy 2-D classification",
        "Points in the plane, as in TensorFlow Playground: watch the decision boundary form.",
        (_name(TOY2D),
         DataParam("samples", "int", 500, 10, 100_000, help=_SAMPLES_HELP),
         DataParam("noise", "float", 0.0, 0.0, 0.5, help=_NOISE_HELP),
         DataParam("classes", "int", 2, 2, MAX_CLASSES,
                   help="Number of spiral arms (spiral only)."),
         _FEATURES, *_common(standardize=False)),
        TOY2D,
    ),
    DataSource(
        "points", "Drawn points",
        "Points you place on the plane yourself, each with its class.",
        (DataParam("points", "points", (),
                   help="The points, each [x, y, class] with the class numbered from 0."),
         DataParam("classes", "optional_int", None, 2, MAX_CLASSES,
                   help="Number of classes; empty means one more than the largest class "
                        "drawn (at least 2)."),
         _FEATURES, *_common(standardize=False)),
    ),
    DataSource(
        "regression", "Toy regression",
        "A curve or surface to fit with the mse loss.",
        (_name(REGRESSION),
         DataParam("samples", "int", 1200, 10, 100_000,
                   help="Number of points generated (500 for sine, 1200 for the others)."),
         DataParam("noise", "float", 0.0, 0.0, 0.5, help=_NOISE_HELP),
         _FEATURES, *_common(standardize=False)),
        REGRESSION,
    ),
    DataSource(
        "builtin", "Bundled dataset",
        "Small real datasets shipped with nnstudio (UCI, CC BY 4.0).",
        (_name(BUILTIN), *_common(standardize=True)),
        BUILTIN,
    ),
    DataSource(
        "csv", "CSV file",
        "A table: one sample per row, numeric feature columns and one target column.",
        (DataParam("path", "path", help="The CSV file, relative to the design's folder."),
         DataParam("target", "column", None,
                   help="The target column: its name, or its index counting from 0; empty "
                        "means the last column."),
         DataParam("columns", "columns", None,
                   help="The feature columns (names or indices counting from 0), in this "
                        "order; empty means every column except the target."),
         DataParam("delimiter", "choice", "auto", choices=("auto", ",", ";", "\t"),
                   help="The field separator; 'auto' detects comma, semicolon or tab."),
         DataParam("header", "choice", "auto", choices=("auto", True, False),
                   help="Whether the first line holds column names; 'auto' detects it."),
         _TASK, _DROP, *_common(standardize=True)),
    ),
    DataSource(
        "npz", "NumPy .npz file",
        "Arrays saved with numpy.savez: inputs (N, features) or images (N, C, H, W), and "
        "targets.",
        (DataParam("path", "path", help="The .npz file, relative to the design's folder."),
         DataParam("x_key", "text", "x", help="Name of the input array."),
         DataParam("y_key", "text", "y", help="Name of the target array."),
         DataParam("sequence", "bool", False,
                   help="Read inputs of shape (samples, time steps, features) as sequences "
                        "for a recurrent network (and (samples, time steps) as one feature "
                        "per step), instead of as grey images."),
         _TASK, *_common(standardize=True)),
    ),
    DataSource(
        "images", "Image folder",
        "A folder with one sub-folder of images per class (PNG, JPEG, PGM/PPM), the class "
        "named after its sub-folder.",
        (DataParam("path", "path",
                   help="The folder holding one sub-folder per class, relative to the "
                        "design's folder."),
         DataParam("size", "size", 28, 1, 512,
                   help="Every image is resized to this height and width (one number for a "
                        "square) by averaging the pixels each new pixel covers."),
         DataParam("color", "choice", "grayscale", choices=("grayscale", "rgb"),
                   help="One grey channel, or three colour channels (red, green, blue)."),
         *_common(standardize=True)),
    ),
    DataSource(
        "idx", "MNIST IDX files",
        "Images and labels in the IDX format of MNIST and Fashion-MNIST, plain or .gz.",
        (DataParam("images", "path",
                   help="The images file (e.g. train-images-idx3-ubyte.gz), relative to the "
                        "design's folder."),
         DataParam("labels", "path",
                   help="The labels file (e.g. train-labels-idx1-ubyte.gz), relative to the "
                        "design's folder."),
         *_common(standardize=True)),
    ),
    DataSource(
        "sequence", "Sequences",
        "Generated sequences (samples, time steps, features) for recurrent networks: the "
        "next value of a curve, or a class that needs memory.",
        (_name(SEQUENCES),
         DataParam("samples", "int", 1000, 10, 100_000, help="Number of sequences generated."),
         DataParam("length", "int", 20, 2, 1000, help="Time steps in each sequence."),
         DataParam("noise", "float", 0.0, 0.0, 0.5,
                   help="Noise added to the curves' values (the next-value tasks only)."),
         DataParam("symbols", "int", 4, 2, 16,
                   help="How many different symbols (the first-equals-last task only)."),
         *_common(standardize=False)),
        SEQUENCES,
    ),
    DataSource(
        "text", "Text, character by character",
        "A bundled text cut into windows of characters: predict the next character. The "
        "inputs are character ids for an Embedding.",
        (_name(TEXTS),
         DataParam("length", "int", 32, 1, 256, help="Characters the network reads before "
                                                    "predicting the next one."),
         DataParam("stride", "int", 1, 1, 256,
                   help="Characters between the starts of two windows."),
         *_common(standardize=None)),
        TEXTS,
    ),
    DataSource(
        "words", "Words for word2vec",
        "A bundled corpus as word2vec examples: a word and a word near it (skip-gram), or the "
        "words around one (CBOW), each with negatives drawn from the unigram^0.75 "
        "distribution, for the negative_sampling loss.",
        (_name(WORDS),
         DataParam("mode", "choice", "skipgram", choices=MODES,
                   help="skipgram: predict each word near the centre from the centre; cbow: "
                        "predict the centre from the mean of the words around it."),
         DataParam("window", "int", 2, 1, 10,
                   help="How many words on each side of the centre count as its context."),
         DataParam("negatives", "int", 5, 1, 20,
                   help="Words drawn at random for each example, whose scores the loss "
                        "pushes down (negative sampling)."),
         *_common(standardize=None)),
        WORDS,
    ),
)}
DEFAULT_SOURCE = "toy2d"


def resolve_spec(spec: Mapping[str, Any]) -> dict[str, Any]:
    """`spec` checked and completed with every default; DataError (with `.key`) if it is bad."""
    if not isinstance(spec, Mapping):
        raise DataError(f"the data section must be an object such as "
                        f"{{\"source\": \"toy2d\", \"name\": \"circle\"}}, got {spec!r}")
    source_name = spec.get("source", DEFAULT_SOURCE)
    source = SOURCES.get(source_name) if isinstance(source_name, str) else None
    if source is None:
        raise DataError(f"unknown data source {source_name!r}; choose one of "
                        f"{', '.join(SOURCES)}", key="source")
    known = [p.name for p in source.params]
    for key in spec:
        if key != "source" and key not in known:
            raise DataError(f"the {source_name} source has no key {key!r}; it takes "
                            f"{', '.join(known)}", key=key)
    out: dict[str, Any] = {"source": source_name}
    defaults = source.defaults()
    if source.datasets:
        name_param = source.param("name")
        problem = check_value(name_param, spec.get("name", name_param.default))
        if problem:
            raise DataError(f"name {problem}", key="name")
        defaults = source.defaults(spec.get("name", name_param.default))
    for p in source.params:
        if p.name not in spec:
            if p.default is REQUIRED:
                raise DataError(f"the {source_name} source needs {p.name!r}: {p.help[0].lower()}"
                                f"{p.help[1:]}", key=p.name)
            out[p.name] = normalise(p, defaults[p.name])
            continue
        problem = check_value(p, spec[p.name])
        if problem:
            raise DataError(f"{p.name} {problem}", key=p.name)
        out[p.name] = normalise(p, spec[p.name])
    if out["validation"] + out["test"] >= 1:
        raise DataError(f"validation + test must leave some samples for training; got "
                        f"{out['validation']:g} + {out['test']:g}", key="validation")
    _check_across_keys(out)
    return out


def _check_across_keys(spec: dict[str, Any]) -> None:
    """The rules that span several keys of a resolved spec; fills in the drawn points'
    classes when left empty."""
    source = spec["source"]
    if source == "toy2d" and spec["classes"] != 2 and spec["name"] != "spiral":
        raise DataError(f"classes applies only to the spiral; {spec['name']} has 2 classes",
                        key="classes")
    if source in ("text", "words") and spec["standardize"]:
        raise DataError(f"the {source} source gives ids of characters or words, which cannot "
                        f"be standardised: set standardize to false", key="standardize")
    if "features" in spec:
        one_input = source == "regression" and spec["name"] == "sine"
        missing = needing_more(spec["features"], 1 if one_input else 2)
        if missing:
            raise DataError(f"the sine curve has a single input, x1, so it has no "
                            f"{', '.join(missing)}; its features are x1, x1^2 and sin_x1",
                            key="features")
    if source == "points":
        labels = [c for _, _, c in spec["points"]]
        top = max(labels, default=0)
        if spec["classes"] is None:
            spec["classes"] = max(2, top + 1)
        elif top >= spec["classes"]:
            i = labels.index(top)
            raise DataError(f"the point at index {i} has class {top}, but classes is "
                            f"{spec['classes']} (classes are numbered from 0)", key="classes")


def describe_sources() -> list[dict[str, Any]]:
    """The catalogue as plain JSON-ready data, for the GUI, the CLI and the JSON Schema."""
    def param(p: DataParam) -> dict[str, Any]:
        return {"name": p.name, "kind": p.kind, "required": p.required,
                "default": None if p.required else p.default, "minimum": p.minimum,
                "maximum": p.maximum, "exclusive_maximum": p.exclusive_maximum,
                "choices": list(p.choices), "labels": list(p.labels), "help": p.help}

    return [{"source": s.name, "title": s.title, "summary": s.summary,
             "params": [param(p) for p in s.params],
             "datasets": [{"name": d.name, "title": d.title, "summary": d.summary,
                           "defaults": dict(d.defaults)} for d in s.datasets]}
            for s in SOURCES.values()]
