#!/usr/bin/env python3
"""Signed PDFs for the signature tests, made with a throwaway CA (Python's `cryptography`).

    python3 scripts/signed_pdfs.py OUTDIR

writes OUTDIR/ca/ca.pem (the test CA, for signatures.trusted_ca_dir) and:
  valid.pdf           one signature over the whole file
  altered.pdf         valid.pdf with one byte of the signed page content changed
  updated.pdf         valid.pdf, then an incremental update that rewrites the page content
  annotated.pdf       valid.pdf, then an incremental update that lays a FreeText note over the page
  two-signatures.pdf  valid.pdf, then a second signature (another body) over the whole file
  expired.pdf         signed with a certificate that expired a year ago
  empty-field.pdf     a signature field left empty (not a signature)
The signature is a detached PKCS#7 (adbe.pkcs7.detached) written into a hand-built /ByteRange.
"""
import datetime
import os
import sys

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs7
from cryptography.x509.oid import NameOID

NOW = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
PLACEHOLDER = 8192  # bytes of DER room in /Contents


def name(cn, org=None):
    attributes = [x509.NameAttribute(NameOID.COUNTRY_NAME, "VN")]
    if org:
        attributes.append(x509.NameAttribute(NameOID.ORGANIZATION_NAME, org))
    attributes.append(x509.NameAttribute(NameOID.COMMON_NAME, cn))
    return x509.Name(attributes)


def key():
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def make_ca():
    ca_key = key()
    subject = name("Evidenced Test Root CA", "Evidenced Test")
    cert = (x509.CertificateBuilder().subject_name(subject).issuer_name(subject)
            .public_key(ca_key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(NOW - datetime.timedelta(days=3650)).not_valid_after(NOW + datetime.timedelta(days=3650))
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(digital_signature=False, content_commitment=False, key_encipherment=False,
                                         data_encipherment=False, key_agreement=False, key_cert_sign=True, crl_sign=True,
                                         encipher_only=False, decipher_only=False), critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False)
            .sign(ca_key, hashes.SHA256()))
    return ca_key, cert


def make_signer(ca_key, ca_cert, cn, org, not_before, not_after):
    signer_key = key()
    cert = (x509.CertificateBuilder().subject_name(name(cn, org)).issuer_name(ca_cert.subject)
            .public_key(signer_key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(not_before).not_valid_after(not_after)
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=True, key_encipherment=False,
                                         data_encipherment=False, key_agreement=False, key_cert_sign=False, crl_sign=False,
                                         encipher_only=False, decipher_only=False), critical=True)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False)
            .sign(ca_key, hashes.SHA256()))
    return signer_key, cert


def pdf_date(moment):
    local = moment.astimezone(datetime.timezone(datetime.timedelta(hours=7)))
    return local.strftime("D:%Y%m%d%H%M%S+07'00'")


CONTENT = (b"BT /F1 14 Tf 72 770 Td (UY BAN NHAN DAN HUYEN THU NGHIEM) Tj 0 -24 Td "
           b"(So: 12/QD-UBND) Tj 0 -24 Td (QUYET DINH ve viec thu nghiem chu ky so) Tj ET")
CHANGED = CONTENT.replace(b"12/QD", b"99/QD")


def sig_dict(moment):
    return (b"<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /adbe.pkcs7.detached /M (" + pdf_date(moment).encode()
            + b") /ByteRange [0 0000000000 0000000000 0000000000] /Contents <" + b"0" * (2 * PLACEHOLDER) + b"> >>")


def stream(body):
    return b"<< /Length %d >>\nstream\n" % len(body) + body + b"\nendstream"


class Writer:
    """Writes objects, then an xref section and trailer; `append` starts an incremental update."""

    def __init__(self, data=b"", prev=None, size=0):
        self.data = bytearray(data)
        self.prev = prev
        self.size = size
        self.offsets = {}

    def add(self, number, body):
        self.offsets[number] = len(self.data)
        self.data += b"%d 0 obj\n" % number + body + b"\nendobj\n"
        self.size = max(self.size, number + 1)

    def finish(self, root=1):
        xref = len(self.data)
        self.data += b"xref\n"
        numbers = sorted(self.offsets)
        if self.prev is None:
            self.data += b"0 %d\n0000000000 65535 f \n" % (numbers[-1] + 1)
            for n in range(1, numbers[-1] + 1):
                self.data += b"%010d 00000 n \n" % self.offsets[n]
        else:
            for n in numbers:
                self.data += b"%d 1\n%010d 00000 n \n" % (n, self.offsets[n])
        trailer = b"<< /Size %d /Root %d 0 R" % (self.size, root)
        if self.prev is not None:
            trailer += b" /Prev %d" % self.prev
        self.data += b"trailer\n" + trailer + b" >>\nstartxref\n%d\n%%%%EOF\n" % xref
        return bytes(self.data), xref


def sign(data, signer_key, signer_cert, extra_certs):
    """Fills the last /ByteRange placeholder and its /Contents with a detached PKCS#7 signature."""
    data = bytearray(data)
    at = data.rindex(b"/ByteRange [0 0000000000")
    contents = data.index(b"/Contents <", at) + len(b"/Contents ")
    end = data.index(b">", contents) + 1
    ranges = b"[0 %010d %010d %010d]" % (contents, end, len(data) - end)
    start = at + len(b"/ByteRange ")
    data[start:start + len(ranges)] = ranges
    signed = bytes(data[:contents]) + bytes(data[end:])
    builder = pkcs7.PKCS7SignatureBuilder().set_data(signed).add_signer(signer_cert, signer_key, hashes.SHA256())
    for cert in extra_certs:
        builder = builder.add_certificate(cert)
    der = builder.sign(serialization.Encoding.DER, [pkcs7.PKCS7Options.DetachedSignature, pkcs7.PKCS7Options.Binary])
    assert len(der) <= PLACEHOLDER
    hexed = der.hex().encode().ljust(2 * PLACEHOLDER, b"0")
    data[contents + 1:end - 1] = hexed
    return bytes(data)


def signed_base(signer_key, signer_cert, chain):
    w = Writer(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    w.add(1, b"<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [6 0 R] /SigFlags 3 >> >>")
    w.add(2, b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
    w.add(3, b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
             b"/Resources << /Font << /F1 5 0 R >> >> /Annots [6 0 R] >>")
    w.add(4, stream(CONTENT))
    w.add(5, b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    w.add(6, b"<< /Type /Annot /Subtype /Widget /FT /Sig /T (Signature1) /V 7 0 R /F 132 "
             b"/Rect [340 60 540 120] /P 3 0 R >>")
    w.add(7, sig_dict(NOW))
    data, xref = w.finish()
    return sign(data, signer_key, signer_cert, chain), xref


def main(out):
    os.makedirs(os.path.join(out, "ca"), exist_ok=True)
    ca_key, ca_cert = make_ca()
    with open(os.path.join(out, "ca", "ca.pem"), "wb") as f:
        f.write(ca_cert.public_bytes(serialization.Encoding.PEM))
    year = datetime.timedelta(days=365)
    body_key, body_cert = make_signer(ca_key, ca_cert, "Ủy ban nhân dân huyện Thử Nghiệm", "Tỉnh Thử Nghiệm",
                                      NOW - year, NOW + year)
    gazette_key, gazette_cert = make_signer(ca_key, ca_cert, "Trung tâm Công báo và Tin học",
                                            "Ủy ban nhân dân tỉnh Thử Nghiệm", NOW - year, NOW + year)
    old_key, old_cert = make_signer(ca_key, ca_cert, "Ủy ban nhân dân huyện Thử Nghiệm", "Tỉnh Thử Nghiệm",
                                    NOW - 3 * year, NOW - year)

    def write(file, data):
        with open(os.path.join(out, file), "wb") as f:
            f.write(data)

    valid, xref = signed_base(body_key, body_cert, [ca_cert])
    write("valid.pdf", valid)

    altered = bytearray(valid)
    at = altered.index(b"12/QD")
    altered[at + 1:at + 2] = b"3"
    write("altered.pdf", bytes(altered))

    update = Writer(valid, prev=xref, size=8)
    update.add(4, stream(CHANGED))
    write("updated.pdf", update.finish()[0])

    note = Writer(valid, prev=xref, size=8)
    note.add(8, b"<< /Type /Annot /Subtype /FreeText /Rect [72 690 300 720] /Contents (So: 99/QD-UBND) "
                b"/DA (/Helv 14 Tf 0 g) /P 3 0 R >>")
    note.add(3, b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
                b"/Resources << /Font << /F1 5 0 R >> >> /Annots [6 0 R 8 0 R] >>")
    write("annotated.pdf", note.finish()[0])

    second = Writer(valid, prev=xref, size=8)
    second.add(8, b"<< /Type /Annot /Subtype /Widget /FT /Sig /T (Signature2) /V 9 0 R /F 132 "
                  b"/Rect [340 130 540 190] /P 3 0 R >>")
    second.add(9, sig_dict(NOW + datetime.timedelta(hours=6)))
    second.add(1, b"<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [6 0 R 8 0 R] /SigFlags 3 >> >>")
    second.add(3, b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
                  b"/Resources << /Font << /F1 5 0 R >> >> /Annots [6 0 R 8 0 R] >>")
    write("two-signatures.pdf", sign(second.finish()[0], gazette_key, gazette_cert, [ca_cert]))

    expired, _ = signed_base(old_key, old_cert, [ca_cert])
    write("expired.pdf", expired)

    empty = Writer(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    empty.add(1, b"<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [6 0 R] >> >>")
    empty.add(2, b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
    empty.add(3, b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
                 b"/Resources << /Font << /F1 5 0 R >> >> /Annots [6 0 R] >>")
    empty.add(4, stream(CONTENT))
    empty.add(5, b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    empty.add(6, b"<< /Type /Annot /Subtype /Widget /FT /Sig /T (Signature1) /F 132 /Rect [340 60 540 120] /P 3 0 R >>")
    write("empty-field.pdf", empty.finish()[0])


if __name__ == "__main__":
    main(sys.argv[1])
