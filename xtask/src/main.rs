//! Developer commands for the careers fair workspace, run as `cargo xtask
//! <command>` (an alias in `.cargo/config.toml`).
//!
//! - `demo`: installs what is missing, seeds a demo fair, serves it.
//! - `test`: every check: fmt, clippy, unit, integration, browser.
//! - `web`: builds the front end and prints its download sizes.
//! - `package`: builds the Lambda zips the SAM template deploys.
//! - `bench`: benchmarks that print their figures (see [`bench`]).
//!
//! Each command installs the tools it needs first (see [`tools`]), so a
//! fresh Debian machine needs only Rust and this repository.

mod bench;
mod demo;
mod engine;
mod package;
mod process;
mod secrets;
mod test;
mod tools;
mod web;
mod workspace;

use anyhow::Result;
use clap::{Parser, Subcommand};

use crate::tools::Needs;
use crate::workspace::Workspace;

#[derive(Parser)]
#[command(
    name = "cargo xtask",
    bin_name = "cargo xtask",
    about = "Developer commands for the careers fair"
)]
struct Cli {
    #[command(subcommand)]
    command: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Install what is missing, seed a demo fair and serve it on
    /// http://127.0.0.1:3000 until Ctrl-C.
    Demo,
    /// Run every check: fmt, clippy, front-end build, Lambda package,
    /// cfn-lint, unit, integration and browser tests.
    Test,
    /// Build the front end and print the size of its wasm and JavaScript.
    Web,
    /// Build every Lambda function of infra/template.yaml for arm64
    /// (provided.al2023) into the zip the template deploys, check it and
    /// print its size.
    Package,
    /// Run a benchmark and print its figures, e.g. `cargo xtask bench ledger`.
    Bench {
        bench: bench::Bench,
        /// Passed to the benchmark, e.g. `--pupils 116000 --interactions 1000000`.
        #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
        args: Vec<String>,
    },
}

fn main() -> Result<()> {
    let cli = Cli::parse();
    process::install_interrupt_handler()?;
    let ws = Workspace::locate()?;
    match cli.command {
        Cmd::Demo => demo::run(&ws),
        Cmd::Test => test::run(&ws),
        Cmd::Bench { bench, args } => bench::run(&ws, bench, &args),
        Cmd::Web => {
            let needs = Needs {
                engine: false,
                browser: false,
                cfn_lint: false,
            };
            let tools = tools::ensure(&ws, needs)?;
            let dist = web::build(&ws, &tools)?;
            web::print_sizes(&dist)
        }
        Cmd::Package => {
            let tools = tools::lambda()?;
            package::run_all(&ws, &tools)
        }
    }
}
