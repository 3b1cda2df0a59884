"""Reference matrices from segno for QRCodeEncoderTests: reads a JSON list of
{"text", "level", "mask", "eci"} on stdin, prints [{"version", "rows"}] with rows as '0'/'1' strings.
Byte mode with UTF-8, no micro codes, no automatic raising of the error correction level."""
import json
import sys

import segno
import segno.encoder


def _pad_to_codeword_boundary(buff, version, length):
    """segno 1.6 adds eight zero bits when the bit stream already ends on a codeword boundary (open
    upstream issues heuer/segno#123 and #148; ISO/IEC 18004:2015 7.4.10 pads only up to the boundary,
    and BoofCV rejects the extra byte). For regular QR codes this is the standard's rule; everything
    else of segno's stays as it ships."""
    buff.extend([0] * (-length % 8))


segno.encoder.write_padding_bits = _pad_to_codeword_boundary

out = []
for case in json.load(sys.stdin):
    qr = segno.make(case["text"], mode="byte", encoding="utf-8", eci=case["eci"], error=case["level"],
                    mask=case["mask"], boost_error=False, micro=False)
    out.append({"version": qr.version, "rows": ["".join("1" if m else "0" for m in row) for row in qr.matrix]})
json.dump(out, sys.stdout)
