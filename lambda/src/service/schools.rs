//! The organiser's schools: adding one, importing many from a CSV file,
//! and giving a school a new join code (when the old one was shared too
//! widely). A school's id is made from its name; its code is random.

use super::csv_import::{self, Column};
use super::existing_fair;
use crate::auth::Caller;
use crate::error::ApiError;
use crate::model::School;
use crate::state::AppState;
use crate::store::StoreError;
use shared::api::{LeaderLink, MAX_IMPORTED_SCHOOLS, NewSchool, NewSchoolDetails, SchoolView};
use shared::domain::{FairId, JoinCode, SchoolId};
use std::collections::HashSet;
use time::{Duration, OffsetDateTime};

/// How many fresh codes to try when one is taken: there are 27^8 (about
/// 2.8 × 10^11) codes, so even one clash in a fair is very unlikely.
const CODE_ATTEMPTS: usize = 3;

/// A new random join code.
pub fn random_join_code() -> JoinCode {
    JoinCode::from_random_bytes(rand::random())
}

fn view(school: School) -> SchoolView {
    SchoolView {
        id: school.id,
        name: school.name,
        urn: school.urn,
        expected_pupils: school.expected_pupils,
        join_code: school.join_code,
    }
}

/// Every school of the fair, by name.
pub async fn list(state: &AppState, fair: &FairId) -> Result<Vec<SchoolView>, ApiError> {
    existing_fair(&state.store, fair).await?;
    let mut schools = state.store.schools(fair).await?;
    schools.sort_by(|a, b| a.name.as_str().cmp(b.name.as_str()));
    Ok(schools.into_iter().map(view).collect())
}

pub async fn add(
    state: &AppState,
    fair: &FairId,
    school: &NewSchool,
) -> Result<SchoolView, ApiError> {
    let details =
        NewSchoolDetails::try_from(school).map_err(|e| ApiError::InvalidField(e.to_string()))?;
    let mut added = add_all(state, fair, vec![(1, details)], "").await?;
    Ok(added.remove(0))
}

/// Adds every school in the CSV file, or (if any row is wrong, or names a
/// school already in the fair) none of them, listing what is wrong.
pub async fn import(
    state: &AppState,
    fair: &FairId,
    csv: &str,
) -> Result<Vec<SchoolView>, ApiError> {
    let rows =
        parse_csv(csv).map_err(|problems| ApiError::InvalidField(csv_import::listed(&problems)))?;
    add_all(state, fair, rows, "row ").await
}

/// Checks the names are new to the fair, then adds each school with a
/// fresh code. `rows` carry where each came from, for the error.
async fn add_all(
    state: &AppState,
    fair: &FairId,
    rows: Vec<(usize, NewSchoolDetails)>,
    row_label: &str,
) -> Result<Vec<SchoolView>, ApiError> {
    existing_fair(&state.store, fair).await?;
    let existing = state.store.schools(fair).await?;
    let mut names: HashSet<String> = existing
        .iter()
        .map(|school| school.name.as_str().to_lowercase())
        .collect();
    let mut ids: HashSet<SchoolId> = existing.into_iter().map(|school| school.id).collect();
    let mut problems = Vec::new();
    let mut planned = Vec::with_capacity(rows.len());
    for (row, details) in rows {
        if !names.insert(details.name.as_str().to_lowercase()) {
            problems.push(format!(
                "{row_label}{row}: {} is already in this fair",
                details.name
            ));
            continue;
        }
        let id = csv_import::unused_id(details.name.as_str(), &ids, |s| SchoolId::parse(s).ok());
        ids.insert(id.clone());
        planned.push((id, details));
    }
    if !problems.is_empty() {
        return Err(ApiError::InvalidField(csv_import::listed(&problems)));
    }
    let mut added = Vec::with_capacity(planned.len());
    for (id, details) in planned {
        added.push(view(create(state, fair, id, details).await?));
    }
    tracing::info!(%fair, schools = added.len(), "schools added");
    Ok(added)
}

async fn create(
    state: &AppState,
    fair: &FairId,
    id: SchoolId,
    details: NewSchoolDetails,
) -> Result<School, ApiError> {
    for _ in 0..CODE_ATTEMPTS {
        let school = School {
            id: id.clone(),
            name: details.name.clone(),
            join_code: random_join_code(),
            urn: details.urn,
            expected_pupils: details.expected_pupils,
        };
        match state.store.add_school(fair, &school).await {
            Ok(()) => return Ok(school),
            Err(StoreError::AlreadyExists) => continue,
            Err(error) => return Err(error.into()),
        }
    }
    // Only a school added with the same id at the same moment gets here.
    Err(ApiError::Unavailable)
}

/// Replaces the school's join code with a new one; the old one stops
/// working at once. Pupils who joined with it keep their places.
pub async fn new_join_code(
    state: &AppState,
    fair: &FairId,
    school: &SchoolId,
) -> Result<SchoolView, ApiError> {
    existing_fair(&state.store, fair).await?;
    for _ in 0..CODE_ATTEMPTS {
        let mut current = state
            .store
            .school(fair, school)
            .await?
            .ok_or(ApiError::NotFound)?;
        let code = random_join_code();
        match state.store.rotate_join_code(fair, &current, &code).await {
            Ok(()) => {
                tracing::info!(%fair, %school, "join code replaced");
                current.join_code = code;
                return Ok(view(current));
            }
            // The code was taken, or the school's code changed meanwhile.
            Err(StoreError::AlreadyExists) => continue,
            Err(error) => return Err(error.into()),
        }
    }
    Err(ApiError::Unavailable)
}

/// How long a careers leader's link works: the fair, and the weeks after
/// it when schools import the figures into their records.
pub const LEADER_LINK_LIFETIME: Duration = Duration::days(60);

/// A link for the school's careers leader, to their school's figures and
/// pupils' file only.
pub async fn leader_link(
    state: &AppState,
    fair: &FairId,
    school: &SchoolId,
) -> Result<LeaderLink, ApiError> {
    existing_fair(&state.store, fair).await?;
    state
        .store
        .school(fair, school)
        .await?
        .ok_or(ApiError::NotFound)?;
    let caller = Caller::SchoolLead {
        fair: fair.clone(),
        school: school.clone(),
    };
    let path = state
        .tokens
        .sign_in_path(&caller, LEADER_LINK_LIFETIME)
        .map_err(|_| ApiError::Internal)?;
    tracing::info!(%fair, %school, "careers leader link issued");
    Ok(LeaderLink {
        path,
        expires_at: OffsetDateTime::now_utc() + LEADER_LINK_LIFETIME,
    })
}

/// The columns of a schools file.
const COLUMNS: [Column; 3] = [
    Column {
        name: "name",
        aliases: &["school", "school_name"],
        required: true,
    },
    Column {
        name: "urn",
        aliases: &[],
        required: false,
    },
    Column {
        name: "expected_pupils",
        aliases: &["pupils"],
        required: false,
    },
];

/// The schools in a CSV file (see [`COLUMNS`]), or every problem found,
/// each naming its row.
fn parse_csv(text: &str) -> Result<Vec<(usize, NewSchoolDetails)>, Vec<String>> {
    let rows = csv_import::rows(text, &COLUMNS)?;
    let mut problems = Vec::new();
    let mut schools = Vec::new();
    for (row, cells) in rows {
        let [name, urn, expected_pupils] = <[String; 3]>::try_from(cells).expect("three columns");
        let school = NewSchool {
            name,
            urn,
            expected_pupils,
        };
        match NewSchoolDetails::try_from(&school) {
            Ok(details) => schools.push((row, details)),
            Err(error) => problems.push(format!("row {row}: {error}")),
        }
    }
    if schools.len() > MAX_IMPORTED_SCHOOLS {
        problems.push(format!(
            "one file may hold at most {MAX_IMPORTED_SCHOOLS} schools"
        ));
    }
    if problems.is_empty() {
        Ok(schools)
    } else {
        Err(problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_csv_file_reads_in_any_column_order_with_optional_columns() {
        let text =
            "\u{feff}Expected pupils,Name,URN\n120,Minehead School,123456\n,Watchet Academy,\n\n";
        let rows = parse_csv(text).expect("valid");
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].0, 2);
        assert_eq!(rows[0].1.urn.map(|u| u.get()), Some(123_456));
        assert_eq!(rows[0].1.expected_pupils.map(|n| n.get()), Some(120));
        assert_eq!(rows[1].1.name.as_str(), "Watchet Academy");
        assert_eq!(rows[1].1.urn, None);
    }

    #[test]
    fn every_bad_row_is_named() {
        let text = "name,urn\nMinehead School,12\n,123456\nWatchet Academy,654321\n";
        let problems = parse_csv(text).expect_err("two bad rows");
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems[0].starts_with("row 2: a URN is 6 digits"));
        assert_eq!(problems[1], "row 3: name must not be empty");
    }
}
