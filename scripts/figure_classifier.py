#!/usr/bin/env python3
"""Trains and measures the reader of single hand-written figures (`FigureClassifier`, issue 22).

    python3 scripts/figure_classifier.py --bin .build/release/evidenced train   # writes the weights
    python3 scripts/figure_classifier.py --bin .build/release/evidenced measure # real blanks only

What it learns from: figures drawn here, never the real documents.
- pen strokes: each figure's strokes as a hand draws them (a 1 with or without its long flag, an
  open and a closed 4, a 7 with or without a crossbar, a 9 with a straight or a bent tail), with a
  random slant, rotation, width, wobble and pen, then blurred and grained like a 300-dpi scan;
- the pen-like fonts of Debian's packages (as scripts/handwriting_crops.py), same distortions;
- an eleventh class, 'not one figure': two figures touching, a figure cut in half, italic letters
  of the printed words beside a blank ('ày', 'th'), so that what is not a figure is not read as one.
Each image's figures are cut and described by `evidenced read-figures --features` (FigureInk), so
the classifier is trained on exactly what the extraction gives it. The held-out check: figures of
fonts and pen seeds never trained on. The real check: the figures of ../shared/real's hand-filled
blanks, cut as the extraction cuts them (`measure`), labelled from their truth files.

The weights are written to Sources/EvidenceExtraction/FigureClassifier+Weights.swift (generated:
do not edit; run this again). Needs numpy and PIL.
"""
import argparse, base64, glob, io, json, math, os, random, subprocess, sys
from concurrent.futures import ThreadPoolExecutor

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import handwriting_crops  # noqa: E402  (fonts, scan_like)

WEIGHTS = os.path.join(HERE, "..", "Sources", "EvidenceExtraction", "FigureClassifier+Weights.swift")
OTHER = 10
PAPER = (250, 248, 240)
INKS = [(20, 30, 140), (30, 40, 170), (15, 15, 20), (40, 40, 60), (60, 70, 160)]

# Each figure's strokes in a unit box (x right, y down; 0..1 wide, 0..1 tall), as a hand draws them.
def arc(cx, cy, rx, ry, a0, a1, n=14):
    return [(cx + rx * math.cos(math.radians(a0 + (a1 - a0) * i / (n - 1))),
             cy + ry * math.sin(math.radians(a0 + (a1 - a0) * i / (n - 1)))) for i in range(n)]


def strokes(figure, rng):
    u = rng.uniform
    if figure == 0:
        return [arc(0.5, 0.5, u(0.3, 0.45), 0.5, -90, 270 + u(-10, 20), 24)]
    if figure == 1:
        apex = (u(0.55, 0.8), 0)
        foot = (u(0.45, 0.65), 1)
        style = rng.random()
        if style < 0.5:  # the long flag that makes a 1 read as 4 or 7: from low on the left up to the top
            return [[(u(0.0, 0.15), u(0.3, 0.6)), apex, foot]]
        if style < 0.75:
            return [[(u(0.2, 0.4), u(0.12, 0.3)), apex, foot]]
        if style < 0.88:
            return [[(u(0.2, 0.4), 0.2), apex, foot], [(u(0.15, 0.3), 1), (u(0.75, 0.9), 1)]]
        return [[apex, foot]]
    if figure == 2:
        return [arc(0.5, 0.3, 0.38, 0.3, 200, 360, 10) + arc(0.5, 0.3, 0.38, 0.3, 0, 50, 4) + [(0.08, 1), (u(0.85, 1), u(0.95, 1))]]
    if figure == 3:
        return [arc(0.48, 0.26, 0.36, 0.26, 210, 450, 12) + arc(0.48, 0.74, 0.42, 0.26, 270, 505, 14)]
    if figure == 4:
        if rng.random() < 0.6:  # open: down, across, then the stem
            return [[(u(0.15, 0.4), 0), (0.05, 0.68), (1, 0.68)], [(0.72, u(0.05, 0.35)), (0.7, 1)]]
        return [[(0.72, 1), (0.7, 0), (0.02, 0.7), (1, 0.7)]]
    if figure == 5:
        bar = [(u(0.18, 0.3), u(-0.02, 0.04)), (u(0.8, 1.3), u(-0.08, 0.04))]
        body = [(0.2, 0), (0.14, 0.45)] + arc(0.5, 0.68, 0.4, 0.32, 240, 480, 14)[1:]
        return [[bar[1]] + body] if rng.random() < 0.4 else [body, bar]
    if figure == 6:
        return [[(u(0.7, 0.9), 0), (u(0.25, 0.4), 0.22)] + arc(0.5, 0.68, 0.38, 0.32, 180, 530, 22)]
    if figure == 7:
        right = (u(0.85, 1.05), u(-0.05, 0.05))
        style = rng.random()
        if style < 0.3:  # a tick down at the bar's start
            top = [(0, u(0.05, 0.2)), (u(0.05, 0.15), 0), right]
        elif style < 0.55:  # a wavy bar
            top = [(0, u(0.02, 0.12)), (u(0.25, 0.4), u(-0.08, 0)), (u(0.55, 0.7), u(0.04, 0.12)), right]
        else:
            top = [(0, u(0, 0.12)), right]
        foot = u(0.3, 0.7)
        body = [top + [(foot, 1)]]
        if rng.random() < 0.5:  # the crossbar of a continental 7, through its stem, often more to one side
            y = u(0.25, 0.6)
            stem = right[0] + (foot - right[0]) * y
            bar = [(stem - u(0.12, 0.6), y + u(-0.04, 0.04)), (stem + u(0.1, 0.55), y + u(-0.06, 0.04))]
            if rng.random() < 0.3:  # ending in a hook down at its left
                bar.insert(0, (bar[0][0] - u(0, 0.08), bar[0][1] + u(0.08, 0.2)))
            body.append(bar)
        return body
    if figure == 8:
        return [arc(0.5, 0.26, 0.32, 0.26, 90, 450, 16) + arc(0.5, 0.74, 0.4, 0.26, -90, 270, 18)]
    if figure == 9:
        loop = arc(0.5, 0.3, 0.4, 0.3, 0, 360, 18)
        tail = [(0.9, 0.3), (0.85, 1)] if rng.random() < 0.6 else [(0.9, 0.3), (0.8, 0.8), (0.4, 1)]
        return [loop, tail]
    raise ValueError(figure)


def pen_figures(figures, rng, touching=False):
    """Figures drawn stroke by stroke: each point wobbles, the box is slanted, turned and stretched."""
    height = rng.randint(44, 76)
    width_ratio = rng.uniform(0.45, 0.75)
    pen = rng.randint(3, 8)
    slant = rng.uniform(-0.1, 0.4)  # leaning right, as hands do
    ink = rng.choice(INKS)
    gap = -0.15 if touching else rng.uniform(0.1, 0.5)
    total = len(figures) * width_ratio * height + (len(figures) - 1) * gap * height
    canvas = Image.new("RGB", (int(total + 100), height + 70), PAPER)
    draw = ImageDraw.Draw(canvas)
    x0 = 50
    for figure in figures:
        w = width_ratio * height * (0.45 if figure == 1 and rng.random() < 0.3 else 1)
        for stroke in strokes(figure, rng):
            points = [(x0 + (x + rng.gauss(0, 0.025)) * w + slant * (0.5 - y) * height, 35 + (y + rng.gauss(0, 0.02)) * height)
                      for x, y in stroke]
            draw.line(points, fill=ink, width=pen, joint="curve")
            for x, y in (points[0], points[-1]):
                draw.ellipse((x - pen / 2, y - pen / 2, x + pen / 2, y + pen / 2), fill=ink)
        x0 += w + gap * height
    canvas = canvas.rotate(rng.uniform(-6, 6), resample=Image.BICUBIC, expand=True, fillcolor=PAPER)
    return handwriting_crops.scan_like(canvas, rng)


def font_figures(text, font_path, rng, letters=False):
    size = rng.randint(48, 80)
    font = ImageFont.truetype(font_path, size)
    ink = rng.choice(INKS) if not letters else (20, 20, 20)
    left, top, right, bottom = font.getbbox(text)
    canvas = Image.new("RGB", (right - left + 80, bottom - top + 60), PAPER)
    draw = ImageDraw.Draw(canvas)
    stroke = rng.choice([0, 0, 1, 2]) if not letters else 0
    draw.text((40 - left, 30 - top), text, font=font, fill=ink, stroke_width=stroke, stroke_fill=ink)
    shear = rng.uniform(-0.35, 0.15)
    canvas = canvas.transform(canvas.size, Image.AFFINE, (1, shear, -shear * canvas.height / 2, 0, 1, 0),
                              resample=Image.BICUBIC, fillcolor=PAPER)
    canvas = canvas.rotate(rng.uniform(-6, 6), resample=Image.BICUBIC, expand=True, fillcolor=PAPER)
    return handwriting_crops.scan_like(canvas, rng)


def held_font(path):
    return handwriting_crops.held_out(os.path.basename(path))


def make_images(out, count, seed, touching=0.05):
    """Images of one to three figures (labels left to right) and of things that are not one figure."""
    rng = random.Random(seed)
    fonts = handwriting_crops.fonts()
    letter_fonts = glob.glob("/usr/share/fonts/truetype/dejavu/DejaVuSerif-Italic.ttf") + \
        glob.glob("/usr/share/fonts/truetype/liberation2/LiberationSerif-Italic.ttf")
    rows = []
    os.makedirs(out, exist_ok=True)
    for index in range(count):
        kind = rng.random()
        name = os.path.join(out, f"f{index:05d}.png")
        if kind < 0.5:
            figures = [rng.randrange(10) for _ in range(rng.choice([1, 1, 2, 2, 3]))]
            pen_seed = rng.randrange(10 ** 6)
            image = pen_figures(figures, random.Random(pen_seed))
            labels, split = figures, "held" if pen_seed % 5 == 0 else "tune"
        elif kind < 0.85:
            path = fonts[index % len(fonts)]
            figures = [rng.randrange(10) for _ in range(rng.choice([1, 1, 2, 2, 3]))]
            text = "".join(map(str, figures))
            text = text if rng.random() < 0.5 else " ".join(text)
            image = font_figures(text, path, rng)
            labels, split = figures, "held" if held_font(path) else "tune"
        elif kind < 0.85 + touching:  # two figures touching: one blob, not one figure
            figures = [rng.randrange(10), rng.randrange(10)]
            pen_seed = rng.randrange(10 ** 6)
            image = pen_figures(figures, random.Random(pen_seed), touching=True)
            labels, split = "touching", "held" if pen_seed % 5 == 0 else "tune"
        else:  # the italic words beside a blank
            text = rng.choice(["ày", "th", "y", "à", "h", "ng", "Số", "tháng", "ngày"])
            image = font_figures(text, rng.choice(letter_fonts), rng, letters=True)
            labels, split = "letters", "held" if rng.random() < 0.2 else "tune"
        image.save(name)
        rows.append((name, labels, split))
    return rows


def features(binary, paths, inside=None):
    """`read-figures --features` on many images: per path, (shapes, per-figure feature vectors)."""
    chunks = [paths[i:i + 150] for i in range(0, len(paths), 150)]

    def run(chunk):
        args = [binary, "read-figures", "--features"] + (["--inside-margin", str(inside)] if inside else []) + chunk
        lines = subprocess.run(args, capture_output=True, text=True, check=True).stdout.splitlines()
        return [json.loads(line) for line in lines]

    with ThreadPoolExecutor(os.cpu_count() or 2) as pool:
        results = [line for lines in pool.map(run, chunks) for line in lines]
    return {line["file"]: (line.get("shapes") or [], line.get("features") or []) for line in results}


def dataset(binary, rows):
    found = features(binary, [row[0] for row in rows])
    X, y, split = [], [], []
    for path, labels, part in rows:
        _, vectors = found.get(path, ([], []))
        if not vectors:
            continue
        if isinstance(labels, str):  # touching figures, letters: every piece found is 'not one figure'
            if labels == "touching" and len(vectors) != 1:
                continue
            for vector in vectors:
                X.append(vector); y.append(OTHER); split.append(part)
        elif len(vectors) == len(labels):
            for vector, label in zip(vectors, labels):
                X.append(vector); y.append(label); split.append(part)
    return np.array(X, dtype=np.float32), np.array(y), np.array(split)


def train_net(X, y, seed, hidden=48, epochs=60, classes=11):
    rng = np.random.default_rng(seed)
    mean, std = X.mean(0), X.std(0) + 1e-3
    Z = (X - mean) / std
    W1 = rng.normal(0, math.sqrt(2 / Z.shape[1]), (Z.shape[1], hidden)).astype(np.float32)
    b1 = np.zeros(hidden, np.float32)
    W2 = rng.normal(0, math.sqrt(1 / hidden), (hidden, classes)).astype(np.float32)
    b2 = np.zeros(classes, np.float32)
    params = [W1, b1, W2, b2]
    moments = [np.zeros_like(p) for p in params]
    squares = [np.zeros_like(p) for p in params]
    step, rate, decay = 0, 2e-3, 1e-4
    for epoch in range(epochs):
        order = rng.permutation(len(Z))
        for start in range(0, len(Z), 128):
            batch = order[start:start + 128]
            xb, yb = Z[batch], y[batch]
            # Dropout on the input, so that no single cell decides.
            xb = xb * (rng.random(xb.shape) > 0.1) / 0.9
            h = np.maximum(0, xb @ W1 + b1)
            logits = h @ W2 + b2
            logits -= logits.max(1, keepdims=True)
            p = np.exp(logits); p /= p.sum(1, keepdims=True)
            p[np.arange(len(yb)), yb] -= 1
            p /= len(yb)
            gW2 = h.T @ p + decay * W2; gb2 = p.sum(0)
            dh = (p @ W2.T) * (h > 0)
            gW1 = xb.T @ dh + decay * W1; gb1 = dh.sum(0)
            step += 1
            for i, g in enumerate([gW1, gb1, gW2, gb2]):
                moments[i] = 0.9 * moments[i] + 0.1 * g
                squares[i] = 0.999 * squares[i] + 0.001 * g * g
                params[i] -= rate * (moments[i] / (1 - 0.9 ** step)) / (np.sqrt(squares[i] / (1 - 0.999 ** step)) + 1e-8)
        if epoch == epochs * 2 // 3:
            rate /= 4
    # The standardisation folded into the first layer: the Swift side takes raw features.
    W1f = params[0] / std[:, None]
    b1f = params[1] - (mean / std) @ params[0]
    return [W1f.astype(np.float32), b1f.astype(np.float32), params[2], params[3]]


def predict(nets, X):
    total = 0
    for W1, b1, W2, b2 in nets:
        logits = np.maximum(0, X @ W1 + b1) @ W2 + b2
        logits -= logits.max(1, keepdims=True)
        p = np.exp(logits); total = total + p / p.sum(1, keepdims=True)
    return total / len(nets)


def report(name, p, y, thresholds=(0.5, 0.8, 0.9, 0.95, 0.98)):
    guess, sure = p.argmax(1), p.max(1)
    print(f"{name}: {len(y)} figures, argmax right {np.mean(guess == y):.1%}")
    for t in thresholds:
        given = (sure >= t) & (guess != OTHER)
        digits = y != OTHER
        right = np.sum(given & (guess == y)); wrong = np.sum(given & (guess != y))
        print(f"  sure >= {t}: read {given.sum()} of {len(y)}, right {right} ({right / max(1, digits.sum()):.1%} of figures), "
              f"wrong {wrong} ({wrong / max(1, given.sum()):.2%} of those read)")


def write_weights(nets, hidden, inputs, path=WEIGHTS):
    flat = np.concatenate([a.ravel() for net in nets for a in net]).astype("<f4")
    encoded = base64.b64encode(flat.tobytes()).decode()
    body = "\n".join(encoded[i:i + 120] for i in range(0, len(encoded), 120))
    with open(path, "w") as out:
        out.write(f"""// Generated by scripts/figure_classifier.py train: do not edit, run it again.
extension FigureClassifier {{
    /// {len(nets)} networks of {inputs} inputs, {hidden} hidden units and 11 outputs (0-9, not one figure),
    /// each as W1 (inputs x hidden), b1, W2 (hidden x 11), b2, little-endian Float32, in base64.
    static let shipped = FigureClassifier(inputs: {inputs}, hidden: {hidden}, networks: {len(nets)}, base64: weights)

    private static let weights = \"\"\"
{body}
\"\"\"
}}
""")
    print(f"wrote {path}: {flat.size} weights")


def real_blanks(binary, real, out):
    """The real documents' hand-filled blanks, cut as HandwritingReading.cut does, with their truths."""
    rows = []
    os.makedirs(out, exist_ok=True)
    for pdf in sorted(glob.glob(os.path.join(real, "docs", "*.pdf"))):
        sha = os.path.basename(pdf)[:10]
        truth = json.load(open(glob.glob(os.path.join(real, "truth", sha + "*.json"))[0]))
        document = json.loads(subprocess.run([binary, "extract", pdf, "--json"], capture_output=True, text=True).stdout)
        for kind, figures in (document.get("handwritten") or {}).items():
            box, page = figures["blank"].get("box"), figures["blank"]["page"]
            if not box:
                continue
            stem = os.path.join(out, f"{sha}-p{page}")
            if not os.path.exists(stem + ".png"):
                subprocess.run(["pdftoppm", "-r", "300", "-gray", "-f", str(page), "-l", str(page), "-singlefile", "-png", pdf, stem], check=True)
            image = Image.open(stem + ".png")
            W, H = image.size
            reach = min(box["x"], 1 - box["x"] - box["width"], box["height"] / 4)
            x0, x1 = (box["x"] - reach) * W, (box["x"] + box["width"] + reach) * W
            crop = image.crop((int(x0), int(box["y"] * H), int(x1), int((box["y"] + box["height"]) * H)))
            margin = round(crop.width * reach / (box["width"] + 2 * reach))
            name = os.path.join(out, f"{sha}-{kind}.png")
            crop.save(name)
            value = truth["number"].split("/")[0] if kind == "number" else truth["date"][8:10]
            rows.append((name, value, margin))
    return rows


def measure_real(binary, nets, real, out):
    rows = real_blanks(binary, real, out)
    X, y = [], []
    for name, value, margin in rows:
        _, vectors = features(binary, [name], inside=margin)[name]
        written = value if len(vectors) == len(value) else value.lstrip("0") if len(vectors) == len(value.lstrip("0")) else None
        guesses = predict(nets, np.array(vectors, dtype=np.float32)) if vectors else np.zeros((0, 11))
        shown = " ".join(f"{'x' if g.argmax() == OTHER else g.argmax()}:{g.max():.2f}" for g in guesses)
        print(f"  {os.path.basename(name):24s} truth {value:>4s} figures {len(vectors)}  {shown}")
        if written:
            X += vectors; y += [int(c) for c in written]
    if X:
        report("real blanks' figures", predict(nets, np.array(X, dtype=np.float32)), np.array(y))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bin", default=os.path.join(HERE, "..", ".build", "release", "evidenced"))
    parser.add_argument("--work", default="/tmp/figure-classifier")
    parser.add_argument("--real", default=os.path.join(HERE, "..", "..", "shared", "real"))
    parser.add_argument("--count", type=int, default=14000)
    parser.add_argument("--networks", type=int, default=3)
    parser.add_argument("--hidden", type=int, default=48)
    parser.add_argument("--weights", default=WEIGHTS, help="where the weights are written (train) or read (measure)")
    parser.add_argument("--touching", type=float, default=0.05, help="share of the images that are two figures touching")
    parser.add_argument("command", choices=["train", "measure"])
    args = parser.parse_args()
    if args.command == "train":
        rows = make_images(os.path.join(args.work, "images"), args.count, seed=22, touching=args.touching)
        X, y, split = dataset(args.bin, rows)
        tune = split == "tune"
        print(f"{len(y)} figures: {tune.sum()} to train on, {(~tune).sum()} held out; per class {np.bincount(y)}")
        nets = [train_net(X[tune], y[tune], seed, hidden=args.hidden) for seed in range(args.networks)]
        # The shipped networks are these: the held-out fonts stay held out for handwriting_measure.py too.
        report("held-out fonts and pens", predict(nets, X[~tune]), y[~tune])
        write_weights(nets, args.hidden, X.shape[1], args.weights)
        np.save(os.path.join(args.work, "nets.npy"), np.array([np.concatenate([a.ravel() for a in n]) for n in nets]))
        if os.path.isdir(args.real):
            measure_real(args.bin, nets, args.real, os.path.join(args.work, "real"))
    else:
        nets = load_shipped(args.hidden, args.weights)
        measure_real(args.bin, nets, args.real, os.path.join(args.work, "real"))


def load_shipped(hidden, path=WEIGHTS):
    text = open(path).read()
    inputs = int(text.split("inputs: ")[1].split(",")[0])
    encoded = "".join(text.split('"""')[1].split())
    flat = np.frombuffer(base64.b64decode(encoded), dtype="<f4")
    sizes = [inputs * hidden, hidden, hidden * 11, 11]
    nets, at = [], 0
    while at < flat.size:
        net = []
        for size, shape in zip(sizes, [(inputs, hidden), (hidden,), (hidden, 11), (11,)]):
            net.append(flat[at:at + size].reshape(shape)); at += size
        nets.append(net)
    return nets


if __name__ == "__main__":
    main()
