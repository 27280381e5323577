"""The bounded feature cache of `refman add`: recent features as objects, older ones pickled,
the oldest dropped; a pickled entry comes back equal and usable by the dedupe comparison."""

from __future__ import annotations

from refman.core.dedupe.features import features
from refman.core.dedupe.score import compare
from refman.library_cache import FeatureCache
from refman.model import Reference


def _feats(title: str):
    return features(0, Reference.model_validate({"id": "x", "type": "book", "title": title}))


def test_recent_kept_as_objects_older_pickled_oldest_dropped():
    cache = FeatureCache(hot=2, cold=1)
    first, second, third, fourth = (_feats(t) for t in ("Один", "Two", "Three", "Four"))
    cache.put(1, first)
    cache.put(2, second)
    assert (list(cache.hot), list(cache.cold)) == ([1, 2], [])
    cache.put(3, third)  # 1 leaves the objects: pickled
    assert (list(cache.hot), list(cache.cold)) == ([2, 3], [1])
    cache.put(4, fourth)  # 2 pickled; the cold tier holds one: 1 is dropped
    assert (list(cache.hot), list(cache.cold)) == ([3, 4], [2])
    assert cache.get(1) is None
    back = cache.get(2)  # unpickled, and an object again (3 goes cold)
    assert back == second and back is not second
    assert (list(cache.hot), list(cache.cold)) == ([4, 2], [3])
    assert compare(back, second, _profile()).score == compare(second, second, _profile()).score


def test_drop_forgets_both_tiers():
    cache = FeatureCache(hot=1, cold=5)
    cache.put(1, _feats("A"))
    cache.put(2, _feats("B"))
    cache.drop(1)
    cache.drop(2)
    assert (cache.get(1), cache.get(2)) == (None, None)


def _profile():
    from refman.core.dedupe.engine import DEFAULT_PROFILE, profile_named

    return profile_named(DEFAULT_PROFILE)


def test_empty_sets_are_one_shared_object_also_after_unpacking():
    """Four empty frozensets per record were 40 % of its features in memory: ``features``
    and ``unpack`` give every empty one the shared ``EMPTY``; a set with members is kept."""
    from refman.core.dedupe.features import EMPTY
    from refman.library_cache import pack, unpack

    made = features(
        0, Reference.model_validate({"id": "x", "type": "book", "title": "Part 2", "ISBN": "0-306-40615-2"})
    )
    back = unpack(pack(made))
    for feats in (made, back):
        assert (feats.numbers, feats.parts, feats.container_isbns) == (
            frozenset({"2"}),
            frozenset({"2"}),
            EMPTY,
        )
        assert feats.container_isbns is EMPTY and feats.isbns == frozenset({"9780306406157"})
    assert back == made
