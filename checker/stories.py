"""Split a folder that mixes stories into stories, by what the articles say.

An archive mixes stories, and look-alike events share every noun (two earthquakes, two shootings),
so claims are compared only inside one story. Articles are grouped by content: TF-IDF vectors over
their words (scikit-learn), cosine distance, and average-linkage clustering cut at a distance
threshold (scipy). Two articles whose known dates lie further apart than a window never share a
story. Average linkage can only join two groups that hold at least one pair closer than the
threshold, so the clustering runs inside the connected components of the "closer than the
threshold" graph, which is built chunk by chunk from the sparse vectors: the cost grows with the
size of the components, not with the square of the archive.

Measured on ../shared/corpora/ecbplus-dev (68 stories in 34 look-alike pairs; `scripts/stories.py`):
see the README's quality table.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.sparse.csgraph import connected_components
from sklearn.feature_extraction.text import TfidfVectorizer

# Words of at least two characters that start with a letter: numbers never decide a story.
_TOKEN = r"(?u)\b[^\W\d_][\w'-]+\b"
_CHUNK = 2048
_PRODUCT_CELLS = 20_000_000   # cells of one chunk's product (rows x articles): ~240 MB at most
_DATE_BLOCKING_FROM = 20_000  # articles; below, every pair is compared
_BACKGROUND = 300


@dataclass(frozen=True)
class StoryText:
    """What story grouping reads of an article."""

    id: str
    text: str
    published: _dt.date | None = None


@dataclass(frozen=True)
class StoryOptions:
    threshold: float = 0.85       # cosine distance at which average linkage stops joining groups
    window_days: int = 30         # articles with known dates further apart are never one story
    sentence_min: float = 0.15    # a sentence moves to another story only this close to it (cosine) ...
    sentence_margin: float = 0.05  # ... and this much closer to it than to its own article's story


def _vectors(texts: list[str]):
    """TF-IDF vectors of TEXTS. The IDF is fitted as if the input lay in an archive of at least
    _BACKGROUND articles (empty ones): otherwise, in a folder of one story, the story's own words
    (in every article) lose all weight and its articles look unrelated (measured on ecbplus-dev: a
    story folder alone kept 34% of its article pairs together with plain IDF, 94% with this)."""
    vectorizer = TfidfVectorizer(stop_words="english", sublinear_tf=True, token_pattern=_TOKEN, dtype=np.float32)
    try:
        # fitted and transformed in one pass: each text is tokenized once (the empty rows dropped)
        vectors = vectorizer.fit_transform([*texts, *[""] * _BACKGROUND])
    except ValueError:  # no word in any article (empty or numbers only)
        return None, None
    return vectors[:len(texts)], vectorizer


def _close_pairs(vectors, articles: list[StoryText], options: StoryOptions):
    """Sparse graph of the pairs closer than the threshold.

    The products are taken a chunk of rows at a time, the chunk shrinking as the input grows so
    that one product holds at most about _PRODUCT_CELLS cells (memory stays flat). From
    _DATE_BLOCKING_FROM articles on, a dated article is compared only with the articles dated
    within the story window of its chunk (and the undated ones): two articles further apart than
    the window never share a story, so this drops only edges the date split would mostly cut, and
    the cost grows with the archive rather than with its square. Below that size every pair is
    compared, exactly as before."""
    from scipy.sparse import coo_matrix

    n = len(articles)
    chunk = max(64, min(_CHUNK, _PRODUCT_CELLS // max(n, 1)))
    dated = [i for i, a in enumerate(articles) if a.published is not None]
    if n >= _DATE_BLOCKING_FROM and dated:
        row, col = _date_blocked_pairs(vectors, articles, dated, chunk, options)
    else:
        rows, cols = [], []
        for begin in range(0, n, chunk):
            block = (vectors[begin:begin + chunk] @ vectors.T).tocoo()
            keep = block.data >= 1.0 - options.threshold
            rows.append(block.row[keep] + begin)
            cols.append(block.col[keep])
        row, col = np.concatenate(rows), np.concatenate(cols)
    return coo_matrix((np.ones(len(row)), (row, col)), shape=(n, n))


def _date_blocked_pairs(vectors, articles: list[StoryText], dated: list[int], chunk: int, options: StoryOptions):
    """Close pairs, each dated chunk (in date order) against the articles within the window of it."""
    dated = sorted(dated, key=lambda i: articles[i].published)
    undated = np.array([i for i, a in enumerate(articles) if a.published is None], dtype=np.int64)
    order = np.array(dated, dtype=np.int64)
    days = np.array([articles[i].published.toordinal() for i in dated], dtype=np.int64)
    rows, cols = [], []
    for begin in range(0, len(order), chunk):
        members = order[begin:begin + chunk]
        lo = np.searchsorted(days, days[begin] - options.window_days, side="left")
        hi = np.searchsorted(days, days[min(begin + chunk, len(order)) - 1] + options.window_days, side="right")
        others = np.concatenate([order[lo:hi], undated])
        block = (vectors[members] @ vectors[others].T).tocoo()
        keep = block.data >= 1.0 - options.threshold
        rows.append(members[block.row[keep]])
        cols.append(others[block.col[keep]])
    for begin in range(0, len(undated), chunk):  # an undated article may belong with any other
        members = undated[begin:begin + chunk]
        block = (vectors[members] @ vectors.T).tocoo()
        keep = block.data >= 1.0 - options.threshold
        rows.append(members[block.row[keep]])
        cols.append(block.col[keep])
    return np.concatenate(rows), np.concatenate(cols)


def _cluster_component(vectors, members: np.ndarray, articles, options: StoryOptions) -> list[int]:
    """Average-linkage clusters of one component, as labels local to it."""
    if len(members) == 1:
        return [1]
    sub = vectors[members]
    distance = np.clip(1.0 - (sub @ sub.T).toarray().astype(np.float64), 0.0, 1.0)
    condensed = distance[np.triu_indices(len(members), k=1)]
    labels = _attach_singletons(fcluster(linkage(condensed, method="average"), t=options.threshold,
                                         criterion="distance"), distance, options)
    return _split_by_date(labels, distance, [articles[int(i)].published for i in members], options)


def _attach_singletons(labels: np.ndarray, distance: np.ndarray, options: StoryOptions) -> np.ndarray:
    """An article left alone joins the story of its nearest article when that one is closer than the
    threshold: a short report (one new article checked against an archive) is far from the average
    of a long story, yet plainly part of it."""
    labels = labels.copy()
    sizes = {label: int((labels == label).sum()) for label in np.unique(labels)}
    for k in range(len(labels)):
        if sizes[labels[k]] != 1:
            continue
        others = np.where(np.arange(len(labels)) != k, distance[k], np.inf)
        nearest = int(np.argmin(others))
        if others[nearest] <= options.threshold:
            labels[k] = labels[nearest]
    return labels


def _split_by_date(labels: np.ndarray, distance: np.ndarray, dates: list, options: StoryOptions) -> list[int]:
    """Split each content cluster where its dated articles lie more than the window apart (last
    year's forum is another story); an undated article joins the dated part of its cluster it is
    closest to."""
    out = [0] * len(labels)
    for label in np.unique(labels):
        members = np.flatnonzero(labels == label)
        dated = sorted((dates[k], k) for k in members if dates[k] is not None)
        part, previous = {}, None
        for date, k in dated:
            if previous is not None and (date - previous).days > options.window_days:
                part["next"] = part.get("next", 0) + 1
            part[k] = part.get("next", 0)
            previous = date
        for k in members:
            if dates[k] is None:
                near = min((d for d in part if d != "next"), key=lambda d: distance[k, d], default=None)
                part[k] = part[near] if near is not None else 0
            out[k] = int(label) * 10_000 + part[k]
    return out


def _story_name(vectors, terms, members: list[int]) -> str:
    """A readable name: the three heaviest words of the story's articles."""
    weights = np.asarray(vectors[members].sum(axis=0)).ravel()
    # Only the story's own words can name it: sort those, not the whole vocabulary.
    top = sorted(np.flatnonzero(weights > 0).tolist(), key=lambda k: (-weights[k], terms[k]))[:3]
    return "-".join(re.sub(r"[^\w]+", "", terms[k]) for k in top) or "story"


@dataclass(frozen=True)
class Grouping:
    """The stories of a set of articles, and what they were read from (for placing sentences)."""

    names: list[str]           # a story name per article
    vectors: object = None     # the articles' TF-IDF rows (L2-normalized), or None when no article has a word
    vectorizer: object = None


def group_stories(articles: list[StoryText], options: StoryOptions | None = None) -> list[str]:
    """A story name for each article (articles of one story share it; names are unique per story)."""
    return grouping(articles, options).names


def grouping(articles: list[StoryText], options: StoryOptions | None = None) -> Grouping:
    """The stories of ARTICLES (see group_stories), with the vectors they were grouped by."""
    options = options or StoryOptions()
    if not articles:
        return Grouping([])
    vectors, vectorizer = _vectors([a.text for a in articles])
    if vectors is None:
        return Grouping(["story"] * len(articles))
    _, component = connected_components(_close_pairs(vectors, articles, options), directed=False)
    groups: dict[tuple[int, int], list[int]] = {}
    for comp in np.unique(component):
        members = np.flatnonzero(component == comp)
        for index, label in zip(members.tolist(), _cluster_component(vectors, members, articles, options), strict=True):
            groups.setdefault((int(comp), label), []).append(index)
    terms = vectorizer.get_feature_names_out()
    names = [""] * len(articles)
    taken: dict[str, int] = {}
    for members in sorted(groups.values(), key=lambda m: min(articles[i].id for i in m)):
        name = _story_name(vectors, terms, members)
        taken[name] = taken.get(name, 0) + 1
        label = name if taken[name] == 1 else f"{name}-{taken[name]}"
        for i in members:
            names[i] = label
    return Grouping(names, vectors, vectorizer)


def sentence_stories(found: Grouping, articles: list[StoryText], sentences: list[tuple[int, str]],
                     options: StoryOptions | None = None) -> list[str]:
    """The story of each (article index, sentence): its article's, unless the sentence is plainly
    about another story of the input (seed 000 sums up both the forum and the conference; a
    background paragraph recalls last year's quake): closer to that story's articles than to its
    own article's story by a margin, and close enough to it at all."""
    options = options or StoryOptions()
    out = [found.names[i] for i, _ in sentences]
    stories = sorted(set(found.names))
    if found.vectors is None or len(stories) < 2 or not sentences:
        return out
    index = {name: k for k, name in enumerate(stories)}
    centroids = _centroids(found, index)
    # each distinct sentence vectorized once; its similarities to the stories held one chunk at a
    # time (a dense row per sentence and story for a whole archive would not fit in memory)
    claims_of: dict[str, list[int]] = {}
    for n, (_, text) in enumerate(sentences):
        claims_of.setdefault(text, []).append(n)
    unique = sorted(claims_of)
    for begin in range(0, len(unique), _CHUNK):
        chunk = unique[begin:begin + _CHUNK]
        similarity = (found.vectorizer.transform(chunk) @ centroids.T).toarray()
        for text, sims in zip(chunk, similarity, strict=True):
            best = int(np.argmax(sims))
            for n in claims_of[text]:
                own = index[found.names[sentences[n][0]]]
                if best != own and sims[best] >= options.sentence_min \
                        and sims[best] - sims[own] >= options.sentence_margin:
                    out[n] = stories[best]
    return out


def _centroids(found: Grouping, index: dict[str, int]):
    """Each story's centroid: the L2-normalized mean of its articles' vectors, as sparse rows."""
    from scipy.sparse import csr_matrix

    rows = np.array([index[name] for name in found.names])
    member = csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, np.arange(len(rows)))),
                        shape=(len(index), len(rows)))
    sums = member @ found.vectors
    norms = np.sqrt(np.asarray(sums.multiply(sums).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return csr_matrix(sums.multiply(1.0 / norms[:, None]))


def claim_story_names(articles: list[StoryText], claims: list[tuple[str, str]], one_story: bool = False) -> list[str]:
    """The story of each claim, given as (article id, sentence): its article's story, or another
    story of the input its sentence plainly belongs to (sentence_stories)."""
    if one_story:
        return ["all"] * len(claims)
    found = grouping(articles)
    position = {a.id: k for k, a in enumerate(articles)}
    return sentence_stories(found, articles, [(position[article], sentence) for article, sentence in claims])
