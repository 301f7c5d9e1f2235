#!/usr/bin/env python3
"""A phone photo of a scanned page, made at test time: python3 make_phone_photo.py PAGE.jpg OUT.jpg

The page is shrunk onto a darker desk with a keystone (the phone held above and in front of the
page), lit unevenly, and saved as a JPEG the size of a phone camera's (about 12 MP when the page is).
"""
import sys
from PIL import Image, ImageDraw, ImageFilter

page = Image.open(sys.argv[1]).convert("RGB")
w, h = page.size
W, H = int(w * 1.35), int(h * 1.3)
desk = Image.new("RGB", (W, H), (92, 74, 60))
ImageDraw.Draw(desk).rectangle([0, int(H * 0.8), W, H], fill=(80, 64, 52))
# Where the page's corners land on the photo: top narrower than the bottom.
tl, tr, br, bl = (0.20 * W, 0.10 * H), (0.82 * W, 0.12 * H), (0.90 * W, 0.92 * H), (0.10 * W, 0.90 * H)
# PIL maps output to input: solve the perspective from the photo's corners to the page's.
import numpy as np
src = [tl, tr, br, bl]
dst = [(0, 0), (w, 0), (w, h), (0, h)]
A, b = [], []
for (x, y), (u, v) in zip(src, dst):
    A.append([x, y, 1, 0, 0, 0, -u * x, -u * y]); b.append(u)
    A.append([0, 0, 0, x, y, 1, -v * x, -v * y]); b.append(v)
coeffs = np.linalg.solve(np.array(A, float), np.array(b, float))
warped = page.transform((W, H), Image.PERSPECTIVE, tuple(coeffs), Image.BICUBIC, fillcolor=(0, 0, 0))
mask = Image.new("L", (W, H), 0)
ImageDraw.Draw(mask).polygon(src, fill=255)
desk.paste(warped, (0, 0), mask)
# Uneven light: darker towards the right.
shade = Image.linear_gradient("L").rotate(90).resize((W, H))
desk = Image.composite(desk, Image.new("RGB", (W, H), (0, 0, 0)), shade.point(lambda p: 255 - p // 5))
desk.filter(ImageFilter.GaussianBlur(0.6)).save(sys.argv[2], quality=88)
