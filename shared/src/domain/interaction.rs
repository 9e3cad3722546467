//! What a pupil did at a stand. Each kind names what it refers to, so the
//! API can check that the thing exists on that stand before recording it.

use super::{ChallengeStage, InteractionId, ProspectusId, PupilId, QuestionText, StandId, VideoId};
use serde::{Deserialize, Serialize};
use thiserror::Error;

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum InteractionKind {
    /// Opened the stand. (An empty struct variant rather than a unit one, so
    /// that unknown fields are refused here too.)
    Visit {},
    /// Downloaded one of the stand's prospectuses.
    ProspectusDownload { prospectus: ProspectusId },
    /// Has now watched this share of one of the stand's videos. Recorded once
    /// per pupil, video and mark: see [`InteractionKind::once_only_id`].
    VideoProgress {
        video: VideoId,
        watched: WatchedMark,
    },
    /// Asked the exhibitor a question, for them to answer on the stand.
    Question { text: QuestionText },
    /// Completed a stage of the My Futures challenge, about this stand.
    /// Once per pupil and stage, whichever stand: see
    /// [`InteractionKind::once_only_id`].
    ChallengeStage { stage: ChallengeStage },
}

impl InteractionKind {
    /// The machine name, as used in JSON, storage and exports.
    pub fn code(&self) -> &'static str {
        match self {
            InteractionKind::Visit {} => "visit",
            InteractionKind::ProspectusDownload { .. } => "prospectus_download",
            InteractionKind::VideoProgress { .. } => "video_progress",
            InteractionKind::Question { .. } => "question",
            InteractionKind::ChallengeStage { .. } => "challenge_stage",
        }
    }

    /// The id this interaction must have if a pupil can make it only once
    /// (reaching a mark in a video, completing a challenge stage), `None` if
    /// they can make it any number
    /// of times. The id is derived from the pupil, the stand and the kind, so
    /// a second attempt, from any device, is a replay of the first and the
    /// ledger counts it once.
    pub fn once_only_id(&self, pupil: &PupilId, stand: &StandId) -> Option<InteractionId> {
        let name = match self {
            InteractionKind::Visit {}
            | InteractionKind::ProspectusDownload { .. }
            | InteractionKind::Question { .. } => return None,
            InteractionKind::VideoProgress { video, watched } => {
                format!("{stand}/video/{video}/{}", watched.percent())
            }
            // Not the stand: a stage is completed once, about one stand.
            InteractionKind::ChallengeStage { stage } => format!("challenge/{}", stage.code()),
        };
        Some(InteractionId::from(uuid::Uuid::new_v5(
            pupil.as_uuid(),
            name.as_bytes(),
        )))
    }
}

/// How much of a video a pupil has watched: the four marks that count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub enum WatchedMark {
    Quarter,
    Half,
    ThreeQuarters,
    All,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
#[error("watched must be 25, 50, 75 or 100 (per cent), not {0}")]
pub struct WatchedMarkError(u8);

impl WatchedMark {
    pub const ALL: [WatchedMark; 4] = [
        WatchedMark::Quarter,
        WatchedMark::Half,
        WatchedMark::ThreeQuarters,
        WatchedMark::All,
    ];

    pub fn percent(self) -> u8 {
        match self {
            WatchedMark::Quarter => 25,
            WatchedMark::Half => 50,
            WatchedMark::ThreeQuarters => 75,
            WatchedMark::All => 100,
        }
    }

    /// Where this mark sits in [`WatchedMark::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// The marks reached by a pupil who has watched `fraction` (0 to 1) of a
    /// video. The last one allows for players that stop a frame short.
    pub fn reached(fraction: f64) -> impl Iterator<Item = WatchedMark> {
        WatchedMark::ALL.into_iter().filter(move |mark| {
            let needed = f64::from(mark.percent()) / 100.0;
            fraction >= needed - 0.02
        })
    }
}

impl TryFrom<u8> for WatchedMark {
    type Error = WatchedMarkError;
    fn try_from(percent: u8) -> Result<Self, Self::Error> {
        WatchedMark::ALL
            .into_iter()
            .find(|mark| mark.percent() == percent)
            .ok_or(WatchedMarkError(percent))
    }
}

impl From<WatchedMark> for u8 {
    fn from(mark: WatchedMark) -> u8 {
        mark.percent()
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
            (
                r#"{"type":"video_progress","video":"intro","watched":30}"#,
                "not a mark",
            ),
            (r#"{"type":"video_progress","watched":25}"#, "missing video"),
        ];
        for (json, why) in cases {
            assert!(
                serde_json::from_str::<InteractionKind>(json).is_err(),
                "{why}: {json}"
            );
        }
    }

    #[test]
    fn video_marks_read_as_percentages() {
        let kind: InteractionKind =
            serde_json::from_str(r#"{"type":"video_progress","video":"intro","watched":75}"#)
                .expect("progress");
        assert_eq!(
            kind,
            InteractionKind::VideoProgress {
                video: VideoId::parse("intro").expect("id"),
                watched: WatchedMark::ThreeQuarters,
            }
        );
        assert_eq!(
            serde_json::to_string(&WatchedMark::All).expect("json"),
            "100"
        );
    }

    #[test]
    fn marks_reached_follow_the_share_watched() {
        let reached = |fraction| WatchedMark::reached(fraction).collect::<Vec<_>>();
        assert!(reached(0.0).is_empty());
        assert!(reached(0.2).is_empty());
        assert_eq!(reached(0.25), vec![WatchedMark::Quarter]);
        assert_eq!(reached(0.6), vec![WatchedMark::Quarter, WatchedMark::Half]);
        assert_eq!(reached(0.99), WatchedMark::ALL.to_vec());
    }

    #[test]
    fn only_video_marks_and_challenge_stages_are_once_only_and_their_ids_are_stable() {
        let pupil = PupilId::from(uuid::Uuid::from_u128(7));
        let other = PupilId::from(uuid::Uuid::from_u128(8));
        let stand = StandId::parse("acme").expect("stand");
        let video = VideoId::parse("intro").expect("video");
        let mark = |watched| InteractionKind::VideoProgress {
            video: video.clone(),
            watched,
        };
        let half = mark(WatchedMark::Half).once_only_id(&pupil, &stand);
        assert!(half.is_some());
        assert_eq!(half, mark(WatchedMark::Half).once_only_id(&pupil, &stand));
        assert_ne!(half, mark(WatchedMark::All).once_only_id(&pupil, &stand));
        assert_ne!(half, mark(WatchedMark::Half).once_only_id(&other, &stand));
        assert_eq!(InteractionKind::Visit {}.once_only_id(&pupil, &stand), None);

        // A stage is completed once, whichever stand it is about.
        let stage = |stage| InteractionKind::ChallengeStage { stage };
        let elsewhere = StandId::parse("other-stand").expect("stand");
        let insight = stage(ChallengeStage::WorkplaceInsight).once_only_id(&pupil, &stand);
        assert!(insight.is_some());
        assert_eq!(
            insight,
            stage(ChallengeStage::WorkplaceInsight).once_only_id(&pupil, &elsewhere)
        );
        assert_ne!(
            insight,
            stage(ChallengeStage::OnwardPlanning).once_only_id(&pupil, &stand)
        );
        assert_ne!(
            insight,
            stage(ChallengeStage::WorkplaceInsight).once_only_id(&other, &stand)
        );
    }
}
