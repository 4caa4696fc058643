"""The one place for caching (the page/data boundary).

The store is a cached resource (one instance per process) that holds no connection between reruns:
`dashboard.py` runs each rerun inside `session()`, which attaches the file (read-only) for the rerun
and detaches it afterwards, so the command line can import into the same embedded store while the
dashboard runs. Every figure a page shows comes from a domain *view function* `view(reader, *args)` called
through `read(view, *args)`: one cached call keyed by (view, arguments, scope, data version). The data
version is read once per rerun, in `start_run`, so a rerun never mixes figures of two data versions
and shows an import made elsewhere on its next rerun.
"""

from __future__ import annotations

import functools
import gc
import hashlib
import logging
import pickle
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import wait as futures_wait
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from typing import Any, TypeVar

import streamlit as st

from common.i18n import t
from data_loaders import importer, periods, templates
from data_loaders.demo import build_demo
from data_loaders.nik import hashes_from_csv, nik_key
from data_loaders.roles import IMPORT, LOCK_PERIODS, REMOVE_SAMPLE, ROLLBACK, ROLLBACK_ANY, Access, WriteLimit
from data_loaders.settings import database_url
from data_loaders.store import Store, StoreError, open_store
from data_loaders.validation import Progress, Validation, validate
from domain.filters import Scope
from domain.reader import Reader

Result = TypeVar("Result")
_LOG = logging.getLogger(__name__)
_RUN_KEY = "_sinergi_run"
_TURN_KEY = "_sinergi_turn"


@st.cache_resource(show_spinner=False, on_release=lambda store: store.close())
def _store(url: str) -> Store:
    store = open_store(url, hold=False)
    if not store.read_only:
        with store.session(write=True):
            if not store.has_data() and not store.count("imports"):
                # First start on an empty store: the dashboard opens on the sample data set.
                build_demo(store)
    return store


@functools.cache
def freeze_what_lasts() -> None:
    """Once per process, after its first page: collect the garbage, then put every object alive
    (the modules, Streamlit's, pandas' and plotly's machinery, the first page's caches) out of the
    cyclic garbage collector's reach (`gc.freeze`). A full collection, which comes every few dozen
    reruns, then walks only what later reruns made: at 1.000.000 rows on Peta about 15 ms instead of
    90–190 ms (issue 16). Objects that die later are still freed as usual."""
    gc.collect()
    gc.freeze()


def store() -> Store:
    """The process's store (opened, migrated and on first start filled with sample data once).
    Raises StoreError with a message for the user; a failed open is tried again on the next rerun."""
    return _store(database_url())


@contextmanager
def session(lang: str) -> Iterator[None]:
    """Hold the store's connection for one rerun and release it afterwards (for other processes).
    While another process writes, this waits (bounded, `SINERGI_DB_WAIT`) under a spinner that
    appears only after half a second."""
    with ExitStack() as stack:
        with st.spinner(t("store_waiting", lang)):
            stack.enter_context(store().session())
        yield


def retry_when_back(seconds: float = 5) -> None:
    """While the database server cannot be reached: try every `seconds` seconds, and rerun the whole
    page once it answers again, so a page recovers without a click (a fragment, so only the probe
    reruns meanwhile)."""

    @st.fragment(run_every=seconds)
    def probe() -> None:
        try:
            store().data_version()
        except StoreError:
            return
        st.rerun(scope="app")

    probe()


def clear_caches() -> None:
    """Used by tests, and after a store is replaced (after the prefetch in flight, which holds it)."""
    wait_for_prefetch()
    st.cache_data.clear()
    st.cache_resource.clear()


@dataclass(frozen=True)
class Run:
    """What every read of one rerun shares: the store, its data version and the user's scope."""

    url: str
    version: int
    scope: Scope


@dataclass
class _Turn:
    """How many reruns (and writes, `_after_write`) this session has started: its prefetch stops
    once a newer one began."""

    number: int = 0


def start_run(scope: Scope) -> Run:
    """Read the data version once for this rerun and remember the user's scope."""
    db = store()
    run = Run(url=db.url, version=db.data_version(), scope=scope)
    st.session_state[_RUN_KEY] = run
    st.session_state.setdefault(_TURN_KEY, _Turn()).number += 1
    return run


def _run() -> Run:
    """This rerun's store, data version and scope; reading before `start_run` is a programming error
    (it would read with no scope at all)."""
    run = st.session_state.get(_RUN_KEY)
    if run is None:
        raise RuntimeError("ui.data.start_run(scope) must run before any read (dashboard.py does it).")
    return run


def _after_write() -> None:
    """A write changed the data version: later reads of this rerun see the new data."""
    start_run(_run().scope)


@st.cache_resource(show_spinner=False, max_entries=32, ttl=900)
def _reader(url: str, version: int, scope: Scope) -> Reader:
    """One reader per store, data version and scope, so views that build on another view's figures
    share them (`Reader.shared`) across the sections of a rerun. Each is dropped after 15 minutes, so
    the views a reader of an older data version holds do not stay on a quiet server."""
    return Reader(store(), scope)


def _key(*parts: Any) -> str:
    """A digest of `parts` (pickled), the one value Streamlit hashes for a cached call: hashing the
    parts themselves (dataclasses, frames) the Streamlit way cost 1–3 ms a call, 40 ms in a warm
    rerun of the funding page (issue 16); this costs about 0.1 ms. Equal parts that pickle apart can
    only cost a cache miss, never a wrong figure."""
    return hashlib.blake2b(pickle.dumps(parts, protocol=pickle.HIGHEST_PROTOCOL), digest_size=20).hexdigest()


@st.cache_data(show_spinner=False, max_entries=2048)
def _cached(key: str, _view: Callable[..., Any], _run: Run, _args: tuple, _kwargs: dict):
    reader = _reader(_run.url, _run.version, _run.scope)
    if _kwargs or not _hashable(_args):
        return _view(reader, *_args, **_kwargs)
    # Through the reader's memo, so that a view another view builds on (the gap table under the
    # agenda, the quadrant and the heat map) is computed once when a page also reads it itself.
    return reader.shared(_view, *_args)


def _hashable(args: tuple) -> bool:
    try:
        hash(args)
    except TypeError:
        return False
    return True


def read(view: Callable[..., Result], *args: Any, **kwargs: Any) -> Result:
    """`view(Reader(store, scope), *args, **kwargs)`, cached per (view, arguments, scope, data version).
    Arguments must be picklable values (filters, codes, numbers), never large frames. The result may
    be shared with other sessions (`Reader.shared`): a page only reads it, never changes it."""
    run = _run()
    name = f"{view.__module__}.{view.__qualname__}"
    key = _key(name, run.url, run.version, run.scope, args, sorted(kwargs.items()))
    return _cached(key, view, run, args, kwargs)


PREFETCH_DELAY = 0.25  # seconds a prefetch waits, so that a quick next change does not share the cores


def _pause() -> None:
    """The wait before a prefetch starts (a hook, so tests can end it on cue)."""
    time.sleep(PREFETCH_DELAY)


@dataclass(frozen=True)
class _Prefetch:
    """One request: `view` for each of `calls` on `reader`, wanted while `turn` is at `started`."""

    reader: Reader
    view: Callable[..., Any]
    calls: tuple[tuple, ...]
    turn: _Turn
    started: int

    def wanted(self) -> bool:
        return self.turn.number == self.started


class _Prefetcher:
    """The process's one prefetch thread and the newest request it is to serve: a newer request
    replaces an older one, whose remaining views are dropped."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._request: _Prefetch | None = None
        self._idle = threading.Event()
        self._idle.set()

    def ask(self, request: _Prefetch) -> None:
        with self._lock:
            self._request = request
            if not self._idle.is_set():
                return
            self._idle.clear()
        try:
            threading.Thread(target=self._serve, name="sinergi-prefetch", daemon=True).start()
        except RuntimeError:  # no thread to be had (the process is stopping): nothing is prefetched
            with self._lock:
                self._request = None
                self._idle.set()

    def wait(self, timeout: float) -> bool:
        return self._idle.wait(timeout)

    def _next(self) -> _Prefetch | None:
        with self._lock:
            request, self._request = self._request, None
            if request is None:
                self._idle.set()
            return request

    def _serve(self) -> None:
        while (request := self._next()) is not None:
            _pause()
            if request.wanted() and self._request is None:
                self._compute(request)

    def _compute(self, request: _Prefetch) -> None:
        try:
            with request.reader.store.session():
                for args in request.calls:
                    if not request.wanted() or self._request is not None:
                        return
                    request.reader.shared(request.view, *args)
        except Exception:  # an early start only: the page's own read computes the view again and shows
            _LOG.warning("prefetch of %s stopped", request.view.__qualname__, exc_info=True)  # what fails


_PREFETCHER = _Prefetcher()


def prefetch(view: Callable[..., Any], calls: Iterable[tuple]) -> None:
    """Compute `view(reader, *args)` for every `args` of `calls`, in the background, into this
    rerun's reader (`Reader.shared`), where `read` finds it: the views a click is likely to ask for
    next are ready when it comes. The Peta page computes the kecamatan map of every kab/kota while
    the province map is looked at (about 80 ms each at 1.000.000 rows, 100 ms at 5.000.000): the
    benchmark's first click on a kab/kota took 0,84 s at 1.000.000 rows without it (run g), its warm
    clicks 0,68 s (README, "Kinerja"; issue 16).

    Returns at once. One thread per process serves the newest request: it starts after
    `PREFETCH_DELAY`, and leaves a request before its next view once a newer one came or the
    session started another rerun (it wants something else now). It holds the store while it reads,
    as a rerun does (a command-line import waits meanwhile)."""
    run = _run()
    turn = st.session_state[_TURN_KEY]
    reader = _reader(run.url, run.version, run.scope)
    missing = tuple(args for args in calls if not reader.holds(view, *args))
    if missing:  # a warm rerun asks for nothing: no thread, and the store is not opened again
        _PREFETCHER.ask(_Prefetch(reader, view, missing, turn, turn.number))


_STARTED: set[Future] = set()  # views `start` is computing
_STARTER = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sinergi-start")


def start(view: Callable[..., Any], *args: Any) -> None:
    """Begin `view(reader, *args)` now in the process's background thread, into this rerun's reader
    (`Reader.shared`), for a view this rerun reads later: meanwhile the rerun computes its other
    views on the other core, and `read` then takes the result or waits for it (DuckDB reads outside
    Python's lock). Mitra's profile starts the partners' alignment before its own views (about 50 ms
    at 1.000.000 rows; issue 16). Returns at once; a failure is logged, and `read` computes the view."""
    run = _run()
    reader = _reader(run.url, run.version, run.scope)
    if not reader.holds(view, *args):
        future = _STARTER.submit(_compute_started, reader, view, args)
        _STARTED.add(future)
        future.add_done_callback(_STARTED.discard)


def _compute_started(reader: Reader, view: Callable[..., Any], args: tuple) -> None:
    try:
        with reader.store.session():
            reader.shared(view, *args)
    except Exception:  # the rerun's own read computes the view again and shows what fails
        _LOG.warning("started view %s failed", view.__qualname__, exc_info=True)


def wait_for_prefetch(timeout: float = 60) -> bool:
    """Block until no prefetch and no started view is left to run, at most `timeout` seconds; whether
    none is. For tests, and for benchmarks, whose measurements must not share the cores with an
    earlier page's."""
    started = futures_wait(list(_STARTED), timeout=timeout).not_done
    return _PREFETCHER.wait(timeout) and not started


@st.cache_resource(show_spinner=False, max_entries=256, ttl=3600)
def _figure(key: str, _build: Callable[..., Any], _args: tuple, _kwargs: dict) -> Any:
    return _build(*_args, **_kwargs)


def figure(build: Callable[..., Result], *args: Any, **kwargs: Any) -> Result:
    """`build(*args, **kwargs)`, a figure builder of `domain.charts` or `domain.maps` (a plotly
    Figure), kept per its arguments (frames by their content, `_key`), so that a rerun drawing the
    same figure does not build it again: before this cache, building the figures was a quarter to a
    half of a warm rerun of the funding page (issue 16). One object is shared by every session, so
    nothing may change a figure after it is built (`st.plotly_chart` only reads it). At most 256
    figures, each for an hour. The choropleth is not passed here: its boundaries (up to 1,5 MB) would
    be pickled for the key on every rerun."""
    name = f"{build.__module__}.{build.__qualname__}"
    return _figure(_key(name, args, sorted(kwargs.items())), build, args, kwargs)


def clear_kept() -> None:
    """Forget every kept figure and every reader with the views it shares (`Reader.shared`): with
    `st.cache_data.clear()`, the benchmarks' cold runs and first reruns after a filter change."""
    _figure.clear()
    _reader.clear()


def reader() -> Reader:
    """An uncached reader for the rerun's scope, for reads that must not be cached (a partner's
    list checked against the store)."""
    return Reader(store(), _run().scope)


# --- data management (Kelola Data) ---------------------------------------------------------------


def secrets() -> dict:
    """Streamlit secrets when a secrets.toml exists; the NIK key may live there or in the environment."""
    try:
        return st.secrets.to_dict()
    except Exception:  # no secrets file: Streamlit raises its own not-found error
        return {}


@st.cache_data(show_spinner=False, max_entries=16)
def template(kind: str) -> bytes:
    return templates.build_template(kind)


def _require(access: Access, action: str, *also: str) -> None:
    """Raise ImportRefused ('not_allowed_<action>', naming the role) unless `access` may take `action`
    (or one of `also`): the write functions below check it whatever page calls them."""
    if not any(access.may(name) for name in (action, *also)):
        raise importer.ImportRefused(f"not_allowed_{action}", role=access.role)


def validate_upload(
    file: str, content: bytes, kind: str, access: Access, progress: Progress | None = None
) -> Validation:
    """Check an upload against the store's programs and partners and against what `access` may write
    (one error per row outside its write limit, `importer.check_limit`); the store is released while
    the file is checked (up to a minute for a large one), so the command line can write meanwhile.
    Raises ImportRefused when the role may not import at all."""
    _require(access, IMPORT)
    db = store()
    known_programs, partner_keys = importer.known_keys(db)
    with db.released():
        validation = validate(
            file,
            content,
            kind,
            nik_key=nik_key(secrets()),
            known_programs=known_programs,
            partner_keys=partner_keys,
            progress=progress,
        )
    importer.check_limit(db, validation, access.write_limit)
    return validation


def import_validated(validation: Validation, access: Access, progress: Progress | None = None) -> importer.ImportResult:
    """Store a checked file as `access` (logged as its username and role; its write limit checked
    again by `importer.apply`). Raises ImportRefused (role without IMPORT, rows outside the limit,
    sample data, locked year) or StoreError."""
    _require(access, IMPORT)
    with store().session(write=True):
        result = importer.apply(
            store(), validation, access.username, progress=progress, limit=access.write_limit, role=access.role
        )
        _after_write()
    return result


def rollback_limit(access: Access) -> WriteLimit:
    """The rows whose imports `access` may roll back: anywhere with ROLLBACK_ANY, else its write limit."""
    return WriteLimit() if access.may(ROLLBACK_ANY) else access.write_limit


def rollback(import_id: int, access: Access) -> importer.RollbackResult:
    """Roll back `import_id` as `access`. Raises ImportRefused for a role without ROLLBACK, an import
    outside its limit (`importer.rollback_refusal`) or any refusal of `importer.rollback`."""
    _require(access, ROLLBACK, ROLLBACK_ANY)
    with store().session(write=True):
        result = importer.rollback(store(), import_id, access.username, limit=rollback_limit(access), role=access.role)
        _after_write()
    return result


def remove_sample(access: Access) -> int:
    """Remove the sample data set as `access`; rows removed. Raises ImportRefused without REMOVE_SAMPLE."""
    _require(access, REMOVE_SAMPLE)
    with store().session(write=True):
        removed = importer.remove_sample(store(), access.username, role=access.role)
        _after_write()
    return removed


def table_counts() -> dict[str, int]:
    """Row count of every table (not cached: the data page shows it right after a write)."""
    return store().table_counts()


def hashes_of_list(content: bytes) -> list[str]:
    """The keyed hashes of a partner's CSV list of NIKs (raises ValueProblem for a bad file)."""
    hashes, _ = hashes_from_csv(content, nik_key(secrets()))
    return hashes


def locked_years() -> list[int]:
    return periods.locked_years(store())


def set_lock(year: int, locked: bool, access: Access) -> None:
    """Lock or unlock `year` as `access`. Raises ImportRefused without LOCK_PERIODS."""
    _require(access, LOCK_PERIODS)
    with store().session(write=True):
        if locked:
            periods.lock(store(), year, access.username, role=access.role)
        else:
            periods.unlock(store(), year, access.username, role=access.role)
        _after_write()
