"""Public research corpora read as framelab corpora: worked examples, tests and benchmarks.

The data sets are never copied into the project: they are read from ``../shared/datasets/`` (beside
the repository) or from a folder given by the caller.
"""
from __future__ import annotations

import ast
import csv
import json
from pathlib import Path

import pandas as pd

from analysis.paths import ROOT

SHARED_DATASETS = ROOT.parent / "shared" / "datasets"
BASIL_OUTLETS = {"nyt": "New York Times", "fox": "Fox News", "hpo": "HuffPost"}
CORPUS_METADATA = ["doc_id", "file", "outlet", "language", "published", "url", "title"]


class DatasetError(ValueError):
    """A data set folder that is missing or not in the expected layout."""


def _folder(path: Path | str | None, name: str) -> Path:
    folder = Path(path) if path else SHARED_DATASETS / name
    if not folder.is_dir():
        raise DatasetError(f"{folder}: no such folder; the {name} data set is read from "
                           f"../shared/datasets/{name} beside the repository, or from a folder you give")
    return folder


def _entities(value) -> list[str]:
    if isinstance(value, list):
        return [str(v) for v in value]
    return [str(v) for v in ast.literal_eval(value)] if value else []


def read_basil(path: Path | str | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """BASIL events (three outlets per event) as a corpus table and a gold table.

    Out: ``articles``: ``doc_id`` (``YEAR-EVENT8-SOURCE``), ``event`` (triplet uuid), ``year``,
    ``outlet``, ``language`` (en), ``published``, ``url``, ``title``, ``text`` (one paragraph per
    line), ``main_entities`` ("; "-joined), ``main_event``; ``feelings``: ``doc_id``, ``event``,
    ``outlet``, ``entity`` (as named in ``main_entities``), ``feeling`` (neg / neu / pos: the
    annotators' reading of the author's stance toward the entity). Sorted by doc_id.
    """
    folder = _folder(path, "basil")
    articles, feelings = [], []
    for file in sorted((folder / "articles").glob("*/*.json")):
        data = json.loads(file.read_text(encoding="utf-8"))
        source = str(data["source"]).casefold()
        doc_id = f"{file.parent.name}-{data['triplet-uuid'][:8]}-{source}"
        entities = _entities(data.get("main-entities"))
        articles.append({
            "doc_id": doc_id, "event": data["triplet-uuid"], "year": file.parent.name,
            "outlet": BASIL_OUTLETS.get(source, source), "language": "en", "published": data.get("date", ""),
            "url": data.get("url", ""), "title": data.get("title", ""),
            "text": "\n".join(" ".join(p) for p in data["body-paragraphs"]),
            "main_entities": "; ".join(entities), "main_event": data.get("main-event", "")})
        annotation = folder / "annotations" / file.parent.name / f"{file.stem}_ann.json"
        if annotation.exists():
            labels = json.loads(annotation.read_text(encoding="utf-8"))["article-level-annotations"]
            for entity in entities:
                feeling = labels.get(f"author_feeling_{entity.replace(' ', '_')}")
                if feeling:
                    feelings.append({"doc_id": doc_id, "event": data["triplet-uuid"],
                                     "outlet": articles[-1]["outlet"], "entity": entity, "feeling": feeling})
    if not articles:
        raise DatasetError(f"{folder}: no articles/YEAR/*.json files; is this the BASIL folder?")
    return (pd.DataFrame(articles).sort_values("doc_id").reset_index(drop=True),
            pd.DataFrame(feelings, columns=["doc_id", "event", "outlet", "entity", "feeling"])
            .sort_values(["doc_id", "entity"]).reset_index(drop=True))


def write_corpus_folder(articles: pd.DataFrame, folder: Path | str) -> Path:
    """Write a corpus table (``doc_id``, ``outlet``, ``language``, ``text`` and the optional
    metadata columns) as a framelab text folder: one ``DOC_ID.txt`` per article and
    ``metadata.csv``. Returns the folder."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / "metadata.csv").open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(CORPUS_METADATA)
        for row in articles.itertuples(index=False):
            name = f"{row.doc_id}.txt"
            (folder / name).write_text(row.text, encoding="utf-8")
            writer.writerow([row.doc_id, name, row.outlet, row.language, getattr(row, "published", ""),
                             getattr(row, "url", ""), getattr(row, "title", "")])
    return folder
