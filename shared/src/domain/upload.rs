//! Files an exhibitor uploads to their stand: what kinds there are, how
//! large each may be, and how a file's first bytes say what it really is.
//! A file is judged by its content, never by its name: a `.pdf` that is not
//! a PDF is refused.

use serde::{Deserialize, Serialize};
use std::fmt;

/// What an upload is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UploadKind {
    /// A prospectus or leaflet, as a PDF.
    Prospectus,
    /// A workplace-insight video, MP4 or WebM; always with captions.
    Video,
    /// A video's WebVTT captions.
    Captions,
    /// The exhibitor's logo: PNG, JPEG or WebP.
    Logo,
}

const MB: u64 = 1024 * 1024;

impl UploadKind {
    pub const ALL: [UploadKind; 4] = [
        UploadKind::Prospectus,
        UploadKind::Video,
        UploadKind::Captions,
        UploadKind::Logo,
    ];

    /// The largest file of this kind accepted. A prospectus of 20 MB is a
    /// long, picture-heavy booklet; 200 MB holds a few minutes of 1080p
    /// video; captions are text; a logo on a card needs no more than 1 MB.
    /// Pupils on slow connections download these, so the limits stay low.
    pub const fn max_bytes(self) -> u64 {
        match self {
            UploadKind::Prospectus => 20 * MB,
            UploadKind::Video => 200 * MB,
            UploadKind::Captions => MB,
            UploadKind::Logo => MB,
        }
    }

    /// What it is called in a sentence: "a prospectus".
    pub const fn label(self) -> &'static str {
        match self {
            UploadKind::Prospectus => "a prospectus",
            UploadKind::Video => "a video",
            UploadKind::Captions => "a captions file",
            UploadKind::Logo => "a logo",
        }
    }

    /// The file types it may be, as people say them.
    pub const fn formats(self) -> &'static str {
        match self {
            UploadKind::Prospectus => "a PDF",
            UploadKind::Video => "an MP4 or WebM video",
            UploadKind::Captions => "a WebVTT (.vtt) file",
            UploadKind::Logo => "a PNG, JPEG or WebP picture",
        }
    }

    /// For a file picker's `accept`: a hint only; the server checks content.
    pub const fn accept(self) -> &'static str {
        match self {
            UploadKind::Prospectus => "application/pdf,.pdf",
            UploadKind::Video => "video/mp4,video/webm,.mp4,.webm",
            UploadKind::Captions => "text/vtt,.vtt",
            UploadKind::Logo => "image/png,image/jpeg,image/webp",
        }
    }

    /// Whether `file` is a file of this kind.
    pub fn allows(self, file: FileType) -> bool {
        matches!(
            (self, file),
            (UploadKind::Prospectus, FileType::Pdf)
                | (UploadKind::Video, FileType::Mp4 | FileType::WebM)
                | (UploadKind::Captions, FileType::WebVtt)
                | (
                    UploadKind::Logo,
                    FileType::Png | FileType::Jpeg | FileType::WebP
                )
        )
    }
}

impl fmt::Display for UploadKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// A file type recognised by its first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileType {
    Pdf,
    Mp4,
    WebM,
    WebVtt,
    Png,
    Jpeg,
    WebP,
}

/// How many leading bytes [`FileType::sniff`] needs at most.
pub const SNIFF_BYTES: usize = 64;

impl FileType {
    /// The type `head` (a file's first bytes, up to [`SNIFF_BYTES`]) shows,
    /// if it is one we take. Signatures: PDF `%PDF-`; MP4 `ftyp` at offset
    /// 4; WebM an EBML header (`1A 45 DF A3`) whose doctype is `webm` (not
    /// any Matroska file); WebVTT `WEBVTT` (after an optional UTF-8 byte
    /// order mark) then a space, tab or line end; PNG, JPEG and WebP their
    /// standard signatures.
    pub fn sniff(head: &[u8]) -> Option<FileType> {
        let head = &head[..head.len().min(SNIFF_BYTES)];
        if head.starts_with(b"%PDF-") {
            Some(FileType::Pdf)
        } else if head.get(4..8) == Some(b"ftyp") {
            Some(FileType::Mp4)
        } else if head.starts_with(&[0x1A, 0x45, 0xDF, 0xA3])
            && head.windows(4).any(|w| w == b"webm")
        {
            Some(FileType::WebM)
        } else if is_webvtt(head) {
            Some(FileType::WebVtt)
        } else if head.starts_with(b"\x89PNG\r\n\x1a\n") {
            Some(FileType::Png)
        } else if head.starts_with(&[0xFF, 0xD8, 0xFF]) {
            Some(FileType::Jpeg)
        } else if head.starts_with(b"RIFF") && head.get(8..12) == Some(b"WEBP") {
            Some(FileType::WebP)
        } else {
            None
        }
    }

    /// The file name extension it is stored under.
    pub const fn extension(self) -> &'static str {
        match self {
            FileType::Pdf => "pdf",
            FileType::Mp4 => "mp4",
            FileType::WebM => "webm",
            FileType::WebVtt => "vtt",
            FileType::Png => "png",
            FileType::Jpeg => "jpg",
            FileType::WebP => "webp",
        }
    }

    /// The media type it is served with.
    pub const fn media_type(self) -> &'static str {
        match self {
            FileType::Pdf => "application/pdf",
            FileType::Mp4 => "video/mp4",
            FileType::WebM => "video/webm",
            FileType::WebVtt => "text/vtt",
            FileType::Png => "image/png",
            FileType::Jpeg => "image/jpeg",
            FileType::WebP => "image/webp",
        }
    }
}

fn is_webvtt(head: &[u8]) -> bool {
    let text = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    match text.strip_prefix(b"WEBVTT") {
        Some(rest) => matches!(rest.first(), None | Some(b' ' | b'\t' | b'\n' | b'\r')),
        None => false,
    }
}

/// `bytes` for people: "900 KB", "20 MB", "1.5 MB".
pub fn human_size(bytes: u64) -> String {
    if bytes < MB {
        format!("{} KB", bytes.div_ceil(1024))
    } else if bytes.is_multiple_of(MB) {
        format!("{} MB", bytes / MB)
    } else {
        format!("{:.1} MB", bytes as f64 / MB as f64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_signature_is_recognised() {
        let mut webm = vec![0x1A, 0x45, 0xDF, 0xA3, 0x9F, 0x42, 0x86, 0x81, 0x01];
        webm.extend_from_slice(b"\x42\x82\x84webm\x42\x87\x81\x04");
        let cases: [(&[u8], FileType); 9] = [
            (b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n", FileType::Pdf),
            (b"\x00\x00\x00\x20ftypisom\x00\x00\x02\x00", FileType::Mp4),
            (&webm, FileType::WebM),
            (b"WEBVTT\n\n00:00.000 --> 00:01.000\nHi", FileType::WebVtt),
            (b"\xEF\xBB\xBFWEBVTT - captions\n", FileType::WebVtt),
            (b"WEBVTT", FileType::WebVtt),
            (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", FileType::Png),
            (b"\xFF\xD8\xFF\xE0\x00\x10JFIF", FileType::Jpeg),
            (b"RIFF\x24\x00\x00\x00WEBPVP8 ", FileType::WebP),
        ];
        for (head, expected) in cases {
            assert_eq!(FileType::sniff(head), Some(expected), "{expected:?}");
        }
    }

    #[test]
    fn look_alikes_and_other_files_are_not_taken() {
        let matroska = b"\x1A\x45\xDF\xA3\x9F\x42\x86\x81\x01\x42\x82\x88matroska";
        let cases: [(&[u8], &str); 9] = [
            (b"", "empty"),
            (b"%PD", "cut short"),
            (b"Hello, this is a text file called prospectus.pdf", "text"),
            (b"PK\x03\x04\x14\x00\x06\x00", "a Word document (zip)"),
            (b"  %PDF-1.7", "PDF signature not at the start"),
            (b"WEBVTTX\n", "WEBVTT run on into other text"),
            (
                b"1\n00:00:00,000 --> 00:00:01,000\nHi",
                "SubRip, not WebVTT",
            ),
            (matroska, "Matroska, not WebM"),
            (b"RIFF\x24\x00\x00\x00WAVEfmt ", "a WAV sound"),
        ];
        for (head, why) in cases {
            assert_eq!(FileType::sniff(head), None, "{why}");
        }
    }

    #[test]
    fn each_kind_takes_only_its_own_types() {
        assert!(UploadKind::Prospectus.allows(FileType::Pdf));
        assert!(!UploadKind::Prospectus.allows(FileType::Png));
        assert!(UploadKind::Video.allows(FileType::WebM));
        assert!(!UploadKind::Video.allows(FileType::WebVtt));
        assert!(UploadKind::Captions.allows(FileType::WebVtt));
        assert!(UploadKind::Logo.allows(FileType::WebP));
        assert!(!UploadKind::Logo.allows(FileType::Pdf));
    }

    #[test]
    fn sizes_read_as_people_say_them() {
        assert_eq!(human_size(UploadKind::Prospectus.max_bytes()), "20 MB");
        assert_eq!(human_size(1536 * 1024), "1.5 MB");
        assert_eq!(human_size(900 * 1024), "900 KB");
        assert_eq!(human_size(1), "1 KB");
    }
}
