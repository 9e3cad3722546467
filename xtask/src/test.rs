//! `cargo xtask test`: every check the project has, in order, cheapest
//! first; the first failing step stops the run with a non-zero exit.
//!
//! Each step prints its name and wall time, and a summary closes the run
//! (also when a step fails), so a CI log says at a glance what broke and
//! where the minutes went.

use std::process::Command;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};

use crate::engine::{self, Engine, Storage};
use crate::package;
use crate::process;
use crate::secrets::SecretsManager;
use crate::tools::{self, Needs};
use crate::web;
use crate::workspace::Workspace;

/// Runs every check.
pub fn run(ws: &Workspace) -> Result<()> {
    let mut steps = Steps::default();
    let result = run_steps(ws, &mut steps);
    steps.print_summary(result.is_ok());
    result
}

fn run_steps(ws: &Workspace, steps: &mut Steps) -> Result<()> {
    let needs = Needs {
        engine: true,
        browser: true,
        cfn_lint: true,
    };
    let (tools, lambda_tools) = steps.run("tools", || {
        Ok((tools::ensure(ws, needs)?, tools::lambda()?))
    })?;
    steps.run("fmt", || {
        process::run(ws.cargo().args(["fmt", "--all", "--", "--check"]))
    })?;
    steps.run("clippy", || {
        process::run(ws.cargo().args([
            "clippy",
            "--workspace",
            "--exclude",
            "frontend",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ]))
    })?;
    steps.run("clippy (wasm)", || web::clippy(ws))?;
    let dist = steps.run("front end", || web::build(ws, &tools))?;
    steps.run("package", || package::run_all(ws, &lambda_tools))?;
    steps.run("cfn-lint and sam validate", || {
        let (cfn_lint, sam) = tools.cfn_lint.as_ref().context("cfn-lint missing")?;
        process::run(
            Command::new(cfn_lint)
                .arg("infra/template.yaml")
                .current_dir(&ws.root),
        )?;
        // The SAM CLI's own check (it also runs cfn-lint); offline, no
        // credentials needed, telemetry off.
        process::run(
            Command::new(sam)
                .args([
                    "validate",
                    "--lint",
                    "--template-file",
                    "infra/template.yaml",
                ])
                .args(["--region", "eu-west-2"])
                .env("SAM_CLI_TELEMETRY", "0")
                .current_dir(&ws.root),
        )
    })?;
    let jar_dir = tools
        .dynamodb_local
        .as_deref()
        .context("DynamoDB Local missing")?;
    let (engine, secrets) = steps.run("start DynamoDB Local and Secrets Manager", || {
        let log = ws.target.join("dynamodb-local-test.log");
        let engine = Engine::start(jar_dir, engine::free_port()?, &Storage::InMemory, &log)?;
        let log = ws.target.join("moto-test.log");
        Ok((engine, SecretsManager::start(&tools::moto_server()?, &log)?))
    })?;
    // The Runtime API tests run the arm64 bootstrap from the package, the
    // very file Lambda would run, under QEMU.
    let (bootstrap, runner) = steps.run("arm64 bootstrap for the runtime tests", || {
        let bootstrap = ws.target.join("lambda-arm64").join("api-lambda");
        package::extract_bootstrap(
            &ws.root.join("target/lambda/api-lambda/bootstrap.zip"),
            &bootstrap,
        )?;
        Ok((bootstrap, tools::arm64_runner()?.join(" ")))
    })?;
    steps.run("cargo test", || {
        let artifacts = ws.target.join("test-artifacts");
        std::fs::create_dir_all(&artifacts)
            .with_context(|| format!("creating {}", artifacts.display()))?;
        process::run(
            ws.cargo()
                .args(["test", "--no-fail-fast"])
                .env("API_LAMBDA_BIN", &bootstrap)
                .env("API_LAMBDA_RUNNER", &runner)
                .env("SECRETS_MANAGER_ENDPOINT", secrets.endpoint())
                // The same moto server emulates S3 (presigned PUTs included):
                // the upload tests run against it as well as the local store.
                .env("S3_ENDPOINT", secrets.endpoint())
                .env("DYNAMODB_ENDPOINT", engine.endpoint())
                .env("DYNAMODB_LOCAL_DIR", jar_dir)
                .envs(tools::browser_env(&dist))
                .env("AXE_CORE", tools::axe_core(ws))
                .env("TEST_ARTIFACTS", &artifacts),
        )?;
        engine.check_no_dropped_writes()
    })?;
    steps.run("stop DynamoDB Local and Secrets Manager", || {
        engine.stop();
        secrets.stop();
        Ok(())
    })
}

/// The steps run so far, with their wall times.
#[derive(Default)]
struct Steps {
    done: Vec<(String, Duration, bool)>,
    started: Option<Instant>,
}

impl Steps {
    /// Runs one step, printing its name before and its time after.
    fn run<T>(&mut self, name: &str, step: impl FnOnce() -> Result<T>) -> Result<T> {
        self.started.get_or_insert_with(Instant::now);
        println!("\n==> {name}");
        let start = Instant::now();
        let result = step();
        let took = start.elapsed();
        let ok = result.is_ok();
        println!(
            "<== {name}: {} in {}",
            if ok { "ok" } else { "FAILED" },
            minutes(took)
        );
        self.done.push((name.to_owned(), took, ok));
        result.with_context(|| format!("step `{name}` failed"))
    }

    fn print_summary(&self, passed: bool) {
        println!("\nsummary:");
        for (name, took, ok) in &self.done {
            let mark = if *ok { "ok" } else { "FAILED" };
            println!("  {name:<24} {mark:<7} {:>8}", minutes(*took));
        }
        let total = self.started.map(|s| s.elapsed()).unwrap_or_default();
        match self.done.iter().find(|(_, _, ok)| !ok) {
            Some((name, _, _)) => println!("FAILED at `{name}` after {}", minutes(total)),
            None if passed => println!("all checks passed in {}", minutes(total)),
            None => println!("stopped after {}", minutes(total)),
        }
    }
}

/// `1m 05s` or `4.2s`.
fn minutes(took: Duration) -> String {
    let secs = took.as_secs();
    if secs >= 60 {
        format!("{}m {:02}s", secs / 60, secs % 60)
    } else {
        format!("{:.1}s", took.as_secs_f64())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_steps_show_tenths_and_long_ones_minutes() {
        assert_eq!(minutes(Duration::from_millis(4_250)), "4.2s");
        assert_eq!(minutes(Duration::from_secs(65)), "1m 05s");
    }
}
