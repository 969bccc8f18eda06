"""Every figure keeps a bounded size whatever the number of outlets or documents (150 outlets
here): at most MAX_ITEMS outlets on an axis, the rest summed or left to the CSV."""
from __future__ import annotations

import io
import re

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from PIL import Image

import analysis as fl

N_OUTLETS = 150
MAX_PX = 4000
OUTLETS = [f"Outlet {i:03d}" for i in range(N_OUTLETS)]
RNG = np.random.default_rng(0)


def _pixels(fig) -> tuple[int, int]:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=plt.rcParams["savefig.dpi"], bbox_inches="tight")
    plt.close(fig)
    return Image.open(io.BytesIO(buffer.getvalue())).size


def _corpus() -> pd.DataFrame:
    outlets = RNG.choice(OUTLETS, size=1500)
    return pd.DataFrame({"doc_id": [f"d{i:05d}" for i in range(1500)], "outlet": outlets,
                         "n_words": RNG.integers(50, 900, 1500),
                         "published": [f"2021-0{1 + i % 9}-1{i % 9}" for i in range(1500)]})


def _figures(colors=None):
    colors = colors or fl.outlet_colors(OUTLETS)
    corpus = _corpus()
    terms = pd.DataFrame([(o, f"term {t}", "label", int(RNG.integers(0, 4)), 1000) for o in OUTLETS for t in range(60)],
                         columns=["outlet", "term", "category", "count", "words"]).assign(
        per_1k_words=lambda c: c["count"])
    keyness = pd.DataFrame([(o, f"w{k}", 1, 5.0 - k, 1.0, 4, 1) for o in OUTLETS for k in range(10)],
                           columns=["outlet", "term", "ngram", "z", "score", "count_outlet", "count_rest"])
    overlap = pd.DataFrame([(a, b, 1, 0.1) for i, a in enumerate(OUTLETS) for b in OUTLETS[i + 1:i + 4]],
                           columns=["outlet_a", "outlet_b", "shared_groups", "jaccard"])
    grouped = pd.DataFrame({"quote_id": [f"q{i}" for i in range(600)], "group_id": [f"g{i % 80:04d}" for i in range(600)],
                            "outlet": [OUTLETS[i % N_OUTLETS] for i in range(600)], "via_translation": False})
    groups = grouped.groupby("group_id")["outlet"].nunique().rename("n_outlets").reset_index().assign(
        canonical_text="a quotation " * 8)
    scare = pd.DataFrame({"outlet": OUTLETS, "scare_quotes": RNG.integers(0, 5, N_OUTLETS), "words": 1000}).assign(
        per_1k_words=lambda c: c["scare_quotes"] / 1.0)
    stance = pd.DataFrame([(o, t, "neutral", 0.0, -0.1, 0.1, 3, 3) for o in OUTLETS for t in ("a", "b", "c")],
                          columns=["outlet", "target", "label", "score", "low", "high", "n_sentences", "n_units"])
    naming = pd.DataFrame(RNG.integers(0, 3, (N_OUTLETS, 60)), index=OUTLETS, columns=[f"t: name {i}" for i in range(60)])
    devices = pd.DataFrame([(o, d, f"v{k}", 1, 1.0, "") for o in OUTLETS for d in ("hedge", "attribution") for k in range(2)],
                           columns=fl.TABLES["framing_devices"].names)
    sources = pd.DataFrame([(o, f"Source {i % 70}", 1) for i, o in enumerate(OUTLETS * 2)], columns=["outlet", "source", "count"])
    speakers = pd.DataFrame([(o, f"Speaker {i % 12}", 2) for i, o in enumerate(OUTLETS)], columns=["outlet", "speaker", "quotes"])
    return {
        "document lengths": fl.plot_document_lengths(corpus, colors),
        "publication dates": fl.plot_publication_dates(corpus, colors),
        "term rates": fl.plot_term_rates(terms, colors),
        "keyness": fl.plot_keyness(keyness, colors),
        "quote overlap": fl.plot_quote_overlap(overlap, grouped.groupby("outlet")["group_id"].nunique()),
        "quote presence": fl.plot_quote_presence(grouped, groups, colors=colors),
        "speakers": fl.plot_speakers(speakers, colors=colors),
        "scare quotes": fl.plot_scare_quotes(scare, colors),
        "target stance": fl.plot_target_stance(stance, colors=colors),
        "naming matrix": fl.plot_naming_matrix(naming),
        "framing rates": fl.plot_framing_rates(devices, colors=colors),
        "sources": fl.plot_source_graph(sources, colors=colors),
        "claim stance": fl.plot_claim_stance(pd.DataFrame({"doc_id": corpus["doc_id"], "outlet": corpus["outlet"],
                                                           "claim_id": "c1", "label": "discuss"}), colors=colors),
    }


@pytest.fixture(scope="module")
def figures():
    fl.apply_style()
    return _figures()


LEANING = pd.Series({o: ("left", "centre", "right")[i % 3] for i, o in enumerate(OUTLETS)})


@pytest.fixture(scope="module")
def grouped_figures():
    fl.apply_style()
    return _figures(fl.outlet_colors(OUTLETS, LEANING))


@pytest.mark.parametrize("name", ["document lengths", "publication dates", "term rates", "keyness", "quote overlap",
                                  "quote presence", "speakers", "scare quotes", "target stance", "naming matrix",
                                  "framing rates", "sources", "claim stance"])
def test_a_figure_of_150_outlets_stays_under_4000_px(figures, grouped_figures, name):
    for fig, _ in (figures[name], grouped_figures[name]):
        width, height = _pixels(fig)
        assert width <= MAX_PX and height <= MAX_PX, (name, width, height)


def test_grouped_figures_facet_and_order_by_group(grouped_figures):
    fig, data = grouped_figures["target stance"]
    titles = [ax.get_title(loc="left") for ax in fig.axes]
    assert [t.split(":")[0] for t in titles] == ["centre", "left", "right"]  # one panel per group
    fig, _ = grouped_figures["claim stance"]
    rows = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert rows[0] == "centre:" and "right:" in rows and rows.index("left:") < rows.index("right:")
    # each group's rest summed in its own row (counts vary with the random corpus: the module's RNG)
    assert re.fullmatch(r"left: \d\d other outlets", rows[rows.index("right:") - 1])
    assert re.fullmatch(r"right: \d\d other outlets", rows[-1])
    fig, _ = grouped_figures["scare quotes"]
    assert [t.get_text() for t in fig.legends[0].get_texts()] == ["centre", "left", "right"]  # a legend of groups


def test_the_rest_is_summed_as_all_others(figures):
    _, terms = figures["term rates"]
    # the term heatmap keeps MAX_PANELS outlet columns, so its text stays readable at page width
    assert terms["outlet"].nunique() == fl.figures.style.MAX_PANELS + 1
    assert terms["outlet"].str.startswith("all others (138 outlets)").any()
    _, lengths = figures["document lengths"]
    assert lengths["documents"].sum() == 1500 and len(lengths) == fl.MAX_ITEMS + 1


def test_a_small_corpus_is_drawn_document_by_document(seed_corpus):
    fig, data = fl.plot_document_lengths(seed_corpus)
    plt.close(fig)
    assert list(data.columns) == ["doc_id", "outlet", "n_words"] and len(data) == len(seed_corpus)
