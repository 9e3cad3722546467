//! The demo fair, modelled on West Somerset's digital careers fair of
//! November 2020: 60 stands of mixed kinds, a handful of schools with join
//! codes, and a prospectus PDF per stand made here. Seeding is idempotent:
//! the fair's window and the stands are rewritten, schools and their codes
//! are created once and then reused.

mod content;
mod pdf;
mod png;

use crate::auth::{Caller, Tokens};
use crate::model::{Fair, Prospectus, School, Stand, Video};
use crate::store::{Store, StoreError};
use shared::domain::{
    ChallengeQuestions, ChallengeQuestionsData, ExhibitorKind, FairId, Name, Opportunity,
    OpportunityKind, PromptText, ProspectusId, SchoolId, StandId, StandLink, VideoId, WebAddress,
};
use std::fmt::Write as _;
use std::path::Path;
use thiserror::Error;
use time::{Duration, OffsetDateTime};

pub const DEMO_FAIR: &str = "west-somerset-2026";

/// The workplace-insight video every demo stand shows, in the file store.
/// `cargo xtask demo` generates it (a few seconds of test pattern and tone,
/// made with ffmpeg); each stand has captions of its own.
pub const DEMO_VIDEO_KEY: &str = "demo/workplace-insight.webm";

#[derive(Debug, Error)]
pub enum DemoError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("writing a demo file failed: {0}")]
    Io(#[from] std::io::Error),
    #[error("the demo data is invalid: {0}")]
    Data(String),
    #[error("signing a link failed")]
    Signing,
}

/// What the seed left in place, to tell the person running the demo.
pub struct DemoSummary {
    pub fair: Fair,
    pub schools: Vec<School>,
    pub stands: Vec<Stand>,
}

fn invalid(error: impl std::fmt::Display) -> DemoError {
    DemoError::Data(error.to_string())
}

fn challenge() -> Result<ChallengeQuestions, DemoError> {
    let [workplace_insight, self_reflection, onward_planning] = content::CHALLENGE.map(|texts| {
        texts
            .iter()
            .map(|text| PromptText::parse(text))
            .collect::<Result<Vec<_>, _>>()
    });
    ChallengeQuestions::try_from(ChallengeQuestionsData {
        workplace_insight: workplace_insight.map_err(invalid)?,
        self_reflection: self_reflection.map_err(invalid)?,
        onward_planning: onward_planning.map_err(invalid)?,
    })
    .map_err(invalid)
}

pub async fn seed(store: &Store, files_dir: &Path) -> Result<DemoSummary, DemoError> {
    let fair_id = FairId::parse(DEMO_FAIR).map_err(invalid)?;
    let now = OffsetDateTime::now_utc();
    let fair = Fair {
        id: fair_id.clone(),
        name: Name::parse("West Somerset Careers Fair").map_err(invalid)?,
        description: "Meet employers, colleges, universities and apprenticeship providers from \
                      West Somerset and beyond. Watch, download, ask: every stand you visit counts."
            .into(),
        opens_at: now - Duration::days(1),
        closes_at: now + Duration::days(30),
        challenge: Some(challenge()?),
        status: shared::domain::FairStatus::Open,
        pupil_data_expires_at: None,
    };
    store.put_fair(&fair).await?;

    let existing = store.schools(&fair_id).await?;
    for (slug, name) in content::SCHOOLS {
        let id = SchoolId::parse(slug).map_err(invalid)?;
        if existing.iter().any(|s| s.id == id) {
            continue;
        }
        let school = School {
            id,
            name: Name::parse(name).map_err(invalid)?,
            join_code: crate::service::schools::random_join_code(),
            urn: None,
            expected_pupils: None,
        };
        store.add_school(&fair_id, &school).await?;
    }

    for stand in content::stands() {
        let stand = build_stand(&fair_id, stand, files_dir)?;
        store.put_stand(&fair_id, &stand).await?;
    }
    Ok(DemoSummary {
        schools: store.schools(&fair_id).await?,
        stands: store.stands(&fair_id).await?,
        fair,
    })
}

fn build_stand(
    fair: &FairId,
    stand: content::DemoStand,
    files_dir: &Path,
) -> Result<Stand, DemoError> {
    let id = StandId::parse(&stand.slug).map_err(invalid)?;
    let name = Name::parse(&stand.name).map_err(invalid)?;
    let file_key = format!("{fair}/{id}/prospectus.pdf");
    let lines = [
        stand.name.clone(),
        stand.kind.label().to_owned(),
        stand.tagline.clone(),
        stand.about.clone(),
    ];
    let title = format!("{} prospectus", stand.name);
    write_new(&files_dir.join(&file_key), &pdf::one_page(&title, &lines))?;
    let logo_key = format!("{fair}/{id}/logo.png");
    write_new(
        &files_dir.join(&logo_key),
        &png::solid(160, 64, logo_colour(&stand.slug)),
    )?;
    let captions_key = format!("{fair}/{id}/insight.vtt");
    write_new(
        &files_dir.join(&captions_key),
        captions(&stand.name).as_bytes(),
    )?;
    Ok(Stand {
        videos: vec![Video {
            id: VideoId::parse("workplace-insight").map_err(invalid)?,
            title: Name::parse(&format!("A day at {}", stand.name)).map_err(invalid)?,
            file_key: DEMO_VIDEO_KEY.to_owned(),
            captions_key,
        }],
        prospectuses: vec![Prospectus {
            id: ProspectusId::parse("prospectus").map_err(invalid)?,
            title: Name::parse(&title).map_err(invalid)?,
            file_key,
        }],
        opportunities: demo_opportunities(stand.kind, &stand.sectors)?,
        links: vec![StandLink {
            title: Name::parse("Explore careers on the National Careers Service")
                .map_err(invalid)?,
            url: WebAddress::parse("https://nationalcareers.service.gov.uk/explore-careers")
                .map_err(invalid)?,
        }],
        id,
        name,
        kind: stand.kind,
        sectors: stand.sectors,
        tagline: stand.tagline,
        about: stand.about,
        learning_outcomes: stand.learning_outcomes,
        logo_key: Some(logo_key),
    })
}

/// What a stand of this kind offers pupils.
fn demo_opportunities(
    kind: ExhibitorKind,
    sectors: &[String],
) -> Result<Vec<Opportunity>, DemoError> {
    let sector = sectors.first().map(String::as_str).unwrap_or("this work");
    let offers: &[(OpportunityKind, &str, &str)] = match kind {
        ExhibitorKind::Employer => &[
            (
                OpportunityKind::WorkExperience,
                "A week of work experience",
                "For Year 10 and Year 12: a week alongside our teams in the summer term.",
            ),
            (
                OpportunityKind::Apprenticeship,
                "Level 3 apprenticeship",
                "Two to three years of paid work and training, from age 16.",
            ),
        ],
        ExhibitorKind::College | ExhibitorKind::University => &[(
            OpportunityKind::Course,
            "Courses starting next September",
            "Full-time and part-time courses, with open days through the year.",
        )],
        ExhibitorKind::ApprenticeshipProvider | ExhibitorKind::TrainingProvider => &[(
            OpportunityKind::Apprenticeship,
            "Apprenticeships with local employers",
            "We match you with an employer and support you through your training.",
        )],
    };
    offers
        .iter()
        .map(|(kind, title, summary)| {
            Ok(Opportunity {
                kind: *kind,
                title: Name::parse(&format!("{title} ({})", sector.to_lowercase()))
                    .map_err(invalid)?,
                summary: (*summary).to_owned(),
            })
        })
        .collect()
}

/// Writes a demo file unless it is already there (a second run reuses it).
/// A stand's logo colour: one of a few dark enough for white text, picked
/// by its id so each run gives the same.
fn logo_colour(slug: &str) -> [u8; 3] {
    const COLOURS: [[u8; 3]; 5] = [
        [0x1d, 0x70, 0xb8],
        [0x00, 0x70, 0x3c],
        [0x4c, 0x2c, 0x92],
        [0xd4, 0x35, 0x1c],
        [0x0b, 0x0c, 0x0c],
    ];
    let index = slug.bytes().map(usize::from).sum::<usize>() % COLOURS.len();
    COLOURS[index]
}

fn write_new(path: &Path, contents: &[u8]) -> Result<(), DemoError> {
    if !path.exists() {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        std::fs::write(path, contents)?;
    }
    Ok(())
}

/// WebVTT captions for the demo video, naming the stand.
fn captions(stand: &str) -> String {
    format!(
        "WEBVTT\n\n00:00:00.000 --> 00:00:03.000\nWelcome to {stand}.\n\n\
         00:00:03.000 --> 00:00:06.000\nThis is what a working day here looks like.\n"
    )
}

/// A link that signs `caller` in on the front end (see
/// [`Tokens::sign_in_path`]).
pub fn sign_in_link(
    tokens: &Tokens,
    caller: &Caller,
    lifetime: Duration,
    base_url: &str,
) -> Result<String, DemoError> {
    let path = tokens
        .sign_in_path(caller, lifetime)
        .map_err(|_| DemoError::Signing)?;
    Ok(format!("{}{path}", base_url.trim_end_matches('/')))
}

/// The text printed after seeding: where to go and how to get in.
pub fn describe(
    summary: &DemoSummary,
    tokens: &Tokens,
    base_url: &str,
) -> Result<String, DemoError> {
    let fair = &summary.fair.id;
    let base = base_url.trim_end_matches('/');
    let mut out = String::new();
    let organiser = sign_in_link(
        tokens,
        &Caller::Organiser { fair: fair.clone() },
        Duration::days(7),
        base,
    )?;
    let _ = writeln!(
        out,
        "{} ({} stands)",
        summary.fair.name,
        summary.stands.len()
    );
    let _ = writeln!(out, "  Pupils join at: {base}/fairs/{fair}");
    let _ = writeln!(out, "  School join codes:");
    for school in &summary.schools {
        let _ = writeln!(
            out,
            "    {:<10} {}",
            school.join_code.display_grouped(),
            school.name
        );
    }
    let _ = writeln!(
        out,
        "  Organiser sign-in link (valid 7 days):\n    {organiser}"
    );
    let _ = writeln!(
        out,
        "  Exhibitor sign-in links (valid 7 days), first three stands:"
    );
    for stand in summary.stands.iter().take(3) {
        let caller = Caller::Exhibitor {
            fair: fair.clone(),
            stand: stand.id.clone(),
        };
        let _ = writeln!(
            out,
            "    {}: {}",
            stand.name,
            sign_in_link(tokens, &caller, Duration::days(7), base)?
        );
    }
    if let Some(school) = summary.schools.first() {
        let caller = Caller::SchoolLead {
            fair: fair.clone(),
            school: school.id.clone(),
        };
        let _ = writeln!(
            out,
            "  Careers leader link for {} (valid 7 days):\n    {}",
            school.name,
            sign_in_link(tokens, &caller, Duration::days(7), base)?
        );
    }
    Ok(out)
}
