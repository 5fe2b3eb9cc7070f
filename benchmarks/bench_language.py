"""Language detectors on short texts of the region: py3langid (the one the importers use) and,
if it is installed, lingua (``pip install lingua-language-detector``).

    python benchmarks/bench_language.py [lingua]

Names each of the texts in ``language_samples.py`` (four sentences in each of ru, uk, hy, az,
tr, ka, ar, he and en), whole and cut to their first three words, and prints how many it got
right, the time per text, the time to load and the process's peak memory. Run once per detector
(each in its own process, so that the memory figures are its own). Asserts nothing.
"""

from __future__ import annotations

import resource
import sys
import time
from collections.abc import Callable

from language_samples import SAMPLES


def load(which: str) -> Callable[[str], str]:
    if which == "lingua":
        from lingua import LanguageDetectorBuilder

        detector = LanguageDetectorBuilder.from_all_languages().build()

        def detect_lingua(text: str) -> str:
            found = detector.detect_language_of(text)
            return found.iso_code_639_1.name.lower() if found else ""

        return detect_lingua
    from archive_app.importers.language import load_detector

    identifier = load_detector()
    return lambda text: str(identifier.classify(text)[0])


def main() -> None:
    which = sys.argv[1] if len(sys.argv) > 1 else "py3langid"
    started = time.perf_counter()
    detect = load(which)
    detect("warm up the detector")
    loaded = time.perf_counter() - started
    for words, label in ((99, "sentences"), (3, "three words")):
        right, wrong, count = 0, [], 0
        started = time.perf_counter()
        for language, texts in SAMPLES.items():
            for text in texts:
                found = detect(" ".join(text.split()[:words]))
                count += 1
                right += found == language
                if found != language:
                    wrong.append(f"{language}→{found}")
        each = (time.perf_counter() - started) / count * 1000
        print(f"{which}, {label}: {right}/{count} right, {each:.2f} ms each; wrong: {wrong}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{which}: loaded in {loaded:.2f} s; process peak {peak:.0f} MB")


if __name__ == "__main__":
    main()
