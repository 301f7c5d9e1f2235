#!/usr/bin/env python3
"""Labelled crops of hand-filled figures, for measuring how they are read (issue 22, item 4).

    python3 scripts/handwriting_crops.py OUT [--real ../shared/real] [--synthetic 400] [--seed 22]

Writes OUT/crops.tsv (`source  split  kind  truth  path`) and the crops as PNG files:

- real: page 1 of each scanned file of ../shared/real (300 dpi, colour), the blank between 'Số:'
  and the printed symbol ('/TTr-UBND') and the one between 'ngày' and 'tháng', found with
  tesseract's word boxes the way the parser finds them; the truth is the truth file's number and
  day. Nothing of those files is kept in the repository: the crops are made at test time from
  ../shared/real when it is there (their licence: see its README).
- synthetic: numbers (1-999) and days (1-31, sometimes with a leading zero) drawn with pen-like fonts
  from Debian's packages (fonts-dkg-handwriting, fonts-breip, fonts-bwht, fonts-femkeklaver,
  fonts-humor-sans, fonts-rufscript, fonts-kristi, fonts-dancingscript, fonts-kaushanscript,
  fonts-sjfonts, fonts-klee), with a random slant, rotation, size, stroke weight, blue or black ink,
  a dotted blank line under some, blur, paper noise and JPEG compression like a scan.

Split: `tune` to choose conditions and thresholds on, `held` to measure on. Real crops are split
by document (a document's two crops go together), synthetic ones by font (the held-out fonts are
never tuned on), so a rule that only fits what it was tuned on shows.
"""
import argparse, glob, hashlib, io, json, os, random, subprocess, sys, tempfile

from PIL import Image, ImageDraw, ImageFilter, ImageFont

FONT_GLOBS = ["/usr/share/fonts/truetype/fifthhorseman/dkg*.ttf", "/usr/share/fonts/truetype/breip/*.ttf",
              "/usr/share/fonts/opentype/bwht/*.otf", "/usr/share/fonts/truetype/femkeklaver/*.ttf",
              "/usr/share/fonts/truetype/humor-sans/*.ttf", "/usr/share/fonts/truetype/rufscript/*.ttf",
              "/usr/share/fonts/truetype/kristi/*.ttf", "/usr/share/fonts/opentype/dancingscript/*.otf",
              "/usr/share/fonts/opentype/kaushanscript/*.otf", "/usr/share/fonts/truetype/sjfonts/*.ttf",
              "/usr/share/fonts/truetype/klee/*.ttf"]


def held_out(key):
    """A stable split by a key (a document's sha, a font's file name): about a half held out."""
    return hashlib.sha256(key.encode()).digest()[0] % 2 == 1


def words(image_path):
    """Tesseract's words of a page image with boxes: (text, left, top, right, bottom, line key)."""
    out = subprocess.run(["tesseract", image_path, "-", "-l", "vie", "tsv"], capture_output=True, text=True).stdout
    found = []
    for row in out.splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) < 12 or cols[0] != "5" or not cols[11].strip():
            continue
        left, top, width, height = map(int, cols[6:10])
        found.append((cols[11].strip(), left, top, left + width, top + height, (cols[2], cols[3], cols[4])))
    return found


def blank_between(before, after, image, pad):
    """The box between two words of a line: from the right of `before` to the left of `after`
    (or of its slash when figures are glued to it, '24/TTr-UBND'), a line's height above and below."""
    left = before[3]
    right = after[1]
    text = after[0]
    if "/" in text and not text.startswith("/"):
        right = after[1] + (after[3] - after[1]) * text.index("/") // max(1, len(text))
    top = min(before[2], after[2]); bottom = max(before[4], after[4])
    height = bottom - top
    # Inside the gap (the colon's and the slash's ink stay out), half a line above and below: hand
    # figures rise above the printed line.
    box = (max(0, left + pad), max(0, top - height // 2), min(image.width, right - pad), min(image.height, bottom + height // 2))
    return box if box[2] - box[0] > height // 2 else None


def real_crops(real, out, rows):
    for truth_path in sorted(glob.glob(os.path.join(real, "truth", "*.json"))):
        truth = json.load(open(truth_path))
        if truth.get("text_layer") == "full":
            continue  # born-digital: the figures are typed
        sha = truth["sha"]
        pdf = os.path.join(real, "docs", sha + ".pdf")
        with tempfile.TemporaryDirectory() as tmp:
            subprocess.run(["pdftoppm", "-r", "300", "-f", "1", "-l", "1", "-png", pdf, os.path.join(tmp, "p")], check=True)
            page_path = sorted(glob.glob(os.path.join(tmp, "p*.png")))[0]
            page = Image.open(page_path).convert("RGB")
            band = page.crop((0, 0, page.width, page.height * 2 // 5))
            band_path = os.path.join(tmp, "band.png")
            band.save(band_path)
            found = words(band_path)
        split = "held" if held_out(sha) else "tune"
        number = truth["number"].split("/")[0]
        day = str(int(truth["date"][8:10]))
        for kind, first, second, value in (("number", ("số", "so"), None, number), ("day", ("ngày",), ("tháng",), day)):
            crop = None
            for index, word in enumerate(found):
                head = word[0].lower().rstrip(":")
                if not any(word[0].lower().startswith(f) for f in first) or len(head) > 4:
                    continue
                line = [w for w in found[index + 1:] if w[5] == word[5]]
                after = next((w for w in line[:3] if ("/" in w[0] if second is None else w[0].lower() in second)), None)
                if after is None:
                    continue
                box = blank_between(word, after, band, pad=6)
                if box:
                    crop = band.crop(box)
                    break
            if crop is None:
                print(f"{sha[:10]}: no {kind} blank found", file=sys.stderr)
                continue
            name = f"real-{sha[:10]}-{kind}.png"
            crop.save(os.path.join(out, name))
            rows.append(("real", split, kind, value, name))


def fonts():
    found = sorted({path for pattern in FONT_GLOBS for path in glob.glob(pattern)})
    if not found:
        sys.exit("no handwriting fonts: apt-get install fonts-dkg-handwriting fonts-breip fonts-bwht ...")
    return found


def scan_like(image, rng):
    """Blur, paper grain and JPEG compression, as a 300-dpi scan of a pen's figures looks."""
    if rng.random() < 0.7:
        image = image.filter(ImageFilter.GaussianBlur(rng.uniform(0.3, 1.2)))
    pixels = image.load()
    for _ in range(image.width * image.height // 60):
        x, y = rng.randrange(image.width), rng.randrange(image.height)
        grain = rng.randint(-40, 10)
        r, g, b = pixels[x, y]
        pixels[x, y] = (max(0, min(255, r + grain)), max(0, min(255, g + grain)), max(0, min(255, b + grain)))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=rng.randint(35, 85))
    return Image.open(io.BytesIO(buffer.getvalue())).convert("RGB")


def draw_figures(text, font_path, rng):
    size = rng.randint(48, 80)  # hand-written figures at 300 dpi: 4-7 mm tall
    font = ImageFont.truetype(font_path, size)
    ink = rng.choice([(20, 30, 140), (30, 40, 170), (15, 15, 20), (40, 40, 60), (60, 70, 160)])
    spaced = text if rng.random() < 0.6 else " ".join(text) if len(text) > 1 and rng.random() < 0.5 else text
    left, top, right, bottom = font.getbbox(spaced)
    canvas = Image.new("RGB", (right - left + 80, bottom - top + 60), (250, 248, 240))
    draw = ImageDraw.Draw(canvas)
    stroke = rng.choice([0, 0, 1, 2])
    draw.text((40 - left, 30 - top), spaced, font=font, fill=ink, stroke_width=stroke, stroke_fill=ink)
    if rng.random() < 0.5:  # the printed blank's dots under the figures
        y = canvas.height - 26
        for x in range(6, canvas.width - 6, 12):
            draw.ellipse((x, y, x + 3, y + 3), fill=(30, 30, 30))
    shear = rng.uniform(-0.35, 0.15)
    canvas = canvas.transform(canvas.size, Image.AFFINE, (1, shear, -shear * canvas.height / 2, 0, 1, 0),
                              resample=Image.BICUBIC, fillcolor=(250, 248, 240))
    canvas = canvas.rotate(rng.uniform(-6, 6), resample=Image.BICUBIC, expand=True, fillcolor=(250, 248, 240))
    return scan_like(canvas, rng)


def synthetic_crops(count, seed, out, rows):
    rng = random.Random(seed)
    paths = fonts()
    for index in range(count):
        font_path = paths[index % len(paths)]
        kind = "number" if index % 2 == 0 else "day"
        value = str(rng.choice([rng.randint(1, 99), rng.randint(1, 99), rng.randint(100, 999)]) if kind == "number" else rng.randint(1, 31))
        written = value.zfill(2) if kind == "day" and rng.random() < 0.4 else value
        name = f"synth-{index:04d}-{kind}.png"
        draw_figures(written, font_path, rng).save(os.path.join(out, name))
        split = "held" if held_out(os.path.basename(font_path)) else "tune"
        rows.append(("synthetic:" + os.path.splitext(os.path.basename(font_path))[0], split, kind, value, name))


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out")
    parser.add_argument("--real", default=os.path.join(here, "..", "..", "shared", "real"))
    parser.add_argument("--synthetic", type=int, default=400)
    parser.add_argument("--seed", type=int, default=22)
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    rows = []
    if os.path.isdir(os.path.join(args.real, "truth")):
        real_crops(args.real, args.out, rows)
    else:
        print(f"no real documents at {args.real}: synthetic crops only", file=sys.stderr)
    synthetic_crops(args.synthetic, args.seed, args.out, rows)
    with open(os.path.join(args.out, "crops.tsv"), "w") as tsv:
        tsv.write("source\tsplit\tkind\ttruth\tpath\n")
        for row in rows:
            tsv.write("\t".join(row) + "\n")
    counts = {}
    for source, split, kind, _, _ in rows:
        key = (source.split(":")[0], split, kind)
        counts[key] = counts.get(key, 0) + 1
    for key in sorted(counts):
        print(*key, counts[key])


if __name__ == "__main__":
    main()
