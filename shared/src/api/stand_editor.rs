//! What an exhibitor writes on their stand, as typed and as checked, and
//! the checklist that says whether the stand is ready for pupils.

use super::StandDetail;
use crate::domain::{
    ExhibitorKind, Name, Opportunity, OpportunityKind, Paragraph, StandId, StandLink, TextError,
    WebAddress,
};
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// The most sectors a stand names (the hall's filters stay short).
pub const MAX_SECTORS: usize = 5;
/// The most links and opportunities a stand lists.
pub const MAX_LINKS: usize = 5;
pub const MAX_OPPORTUNITIES: usize = 10;

pub type Tagline = Paragraph<160>;
pub type AboutText = Paragraph<3000>;
pub type OpportunitySummary = Paragraph<500>;

/// One link as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LinkInput {
    pub title: String,
    pub url: String,
}

/// One opportunity as typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OpportunityInput {
    pub kind: OpportunityKind,
    pub title: String,
    pub summary: String,
}

/// `PUT /api/fairs/{fair}/stands/{stand}/content`: the stand's words, as
/// typed. The tagline and about text may be left empty while the stand is
/// being built; the checklist says what is still missing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StandContent {
    pub name: String,
    pub kind: ExhibitorKind,
    pub sectors: Vec<String>,
    pub tagline: String,
    pub about: String,
    pub links: Vec<LinkInput>,
    pub opportunities: Vec<OpportunityInput>,
}

impl From<&StandDetail> for StandContent {
    fn from(detail: &StandDetail) -> Self {
        Self {
            name: detail.summary.name.to_string(),
            kind: detail.summary.kind,
            sectors: detail.summary.sectors.clone(),
            tagline: detail.summary.tagline.clone(),
            about: detail.about.clone(),
            links: detail
                .links
                .iter()
                .map(|link| LinkInput {
                    title: link.title.to_string(),
                    url: link.url.to_string(),
                })
                .collect(),
            opportunities: detail
                .opportunities
                .iter()
                .map(|offer| OpportunityInput {
                    kind: offer.kind,
                    title: offer.title.to_string(),
                    summary: offer.summary.clone(),
                })
                .collect(),
        }
    }
}

/// The stand's words, every one checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StandContentDetails {
    pub name: Name,
    pub kind: ExhibitorKind,
    pub sectors: Vec<Name>,
    pub tagline: Option<Tagline>,
    pub about: Option<AboutText>,
    pub links: Vec<StandLink>,
    pub opportunities: Vec<Opportunity>,
}

/// What is wrong with a stand's words, naming the field.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("{field}: {problem}")]
pub struct StandContentError {
    pub field: String,
    pub problem: String,
}

fn problem(field: impl Into<String>, problem: impl ToString) -> StandContentError {
    StandContentError {
        field: field.into(),
        problem: problem.to_string(),
    }
}

/// An optional paragraph: empty is none, anything else must be valid.
fn optional<const MAX: usize>(
    field: &str,
    text: &str,
) -> Result<Option<Paragraph<MAX>>, StandContentError> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    Paragraph::parse(text)
        .map(Some)
        .map_err(|e| problem(field, e))
}

fn at_most(field: &str, count: usize, max: usize) -> Result<(), StandContentError> {
    if count > max {
        return Err(problem(field, format!("at most {max}, please")));
    }
    Ok(())
}

impl TryFrom<&StandContent> for StandContentDetails {
    type Error = StandContentError;
    fn try_from(content: &StandContent) -> Result<Self, Self::Error> {
        let name =
            |field: String, text: &str| Name::parse(text).map_err(|e: TextError| problem(field, e));
        let sectors: Vec<&String> = content
            .sectors
            .iter()
            .filter(|sector| !sector.trim().is_empty())
            .collect();
        at_most("sectors", sectors.len(), MAX_SECTORS)?;
        at_most("links", content.links.len(), MAX_LINKS)?;
        at_most(
            "opportunities",
            content.opportunities.len(),
            MAX_OPPORTUNITIES,
        )?;
        Ok(Self {
            name: name("name".into(), &content.name)?,
            kind: content.kind,
            sectors: sectors
                .into_iter()
                .map(|sector| name("sector".into(), sector))
                .collect::<Result<_, _>>()?,
            tagline: optional("tagline", &content.tagline)?,
            about: optional("about", &content.about)?,
            links: content
                .links
                .iter()
                .enumerate()
                .map(|(i, link)| {
                    let field = format!("link {}", i + 1);
                    Ok(StandLink {
                        title: name(format!("{field}'s words"), &link.title)?,
                        url: WebAddress::parse(&link.url).map_err(|e| problem(field, e))?,
                    })
                })
                .collect::<Result<_, _>>()?,
            opportunities: content
                .opportunities
                .iter()
                .enumerate()
                .map(|(i, offer)| {
                    let field = format!("opportunity {}", i + 1);
                    let summary = optional::<500>(&field, &offer.summary)?;
                    Ok(Opportunity {
                        kind: offer.kind,
                        title: name(field, &offer.title)?,
                        summary: summary.map(String::from).unwrap_or_default(),
                    })
                })
                .collect::<Result<_, _>>()?,
        })
    }
}

/// `GET /api/fairs/{fair}/readiness`: what one stand still needs (empty
/// when it is ready), for the organiser.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StandReadiness {
    pub stand: StandId,
    pub name: Name,
    /// The checklist's labels not yet done.
    pub missing: Vec<String>,
}

/// One thing a stand needs before pupils see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChecklistItem {
    pub label: &'static str,
    pub done: bool,
}

/// What a stand still needs: a logo, about text, a video or a prospectus,
/// and captions on every video.
pub fn checklist(detail: &StandDetail) -> Vec<ChecklistItem> {
    vec![
        ChecklistItem {
            label: "A logo",
            done: detail.summary.logo_url.is_some(),
        },
        ChecklistItem {
            label: "Some words about you",
            done: !detail.about.trim().is_empty(),
        },
        ChecklistItem {
            label: "A video or a prospectus",
            done: !detail.videos.is_empty() || !detail.prospectuses.is_empty(),
        },
        ChecklistItem {
            label: "Captions on every video",
            done: detail
                .videos
                .iter()
                .all(|video| !video.captions_url.is_empty()),
        },
        ChecklistItem {
            label: "At least one sector",
            done: !detail.summary.sectors.is_empty(),
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn content() -> StandContent {
        StandContent {
            name: "Acme Engineering".into(),
            kind: ExhibitorKind::Employer,
            sectors: vec!["Engineering".into(), " ".into()],
            tagline: String::new(),
            about: "We build bridges.".into(),
            links: vec![LinkInput {
                title: "Careers".into(),
                url: "https://example.org/careers".into(),
            }],
            opportunities: vec![OpportunityInput {
                kind: OpportunityKind::Apprenticeship,
                title: "Welding apprenticeship".into(),
                summary: String::new(),
            }],
        }
    }

    #[test]
    fn good_content_is_accepted_with_empty_optional_parts_left_out() {
        let details = StandContentDetails::try_from(&content()).expect("valid");
        assert_eq!(details.sectors.len(), 1, "a blank sector is dropped");
        assert_eq!(details.tagline, None);
        assert_eq!(
            details.about.map(String::from).as_deref(),
            Some("We build bridges.")
        );
        assert_eq!(details.opportunities[0].summary, "");
    }

    #[test]
    fn each_problem_names_its_field() {
        let mut bad_link = content();
        bad_link.links[0].url = "javascript:alert(1)".into();
        let error = StandContentDetails::try_from(&bad_link).expect_err("not https");
        assert_eq!(error.field, "link 1");
        let mut too_many = content();
        too_many.sectors = (0..6).map(|i| format!("Sector {i}")).collect();
        assert_eq!(
            StandContentDetails::try_from(&too_many)
                .expect_err("6")
                .field,
            "sectors"
        );
        let mut long_about = content();
        long_about.about = "x".repeat(3001);
        assert_eq!(
            StandContentDetails::try_from(&long_about)
                .expect_err("long")
                .field,
            "about"
        );
        let mut no_name = content();
        no_name.name = " ".into();
        assert_eq!(
            StandContentDetails::try_from(&no_name).map_err(|e| e.to_string()),
            Err("name: must not be empty".to_owned())
        );
    }
}
