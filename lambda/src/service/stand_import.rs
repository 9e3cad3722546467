//! The organiser imports the fair's exhibitors from a CSV file (name,
//! kind, sectors): each gets an empty stand, ready for an invitation, or
//! (if any row is wrong, or names an exhibitor already in the fair) none
//! does, and every problem is named.

use super::csv_import::{self, Column};
use super::existing_fair;
use crate::error::ApiError;
use crate::model::Stand;
use crate::state::AppState;
use crate::store::StoreError;
use shared::api::{MAX_SECTORS, StandSummary};
use shared::domain::{ExhibitorKind, FairId, Name, StandId};
use std::collections::HashSet;

/// The most exhibitors one file may hold.
pub const MAX_IMPORTED_STANDS: usize = 300;

const COLUMNS: [Column; 3] = [
    Column {
        name: "name",
        aliases: &["exhibitor", "exhibitor_name"],
        required: true,
    },
    Column {
        name: "kind",
        aliases: &["type"],
        required: true,
    },
    Column {
        name: "sectors",
        aliases: &["sector"],
        required: false,
    },
];

/// An exhibitor as one row of the file gives it.
struct Row {
    name: Name,
    kind: ExhibitorKind,
    sectors: Vec<String>,
}

/// A kind by its code ("training_provider") or label ("Training provider").
fn kind(text: &str) -> Option<ExhibitorKind> {
    let wanted = text.trim().to_lowercase().replace(' ', "_");
    ExhibitorKind::ALL
        .into_iter()
        .find(|kind| kind.code() == wanted)
}

fn parse_row(cells: &[String]) -> Result<Row, String> {
    let name = Name::parse(&cells[0]).map_err(|e| format!("name {e}"))?;
    let kind = kind(&cells[1]).ok_or_else(|| {
        let kinds: Vec<&str> = ExhibitorKind::ALL.iter().map(|k| k.code()).collect();
        format!("kind must be one of {}", kinds.join(", "))
    })?;
    let sectors = cells[2]
        .split(';')
        .map(str::trim)
        .filter(|sector| !sector.is_empty())
        .map(|sector| {
            Name::parse(sector)
                .map(String::from)
                .map_err(|e| format!("sector {e}"))
        })
        .collect::<Result<Vec<_>, _>>()?;
    if sectors.len() > MAX_SECTORS {
        return Err(format!("at most {MAX_SECTORS} sectors, separated by ;"));
    }
    Ok(Row {
        name,
        kind,
        sectors,
    })
}

pub async fn import(
    state: &AppState,
    fair: &FairId,
    text: &str,
) -> Result<Vec<StandSummary>, ApiError> {
    let refuse = |problems: &[String]| ApiError::InvalidField(csv_import::listed(problems));
    let rows = csv_import::rows(text, &COLUMNS).map_err(|problems| refuse(&problems))?;
    existing_fair(&state.store, fair).await?;
    let existing = state.store.stands(fair).await?;
    let mut names: HashSet<String> = existing
        .iter()
        .map(|stand| stand.name.as_str().to_lowercase())
        .collect();
    let mut ids: HashSet<StandId> = existing.into_iter().map(|stand| stand.id).collect();
    let mut problems = Vec::new();
    let mut planned = Vec::new();
    for (line, cells) in &rows {
        match parse_row(cells) {
            Ok(row) if !names.insert(row.name.as_str().to_lowercase()) => {
                problems.push(format!("row {line}: {} is already in this fair", row.name));
            }
            Ok(row) => {
                let id = csv_import::unused_id(row.name.as_str(), &ids, |s| StandId::parse(s).ok());
                ids.insert(id.clone());
                planned.push((id, row));
            }
            Err(problem) => problems.push(format!("row {line}: {problem}")),
        }
    }
    if planned.len() > MAX_IMPORTED_STANDS {
        problems.push(format!(
            "one file may hold at most {MAX_IMPORTED_STANDS} exhibitors"
        ));
    }
    if !problems.is_empty() {
        return Err(refuse(&problems));
    }
    let mut added = Vec::with_capacity(planned.len());
    for (id, row) in planned {
        let stand = Stand {
            id,
            name: row.name,
            kind: row.kind,
            sectors: row.sectors,
            tagline: String::new(),
            about: String::new(),
            learning_outcomes: Vec::new(),
            prospectuses: Vec::new(),
            videos: Vec::new(),
            opportunities: Vec::new(),
            links: Vec::new(),
            logo_key: None,
        };
        match state.store.add_stand(fair, &stand).await {
            Ok(()) => {}
            // Only a stand added with this id at the same moment.
            Err(StoreError::AlreadyExists) => return Err(ApiError::Unavailable),
            Err(error) => return Err(error.into()),
        }
        added.push(StandSummary {
            id: stand.id,
            name: stand.name,
            kind: stand.kind,
            sectors: stand.sectors,
            tagline: stand.tagline,
            logo_url: None,
        });
    }
    tracing::info!(%fair, stands = added.len(), "exhibitors imported");
    Ok(added)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_row_reads_kinds_by_code_or_label_and_sectors_by_semicolons() {
        let cells = |kind: &str, sectors: &str| {
            vec!["Acme".to_owned(), kind.to_owned(), sectors.to_owned()]
        };
        let row = parse_row(&cells("Training provider", "Engineering; Energy ;")).expect("ok");
        assert_eq!(row.kind, ExhibitorKind::TrainingProvider);
        assert_eq!(row.sectors, ["Engineering", "Energy"]);
        assert_eq!(
            parse_row(&cells("employer", "")).expect("ok").kind,
            ExhibitorKind::Employer
        );
        assert!(
            parse_row(&cells("charity", ""))
                .err()
                .expect("bad kind")
                .starts_with("kind must be one of employer")
        );
        assert!(parse_row(&cells("employer", "a;b;c;d;e;f")).is_err());
    }
}
