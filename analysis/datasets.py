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


def basil_doc_id(year: str, article: dict) -> str:
    """A BASIL article's ``doc_id``: ``YEAR-EVENT8-SOURCE`` (its year folder, the first 8
    characters of its triplet uuid, its source in lower case)."""
    return f"{year}-{article['triplet-uuid'][:8]}-{str(article['source']).casefold()}"


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
        doc_id = basil_doc_id(file.parent.name, data)
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


POLNEAR_ATTRIBUTION = ["doc_id", "attribution_id", "kind", "content_start", "content_end", "content",
                       "source_start", "source_end", "source", "cue_start", "cue_end", "cue"]


def _brat_spans(file: Path) -> tuple[dict, list[dict]]:
    """Spans (``T`` lines: type, start, end, text) and links (``E`` lines: role → span id) of a
    brat standoff file. A discontinuous span ``s e;s e`` is read from its first start to its last end."""
    spans, links = {}, []
    for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), 1):
        fields = line.split("\t")
        if line.startswith("T") and len(fields) >= 2:
            kind, _, offsets = fields[1].partition(" ")
            try:
                bounds = [int(x) for part in offsets.split(";") for x in part.split()]
            except ValueError:
                raise DatasetError(f"{file}:{number}: offsets {offsets!r} are not 'start end[;start end]'")
            spans[fields[0]] = (kind, min(bounds), max(bounds))
        elif line.startswith("E") and len(fields) >= 2:
            links.append(dict(part.split(":", 1) for part in fields[1].split() if ":" in part))
    return spans, links


def read_polnear(split: str = "dev", path: Path | str | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """PolNeAR attributions (Newell, Margolin & Ruths 2018) as a corpus table and a gold table.

    Out: ``articles``: ``doc_id`` (file name), ``outlet`` (publisher), ``language`` (en),
    ``published``, ``title``, ``text``; ``attributions``: one row per annotated attribution with a
    content span, columns ``POLNEAR_ATTRIBUTION`` (offsets into ``text``; ``source_*`` and
    ``cue_*`` empty / -1 when not annotated). ``kind`` is ``direct`` when the content opens with a
    quotation mark or starts right after an opening one (the annotator left the mark out),
    ``mixed`` when it holds one elsewhere, else ``indirect``. One annotator's file
    per article (the first by name).
    """
    from analysis.marks import QUOTE_MARKS, scan_quote_marks

    folder = _folder(path, "polnear") / split
    if not (folder / "text").is_dir():
        raise DatasetError(f"{folder}: no text/ folder; split is train or dev")
    meta = pd.read_csv(folder.parent / "metadata.tsv", sep="\t", dtype=str).set_index("filename")
    articles, gold = [], []
    for file in sorted((folder / "text").glob("*.txt")):
        doc_id = file.stem
        text = file.read_text(encoding="utf-8")
        row = meta.loc[doc_id] if doc_id in meta.index else {}
        articles.append({"doc_id": doc_id, "outlet": row.get("publisher", doc_id.split("_")[0]),
                         "language": "en", "published": row.get("publication_date", "unknown"),
                         "title": row.get("title", ""), "text": text})
        annotations = sorted((folder / "attributions").glob(f"{doc_id}_*.ann"))
        if not annotations:
            continue
        spans, links = _brat_spans(annotations[0])
        # a span may leave the opening mark out ("said, “|We will win”"): it is direct all the same
        after_opening = {p.open_at + 1 for p in scan_quote_marks(text)[0]}
        for n, link in enumerate(links):
            if link.get("Content") not in spans:
                continue
            _, cs, ce = spans[link["Content"]]
            content = text[cs:ce]
            lead = content.lstrip()[:1]
            kind = ("direct" if lead and lead in QUOTE_MARKS or cs in after_opening
                    else "mixed" if scan_quote_marks(content)[0] else "indirect")
            record = {"doc_id": doc_id, "attribution_id": f"{doc_id}:{n}", "kind": kind,
                      "content_start": cs, "content_end": ce, "content": content}
            for role in ("Source", "Cue"):
                _, s, e = spans.get(link.get(role, ""), ("", -1, -1))
                record.update({f"{role.lower()}_start": s, f"{role.lower()}_end": e,
                               role.lower(): text[s:e] if s >= 0 else ""})
            gold.append(record)
    return pd.DataFrame(articles), pd.DataFrame(gold, columns=POLNEAR_ATTRIBUTION)
