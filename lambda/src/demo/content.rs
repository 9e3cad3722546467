//! The demo fair's made-up organisations. Names are invented from West
//! Somerset place names so no real organisation is implied.

use shared::domain::ExhibitorKind;

/// The My Futures questions, after the West Somerset fair's: what pupils
/// saw, what they are good at, what they will do next.
pub const CHALLENGE: [&[&str]; 3] = [
    &[
        "Which stand showed you a job you had not heard of before? What does that job involve?",
        "What skills did the people on that stand say they use every day?",
    ],
    &[
        "What are you good at, in school or outside it?",
        "Which of the sectors you saw would suit you, and why?",
    ],
    &[
        "What is one thing you will do in the next month to find out more?",
        "Which stand would you like to follow up, and what will you ask them?",
    ],
];

pub const SCHOOLS: [(&str, &str); 5] = [
    ("minehead-community", "Minehead Community School"),
    ("watchet-academy", "Watchet Academy"),
    ("williton-high", "Williton High School"),
    ("dulverton-high", "Dulverton High School"),
    ("porlock-vale", "Porlock Vale School"),
];

const PLACES: [&str; 12] = [
    "Exmoor",
    "Quantock",
    "Minehead",
    "Watchet",
    "Dunster",
    "Porlock",
    "Williton",
    "Brendon",
    "Taunton",
    "Bridgwater",
    "Wiveliscombe",
    "Dulverton",
];

/// (sector, what the employer does)
const EMPLOYER_SECTORS: [(&str, &str); 6] = [
    (
        "Engineering",
        "designs and maintains machinery for power stations and factories",
    ),
    (
        "Health and care",
        "runs care homes and community nursing teams",
    ),
    (
        "Hospitality",
        "runs hotels, restaurants and holiday parks along the coast",
    ),
    (
        "Construction",
        "builds homes, schools and roads across Somerset",
    ),
    (
        "Digital",
        "builds websites and apps for businesses around the world",
    ),
    (
        "Agriculture",
        "farms, grows and sells food from the Somerset countryside",
    ),
];

pub struct DemoStand {
    pub slug: String,
    pub name: String,
    pub kind: ExhibitorKind,
    pub sectors: Vec<String>,
    pub tagline: String,
    pub about: String,
    pub learning_outcomes: Vec<String>,
}

fn slug(name: &str) -> String {
    let lowered: String = name
        .to_ascii_lowercase()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { ' ' })
        .collect();
    lowered.split_whitespace().collect::<Vec<_>>().join("-")
}

/// "runs care homes" -> "Runs care homes".
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

fn stand(name: String, kind: ExhibitorKind, sector: &str, does: &str) -> DemoStand {
    DemoStand {
        slug: slug(&name),
        tagline: capitalised(does),
        about: format!(
            "{name} {does}. Come and see what a day here looks like, what you could study or train \
             for, and how to get started after school."
        ),
        learning_outcomes: vec![
            format!(
                "Know what jobs exist in {} in West Somerset",
                sector.to_lowercase()
            ),
            "Know one route into this work after Year 11 and after Year 13".to_owned(),
        ],
        sectors: vec![sector.to_owned()],
        name,
        kind,
    }
}

/// 60 stands: 36 employers and 6 each of colleges, universities,
/// apprenticeship providers and training providers.
pub fn stands() -> Vec<DemoStand> {
    let mut stands = Vec::with_capacity(60);
    for (i, place) in PLACES.iter().enumerate() {
        for j in 0..3 {
            let (sector, does) = EMPLOYER_SECTORS[(i + j * 2) % EMPLOYER_SECTORS.len()];
            stands.push(stand(
                format!("{place} {sector}"),
                ExhibitorKind::Employer,
                sector,
                does,
            ));
        }
    }
    let education = [
        (
            ExhibitorKind::College,
            "College",
            "Further education",
            "teaches T levels, A levels and vocational courses",
        ),
        (
            ExhibitorKind::University,
            "University Centre",
            "Higher education",
            "offers degrees and foundation years",
        ),
        (
            ExhibitorKind::ApprenticeshipProvider,
            "Apprenticeships",
            "Apprenticeships",
            "finds apprenticeships with local employers and trains apprentices",
        ),
        (
            ExhibitorKind::TrainingProvider,
            "Skills and Training",
            "Training",
            "runs short courses and traineeships",
        ),
    ];
    for (kind, suffix, sector, does) in education {
        for place in PLACES.iter().take(6) {
            stands.push(stand(format!("{place} {suffix}"), kind, sector, does));
        }
    }
    stands
}

#[cfg(test)]
mod tests {
    use super::*;
    use shared::domain::StandId;
    use std::collections::HashSet;

    #[test]
    fn sixty_distinct_valid_stands_of_every_kind() {
        let stands = stands();
        assert_eq!(stands.len(), 60);
        let slugs: HashSet<_> = stands.iter().map(|s| s.slug.clone()).collect();
        assert_eq!(slugs.len(), 60);
        assert!(stands.iter().all(|s| StandId::parse(&s.slug).is_ok()));
        for kind in ExhibitorKind::ALL {
            assert!(stands.iter().any(|s| s.kind == kind), "{kind:?}");
        }
    }
}
