#!/usr/bin/env python3
"""Measures the readings of hand-filled figures on labelled crops (issue 22, items 1, 3 and 4).

    python3 scripts/handwriting_measure.py --bin .build/release/evidenced [--crops DIR] [--sweep]

The crops come from scripts/handwriting_crops.py (made into DIR first when DIR has no crops.tsv).
Each is read by `evidenced read-figures` (the shipped conditions), then judged with the shipped
thresholds, read from Sources/EvidenceModel/HandwrittenFigures+Verdict.swift:

- extract: the value given without a declaration (`unanimous`): right / wrong / abstain;
- confirm: the true value declared: confirmed (right) or not (abstain);
- false confirmation: wrong values declared (each figure changed, figures swapped, the value ±1,
  1/7, 1/4, 3/8, 4/9, 5/6, 0/6 exchanged): confirmed (wrong) or not. Must be about 0.

Besides the crops, the real scans' blanks as the extraction cuts and reads them (`evidenced extract
--json` on ../shared/real, source 'extracted'): the script's real crops are cut with tesseract's own
word boxes and can miss a figure the extraction's blank keeps (a day '23' cut to its '3').

Per source (real, extracted, synthetic) and split (tune: what the thresholds were chosen on; held: the rest).
`--sweep` prints the same over a grid of thresholds on the tune split, for choosing them.
"""
import argparse, collections, glob, itertools, json, os, re, subprocess, sys
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
VERDICT = os.path.join(HERE, "..", "Sources", "EvidenceModel", "HandwrittenFigures+Verdict.swift")
GUESSES = os.path.join(HERE, "..", "Sources", "EvidenceModel", "HandwrittenFigures+Guesses.swift")


def shipped_thresholds():
    text = open(VERDICT).read()
    value = lambda name: float(re.search(rf"static let {name} = ([0-9.]+)", text).group(1))
    guesses = open(GUESSES).read()
    guess = lambda name: float(re.search(rf"static let {name} = ([0-9.]+)", guesses).group(1))
    return dict(guess=guess("guessConfidence"), sure_guess=guess("sureGuessConfidence"), bearing=int(guess("bearingReadings")), minimum=int(value("minimumReadings")), giving=int(value("minimumGivingReadings")),
                possible=int(value("minimumPossibleReadings")), unanimous=value("unanimousConfidence"),
                agreeing=int(value("confirmingReadings")), confirming=value("confirmingConfidence"),
                rival=value("rivalAgreeing"))


def median(values):
    values = sorted(values)
    return values[len(values) // 2] if values else 0


CONFUSABLE = "147"


def possible_values(kind):
    """The values a field can take: a day of a month of 31 days (a crop has no month), any number."""
    return (lambda v: 1 <= v <= 31) if kind == "day" else (lambda v: True)


def holds_confusable(text, possible, shapes=None, sevens_by_outline=False):
    """As `HandwrittenFigures.holdsConfusableFigure`: a 1, 4 or 7 another of the three could be at
    its place (a day's tens 1 cannot be a 4 or a 7) and the figure's outline does not show it."""
    outlines = shapes if agree(shapes, text) else None
    for i, figure in enumerate(text):
        if figure in CONFUSABLE:
            if outlines and outlines[i] == figure and (figure != "7" or sevens_by_outline):  # a 7's outline alone settles nothing
                continue
            for other in CONFUSABLE:
                if other != figure and possible(int(text[:i] + other + text[i + 1:])):
                    return True
    return False


def leans_to(reading, text, rival_agreeing):
    """As `HandwrittenFigures.Reading.leansTo`: as long as `text`, differing only in figures behind
    which the LSTM weighed `text`'s figure at `rival_agreeing` or more."""
    own, rivals = reading["text"], reading.get("rivals") or []
    if len(own) != len(text):
        return False
    for i, (a, b) in enumerate(zip(own, text)):
        rival = rivals[i] if i < len(rivals) else None
        if a != b and not (rival and rival["figure"] == b and rival["confidence"] >= rival_agreeing):
            return False
    return True


def agree(shapes, text):
    """As `HandwrittenFigures.agree`: one outline a figure, each 1, 4 or 7 outline the figure there."""
    return bool(shapes) and len(shapes) == len(text) and all(s not in CONFUSABLE or s == f for s, f in zip(shapes, text))


def drops_a_figure(text, shapes):
    """As `HandwrittenFigures.dropsAFigure`: fewer figures than the blank's ink shows."""
    return bool(shapes) and len(text) < len(shapes)


def outlined(readings, shapes):
    """As `HandwrittenFigures.outlined`: a 4 or 7 read where the figure's outline is a 1's is a 1."""
    if not shapes or "1" not in shapes:
        return readings
    out = []
    for r in readings:
        text = r["text"]
        if len(text) == len(shapes):
            corrected = "".join("1" if s == "1" and f in "47" else f for f, s in zip(text, shapes))
            text = corrected if agree(shapes, corrected) else text
        out.append(dict(r, text=text))
    return out


def crosses_confusable(reading, value):
    """As `HandwrittenFigures.crossesConfusable`: as long as `value`, a 1, 4 or 7 where it has another."""
    return len(reading) == len(value) and any(a != b and a in "147" and b in "147" for a, b in zip(reading, value))


def is_part(part, whole):
    """As `HandwrittenFigures.isPart`: `part`'s figures are some of `whole`'s, in their order."""
    rest = iter(whole)
    return all(figure in rest for figure in part)


def guessed(guesses, shapes, t):
    """As `HandwrittenFigures.guessed`: the single-figure reader sure of every figure, one per outline."""
    if not guesses or not shapes or len(guesses) != len(shapes):
        return None
    if any(not g["figure"].isdigit() or g["confidence"] < t["guess"] for g in guesses):
        return None
    text = "".join(g["figure"] for g in guesses)
    return text if agree(shapes, text) else None


def borne_out_guess(readings, t, possible=lambda v: True, shapes=None, guesses=None):
    """As `HandwrittenFigures.borneOutGuess`: the guessed value, every reading that gave figures giving
    it or some of its figures in order (or, the reader `sure_guess` sure of every figure, at least
    half of them), at least `bearing` of them, one at least `confirming` sure."""
    text = guessed(guesses, shapes, t) if t.get("guess") is not None else None
    if text is None or not possible(int(text)):
        return None
    giving = [r for r in outlined(readings, shapes) if r["text"]]
    # a reading of a value the field cannot take casts no vote, as in `readings_unanimous`
    # (a part of the value, '0' of '07', is no value of its own: it bears the guess out)
    bearing = [r for r in giving if int(r["text"]) == int(text) or is_part(r["text"], text)]
    impossible = [r for r in giving if r not in bearing and not possible(int(r["text"]))]
    against = [r for r in giving if r not in bearing and r not in impossible]
    # all but certain of every figure: readings giving another figure are only votes against it,
    # save one giving a 1, 4 or 7 where the value has another of the three
    outvoted = (all(g["confidence"] >= t["sure_guess"] for g in guesses)
                and not any(crosses_confusable(r["text"], text) for r in against))
    if (len(bearing) < t["bearing"] or (against and not outvoted) or 2 * len(bearing) < len(giving)
            or not any(r["confidence"] >= t["confirming"] for r in bearing)):
        return None
    return None if holds_confusable(text, possible, shapes, sevens_by_outline=True) else text


def unanimous(readings, t, possible=lambda v: True, shapes=None, guesses=None):
    """The readings' verdict (`readings_unanimous`), or else the single-figure reader's (`borne_out_guess`)."""
    return readings_unanimous(readings, t, possible, shapes) or borne_out_guess(readings, t, possible, shapes, guesses)


def readings_unanimous(readings, t, possible=lambda v: True, shapes=None):
    """As `HandwrittenFigures.unanimous`: readings that give nothing left out (at least `giving` give
    figures), every other reading the same value, or leaning to it (the agreed
    figure close behind a dissenting one) with at least half giving it and no other value agreed on
    so; the longest text given, never one holding a figure hand-filled blanks make alike (1, 4, 7)
    where another could stand."""
    if len(readings) < t["minimum"]:
        return None
    giving = [r for r in outlined(readings, shapes) if r["text"]]  # a condition that reads nothing casts no vote
    # a reading of a value the field cannot take casts no vote either, but counts as giving figures
    readings = [r for r in giving if possible(int(r["text"]))]
    set_aside = len(readings) < len(giving)  # then at least `possible` readings, each the value itself
    texts = [r["text"] for r in readings]
    if (len(giving) < t["giving"] or 2 * len(readings) < len(giving) or len(readings) < (t["possible"] if set_aside else 1)
            or median(r["confidence"] for r in readings) < t["unanimous"]):
        return None
    agreed = []
    for value in {int(x) for x in texts}:
        giving = [x for x in texts if int(x) == value]
        text = max(giving, key=len)
        if 2 * len(giving) >= len(readings) and all(int(r["text"]) == value or (not set_aside and leans_to(r, text, t["rival"]))
                                                    for r in readings):
            agreed.append(text)
    if (len(agreed) != 1 or not possible(int(agreed[0])) or holds_confusable(agreed[0], possible, shapes)
            or drops_a_figure(agreed[0], shapes)):
        return None
    return agreed[0]


def confirms(readings, declared, t, possible=lambda v: True, shapes=None, guesses=None):
    value = int(declared)
    if not possible(value):
        return False
    guess = borne_out_guess(readings, t, possible, shapes, guesses)
    agreed = readings_unanimous(readings, t, possible, shapes)
    if guess is not None and int(guess) == value and (agreed is None or int(agreed) == value):
        return True
    readings = outlined(readings, shapes)
    agreeing = [r for r in readings if r["text"] and int(r["text"]) == value]
    written = max((r["text"] for r in agreeing), key=len, default=str(value))
    if holds_confusable(written, possible, shapes) or drops_a_figure(written, shapes):
        return False
    other = [r for r in readings if r["text"] and int(r["text"]) != value and possible(int(r["text"]))]
    return (len(agreeing) >= t["agreeing"] and median(r["confidence"] for r in agreeing) >= t["confirming"]
            and not any(r["confidence"] >= t["confirming"] for r in other))


def wrong_declarations(truth):
    out = set()
    for i, figure in enumerate(truth):
        out.update(truth[:i] + d + truth[i + 1:] for d in "0123456789" if d != figure)
    out.add(truth[::-1])
    out.update({str(int(truth) + 1), str(int(truth) - 1)})
    for a, b in ("17", "71", "14", "41", "38", "83", "49", "94", "56", "65", "06", "60"):
        out.add(truth.replace(a, b))
    return {w for w in out if w and w.isdigit() and int(w) > 0 and int(w) != int(truth)}


def read_all(binary, crops, rows, jobs):
    paths = [os.path.join(crops, row["path"]) for row in rows]
    batches = [paths[i::jobs] for i in range(jobs)]

    def run(batch):
        env = dict(os.environ, OMP_THREAD_LIMIT="1")
        out = subprocess.run([binary, "read-figures", *batch], capture_output=True, text=True, env=env, check=True).stdout
        return [json.loads(line) for line in out.splitlines() if line.strip()]

    with ThreadPoolExecutor(jobs) as pool:
        results = [line for batch in pool.map(run, batches) for line in batch]
    return ({os.path.basename(line["file"]): line["readings"] for line in results},
            {os.path.basename(line["file"]): line.get("shapes") or [] for line in results},
            {os.path.basename(line["file"]): line.get("guesses") for line in results})


def extracted_blanks(binary, real, jobs):
    """The real scans' blanks as the extraction itself cuts and reads them (`evidenced extract --json`:
    `handwritten.number` and `handwritten.date` with their readings), as rows and readings like the
    crops': source 'extracted', split by document as the crops are. Only the blanks the parser
    abstained on as hand-filled are there; their truth is the truth file's number and day."""
    sys.path.insert(0, HERE)
    from handwriting_crops import held_out
    truths = [json.load(open(path)) for path in sorted(glob.glob(os.path.join(real, "truth", "*.json")))]
    truths = [truth for truth in truths if truth.get("text_layer") != "full"]

    def run(truth):
        env = dict(os.environ, OMP_THREAD_LIMIT="1")
        out = subprocess.run([binary, "extract", os.path.join(real, "docs", truth["sha"] + ".pdf"), "--json"],
                             capture_output=True, text=True, env=env).stdout
        return truth, json.loads(out.splitlines()[0]) if out.strip() else {}

    rows, readings, shapes, guesses = [], {}, {}, {}
    with ThreadPoolExecutor(jobs) as pool:
        for truth, report in pool.map(run, truths):
            for field, kind, value in (("number", "number", truth["number"].split("/")[0]), ("date", "day", str(int(truth["date"][8:10])))):
                blank = (report.get("handwritten") or {}).get(field)
                if blank is None:
                    continue
                name = f"extracted-{truth['sha'][:10]}-{kind}"
                rows.append(dict(source="extracted", split="held" if held_out(truth["sha"]) else "tune", kind=kind, truth=value, path=name))
                readings[name] = blank.get("readings", [])
                shapes[name] = blank.get("shapes") or []
                guesses[name] = blank.get("guesses")
    return rows, readings, shapes, guesses


def measure(rows, readings, t, split=None, shapes=None, signed=False, guesses=None):
    """Right / wrong / abstain per source and split. `signed`: the days only, each as if signed 0, 1,
    2 and 3 days after it (a real document's first signing, README of ../shared/real), so that a
    reading of a day after the signing casts no vote."""
    stats = collections.Counter()
    trials = [(row, None) for row in rows] if not signed else [(row, lag) for row in rows if row["kind"] == "day" for lag in range(4)]
    for row, lag in trials:
        if split and row["split"] != split:
            continue
        source = row["source"].split(":")[0]
        key = (source, row["split"])
        read = readings.get(row["path"], [])
        possible = possible_values(row["kind"])
        if lag is not None:
            possible = lambda v, bound=min(31, int(row["truth"]) + lag): 1 <= v <= bound
        outline = (shapes or {}).get(row["path"])
        guess = (guesses or {}).get(row["path"])
        value = unanimous(read, t, possible, outline, guess)
        stats[key + ("extract", "abstain" if value is None else "right" if int(value) == int(row["truth"]) else "wrong")] += 1
        stats[key + ("confirm", "right" if confirms(read, row["truth"], t, possible, outline, guess) else "abstain")] += 1
        for wrong in wrong_declarations(row["truth"]):
            stats[key + ("false", "wrong" if confirms(read, wrong, t, possible, outline, guess) else "abstain")] += 1
    return stats


def table(stats):
    lines = []
    for source, split in sorted({k[:2] for k in stats}):
        def share(what, outcome):
            total = sum(v for k, v in stats.items() if k[:3] == (source, split, what))
            return f"{100 * stats[(source, split, what, outcome)] / max(1, total):.0f} %", total
        right, crops = share("extract", "right")
        wrong, _ = share("extract", "wrong")
        abstain, _ = share("extract", "abstain")
        confirmed, _ = share("confirm", "right")
        false, tries = share("false", "wrong")
        lines.append(f"{source:9} {split:4} {crops:4} crops | extract right {right}, wrong {wrong}, abstain {abstain} "
                     f"| true value confirmed {confirmed} | wrong value confirmed {false} "
                     f"({stats[(source, split, 'false', 'wrong')]} of {tries})")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bin", default=os.path.join(HERE, "..", ".build", "release", "evidenced"))
    parser.add_argument("--crops", default="/tmp/evidenced-handwriting-crops")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--real", default=os.path.join(HERE, "..", "..", "shared", "real"))
    parser.add_argument("--sweep", action="store_true")
    args = parser.parse_args()
    tsv = os.path.join(args.crops, "crops.tsv")
    if not os.path.exists(tsv):
        subprocess.run([sys.executable, os.path.join(HERE, "handwriting_crops.py"), args.crops], check=True)
    rows = [dict(zip(["source", "split", "kind", "truth", "path"], line.rstrip("\n").split("\t")))
            for line in list(open(tsv))[1:]]
    readings, shapes, guesses = read_all(args.bin, args.crops, rows, args.jobs)
    if os.path.isdir(os.path.join(args.real, "truth")):
        extracted_rows, extracted_readings, extracted_shapes, extracted_guesses = extracted_blanks(args.bin, args.real, args.jobs)
        rows += extracted_rows
        readings.update(extracted_readings)
        shapes.update(extracted_shapes)
        guesses.update(extracted_guesses)
    shipped = shipped_thresholds()
    if args.sweep:
        for sure in (0.99, 0.995, 0.999, 2):  # 2: never sure enough to outvote (the rule before)
            print(f"sure_guess {sure}")
            print(table(measure(rows, readings, dict(shipped, sure_guess=sure), split="tune", shapes=shapes, guesses=guesses)))
        for u, a, c in itertools.product((0.5, 0.6, 0.7, 0.8, 0.9), (6, 8, 10), (0.5, 0.6, 0.7, 0.8)):
            t = dict(shipped, unanimous=u, agreeing=a, confirming=c)
            print(f"unanimous {u} agreeing {a} confirming {c}")
            print(table(measure(rows, readings, t, split="tune", shapes=shapes)))
        return
    print("thresholds:", shipped)
    print("without the figures' outlines:")
    print(table(measure(rows, readings, shipped)))
    print("with them, without the single-figure reader:")
    print(table(measure(rows, readings, shipped, shapes=shapes)))
    print("with both (shipped):")
    print(table(measure(rows, readings, shipped, shapes=shapes, guesses=guesses)))
    print("days only, each as if signed 0-3 days after it (four tries a crop), shipped:")
    print(table(measure(rows, readings, shipped, shapes=shapes, signed=True, guesses=guesses)))


if __name__ == "__main__":
    main()
