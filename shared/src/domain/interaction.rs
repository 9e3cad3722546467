//! What a pupil did at a stand. Each kind names what it refers to, so the
//! API can check that the thing exists on that stand before recording it.

use super::ProspectusId;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum InteractionKind {
    /// Opened the stand. (An empty struct variant rather than a unit one, so
    /// that unknown fields are refused here too.)
    Visit {},
    /// Downloaded one of the stand's prospectuses.
    ProspectusDownload { prospectus: ProspectusId },
}

impl InteractionKind {
    /// The machine name, as used in JSON, storage and exports.
    pub fn code(&self) -> &'static str {
        match self {
            InteractionKind::Visit {} => "visit",
            InteractionKind::ProspectusDownload { .. } => "prospectus_download",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_read_from_tagged_json() {
        let visit: InteractionKind = serde_json::from_str(r#"{"type":"visit"}"#).expect("visit");
        assert_eq!(visit, InteractionKind::Visit {});
        let download: InteractionKind =
            serde_json::from_str(r#"{"type":"prospectus_download","prospectus":"courses-2027"}"#)
                .expect("download");
        assert_eq!(download.code(), "prospectus_download");
    }

    #[test]
    fn unknown_or_malformed_kinds_are_refused() {
        let cases = [
            (r#"{"type":"teleport"}"#, "unknown kind"),
            (r#"{"type":"prospectus_download"}"#, "missing prospectus"),
            (
                r#"{"type":"prospectus_download","prospectus":"Bad Id"}"#,
                "invalid prospectus id",
            ),
            (r#"{"type":"visit","extra":1}"#, "unknown field"),
            (r#"{}"#, "no type"),
        ];
        for (json, why) in cases {
            assert!(
                serde_json::from_str::<InteractionKind>(json).is_err(),
                "{why}: {json}"
            );
        }
    }
}
