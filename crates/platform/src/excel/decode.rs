//! Text encodings of CSV files: UTF-8 (with or without BOM), else GB18030
//! (a superset of GBK), which is what Excel writes for "CSV" on a Chinese
//! Windows. The encoding is decided on the whole content, never on a first
//! chunk, and decoding streams correctly across chunk boundaries.

use std::io::{self, Read};

use encoding_rs::{Decoder, DecoderResult, Encoding, GB18030, UTF_8};

/// The whole text of a CSV upload in UTF-8 (BOM dropped), or `None` for
/// binary data or bytes that are neither UTF-8 nor GB18030.
pub fn decode_text(bytes: &[u8]) -> Option<String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.contains(&0) {
        return None;
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Some(s.to_string()),
        Err(_) => {
            let (text, _, had_errors) = GB18030.decode(bytes);
            (!had_errors).then(|| text.into_owned())
        }
    }
}

/// The encoding of a CSV file read in chunks from `source`: UTF-8 when
/// every byte of it is valid UTF-8 (a character may straddle two chunks),
/// else GB18030. Reads the whole source.
pub fn detect_encoding(mut source: impl Read) -> io::Result<&'static Encoding> {
    let mut check = UTF_8.new_decoder_with_bom_removal();
    let (mut input, mut output) = (vec![0u8; 1 << 16], vec![0u8; 1 << 16]);
    loop {
        let n = source.read(&mut input)?;
        let mut rest = &input[..n];
        loop {
            let (result, read, _) =
                check.decode_to_utf8_without_replacement(rest, &mut output, n == 0);
            match result {
                DecoderResult::Malformed(..) => return Ok(GB18030),
                DecoderResult::InputEmpty => break,
                DecoderResult::OutputFull => rest = &rest[read..],
            }
        }
        if n == 0 {
            return Ok(UTF_8);
        }
    }
}

/// A reader giving the UTF-8 text of `inner`, which is in `encoding`;
/// bytes that do not decode are an `InvalidData` error (the file is not in
/// the encoding detected).
pub struct DecodingReader<R> {
    inner: R,
    decoder: Decoder,
    input: Vec<u8>,
    start: usize,
    end: usize,
    done: bool,
    /// Decoded bytes not yet handed out.
    pending: Vec<u8>,
    taken: usize,
}

impl<R: Read> DecodingReader<R> {
    pub fn new(inner: R, encoding: &'static Encoding) -> Self {
        DecodingReader {
            inner,
            decoder: encoding.new_decoder_with_bom_removal(),
            input: vec![0; 1 << 16],
            start: 0,
            end: 0,
            done: false,
            pending: Vec::with_capacity(1 << 17),
            taken: 0,
        }
    }

    /// Decodes the next chunk into `pending`; false at the end.
    fn fill(&mut self) -> io::Result<bool> {
        while self.taken == self.pending.len() {
            if self.done {
                return Ok(false);
            }
            if self.start == self.end {
                self.end = self.inner.read(&mut self.input)?;
                self.start = 0;
                self.done = self.end == 0;
            }
            self.pending.clear();
            self.taken = 0;
            let room = self
                .decoder
                .max_utf8_buffer_length_without_replacement(self.end - self.start)
                .unwrap_or(1 << 18);
            self.pending.resize(room.max(4), 0);
            let (result, read, written) = self.decoder.decode_to_utf8_without_replacement(
                &self.input[self.start..self.end],
                &mut self.pending,
                self.done,
            );
            self.start += read;
            self.pending.truncate(written);
            if let DecoderResult::Malformed(..) = result {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidData,
                    "文件编码无法识别：请以 UTF-8 或 GBK 编码保存 CSV 文件后重新导入",
                ));
            }
        }
        Ok(true)
    }
}

impl<R: Read> Read for DecodingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if !self.fill()? {
            return Ok(0);
        }
        let n = buf.len().min(self.pending.len() - self.taken);
        buf[..n].copy_from_slice(&self.pending[self.taken..self.taken + n]);
        self.taken += n;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// A reader handing out its bytes a few at a time, so characters
    /// straddle every kind of chunk boundary.
    struct Trickle<'a> {
        bytes: &'a [u8],
        step: usize,
    }

    impl Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            let n = self.step.min(buf.len()).min(self.bytes.len());
            buf[..n].copy_from_slice(&self.bytes[..n]);
            self.bytes = &self.bytes[n..];
            Ok(n)
        }
    }

    fn decode(bytes: &[u8], step: usize) -> io::Result<String> {
        let encoding = detect_encoding(Trickle { bytes, step })?;
        let mut text = String::new();
        DecodingReader::new(Trickle { bytes, step }, encoding).read_to_string(&mut text)?;
        Ok(text)
    }

    #[test]
    fn a_gbk_file_over_64_kib_is_detected_and_decoded_whole() {
        // The first 64 KiB are ASCII: a detector that looked only there
        // would take the file for UTF-8.
        let mut text = "姓名,年级\n".to_string();
        text.push_str(&"a,1\n".repeat(20_000));
        text.push_str(&"张三丰,五年级\n".repeat(5_000));
        let (gbk, _, _) = encoding_rs::GBK.encode(&text);
        assert!(gbk.len() > 128 * 1024);
        for step in [1, 3, 1 << 16, 1 << 20] {
            assert_eq!(decode(&gbk, step).unwrap(), text, "step {step}");
        }
        assert_eq!(decode(text.as_bytes(), 7).unwrap(), text);
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend(text.as_bytes());
        assert_eq!(decode(&bom, 5).unwrap(), text);
    }

    #[test]
    fn bytes_in_no_known_encoding_are_an_error_in_chinese() {
        let e = decode(b"a,b\n\x81\x20\n", 2).unwrap_err();
        assert!(e.to_string().contains("UTF-8 或 GBK"), "{e}");
    }

    proptest! {
        #[test]
        fn decoding_in_chunks_gives_the_text(
            text in "[a-z0-9,\n张三年级学校\u{3000}]{0,200}",
            gbk in any::<bool>(),
            step in 1usize..9,
        ) {
            let bytes = if gbk {
                encoding_rs::GB18030.encode(&text).0.into_owned()
            } else {
                text.clone().into_bytes()
            };
            // Short GBK text can also be valid UTF-8 (校 is Cyrillic У).
            prop_assume!(!gbk || std::str::from_utf8(&bytes).is_err());
            prop_assert_eq!(decode(&bytes, step).unwrap(), text);
        }

        #[test]
        fn no_bytes_make_decoding_panic(bytes in proptest::collection::vec(any::<u8>(), 0..300), step in 1usize..9) {
            let _ = decode(&bytes, step);
            let _ = decode_text(&bytes);
        }
    }
}
