//! Administration from the command line: create the table, seed the demo
//! fair, add organiser accounts (the first organiser of a fair comes from
//! here), mint sign-in links, and run the retention job by hand. Uses the same settings as the API
//! (TABLE_NAME, SIGNING_KEY_SECRET_ARN or SIGNING_KEY, ...).

use anyhow::Context;
use careers_api::auth::Caller;
use careers_api::config::Settings;
use careers_api::state::{AppState, dynamodb_client};
use careers_api::{demo, service, telemetry};
use clap::{Parser, Subcommand};
use shared::domain::{Email, FairId, Name, SchoolId, StandId};
use std::path::PathBuf;
use time::Duration;

#[derive(Parser)]
#[command(about = "Careers fair administration")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Create the DynamoDB table if it does not exist.
    CreateTable,
    /// Create the demo fair (once) and print how to get in.
    SeedDemo {
        /// Where prospectus files are written (served at /files).
        #[arg(long)]
        files_dir: PathBuf,
        /// The address the site is served at.
        #[arg(long, default_value = "http://127.0.0.1:3000")]
        base_url: String,
    },
    /// Create a fair as a draft (the first of a deployment; later ones are
    /// made on the organiser's page), then add its organiser with
    /// `add-organiser`.
    CreateFair {
        /// The fair's id, as it appears in its addresses: lower-case words
        /// joined by hyphens.
        #[arg(long)]
        fair: String,
        #[arg(long)]
        name: String,
    },
    /// Create an organiser account for a fair (or give it a new password):
    /// the password is read from standard input, never from the command
    /// line, e.g. `printf '%s' "$PASSWORD" | careers-admin add-organiser ...`.
    AddOrganiser {
        #[arg(long)]
        fair: String,
        #[arg(long)]
        email: String,
    },
    /// Print a sign-in link for a fair's organiser, a stand's exhibitor
    /// (`--stand`) or a school's careers leader (`--school`).
    SignInLink {
        #[arg(long)]
        fair: String,
        #[arg(long, conflicts_with = "school")]
        stand: Option<String>,
        #[arg(long)]
        school: Option<String>,
        #[arg(long, default_value_t = 7)]
        days: i64,
        #[arg(long, default_value = "http://127.0.0.1:3000")]
        base_url: String,
    },
    /// Run the retention job once: stamp the pupil-level data of every
    /// archived fair waiting for it with its expiry, and print what it did
    /// (AWS runs the same job daily).
    ExpirePupilData,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    telemetry::init(false);
    let cli = Cli::parse();
    let settings = Settings::load().await?;
    let client = dynamodb_client(settings.dynamodb_endpoint.as_deref()).await;
    // The admin tool uploads nothing.
    let state = AppState::new(&settings, client, careers_api::files::FileStore::None);
    match cli.command {
        Command::CreateTable => state
            .store
            .create_table_if_missing()
            .await
            .context("creating the table")?,
        Command::SeedDemo {
            files_dir,
            base_url,
        } => {
            state
                .store
                .create_table_if_missing()
                .await
                .context("creating the table")?;
            let summary = demo::seed(&state.store, &files_dir)
                .await
                .context("seeding the demo fair")?;
            print!("{}", demo::describe(&summary, &state.tokens, &base_url)?);
        }
        Command::CreateFair { fair, name } => {
            let fair = FairId::parse(&fair).context("fair id")?;
            let name = Name::parse(&name).context("name")?;
            service::new_fair::create_first_fair(
                &state.store,
                fair.clone(),
                name,
                time::OffsetDateTime::now_utc(),
            )
            .await
            .with_context(|| format!("creating {fair} (is the id taken?)"))?;
            println!("{fair} is created as a draft; add its organiser with add-organiser");
        }
        Command::AddOrganiser { fair, email } => {
            let fair = FairId::parse(&fair).context("fair id")?;
            let email = Email::parse(&email).context("email")?;
            let mut password = String::new();
            std::io::stdin()
                .read_line(&mut password)
                .context("reading the password from standard input")?;
            let password = password.trim_end_matches(['\r', '\n']);
            service::organiser::add_organiser(&state.store, &fair, &email, password)
                .await
                .context("adding the organiser")?;
            println!("{email} can now sign in as an organiser of {fair}");
        }
        Command::SignInLink {
            fair,
            stand,
            school,
            days,
            base_url,
        } => {
            let fair = FairId::parse(&fair).context("fair id")?;
            let caller = match (stand, school) {
                (Some(stand), _) => Caller::Exhibitor {
                    fair,
                    stand: StandId::parse(&stand).context("stand id")?,
                },
                (None, Some(school)) => Caller::SchoolLead {
                    fair,
                    school: SchoolId::parse(&school).context("school id")?,
                },
                (None, None) => Caller::Organiser { fair },
            };
            println!(
                "{}",
                demo::sign_in_link(&state.tokens, &caller, Duration::days(days), &base_url)?
            );
        }
        Command::ExpirePupilData => {
            let summary = service::retention::run(&state.store, time::OffsetDateTime::now_utc())
                .await
                .context("running the retention job")?;
            println!("{summary}");
            if summary.fairs_failed > 0 {
                anyhow::bail!("{} fairs failed; see the log", summary.fairs_failed);
            }
        }
    }
    Ok(())
}
