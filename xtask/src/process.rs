//! Child processes, started so that none outlives xtask.
//!
//! Every child runs in its own process group. A signal sent to the group
//! reaches everything the child started (cargo's rustc, a test's
//! chromedriver, the JVM behind DynamoDB Local), and the terminal's Ctrl-C
//! reaches only xtask, which then stops its children in order: the API
//! before the engine it writes to. A [`Running`] child is stopped when it is
//! dropped, so an early `?` return cleans up as well.

use std::fmt::Write as _;
use std::process::{Child, Command, ExitStatus, Output, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use nix::sys::signal::{Signal, killpg};
use nix::unistd::Pid;

/// How often waiting loops look at their children and the interrupt flag.
const POLL: Duration = Duration::from_millis(50);
/// How long a child gets to stop after a polite signal before it is killed.
const GRACE: Duration = Duration::from_secs(10);

static INTERRUPTED: AtomicBool = AtomicBool::new(false);

/// Catches Ctrl-C (SIGINT) and SIGTERM, so xtask can stop its children
/// before it exits instead of leaving them running.
pub fn install_interrupt_handler() -> Result<()> {
    ctrlc::set_handler(|| INTERRUPTED.store(true, Ordering::SeqCst))
        .context("installing the Ctrl-C handler")
}

/// True once Ctrl-C (or SIGTERM) has been received.
pub fn interrupted() -> bool {
    INTERRUPTED.load(Ordering::SeqCst)
}

/// The command line as a reader would type it (program and arguments).
pub fn display(cmd: &Command) -> String {
    let mut line = cmd.get_program().to_string_lossy().into_owned();
    for arg in cmd.get_args() {
        let _ = write!(line, " {}", arg.to_string_lossy());
    }
    line
}

/// A child process (and its process group) that is stopped on drop.
pub struct Running {
    name: String,
    child: Child,
    /// Signal that asks this child to stop cleanly (SIGINT for programs that
    /// handle Ctrl-C, SIGTERM for the JVM).
    stop_signal: Signal,
    reaped: bool,
}

impl Running {
    /// Starts `cmd` in a new process group.
    pub fn spawn(name: &str, cmd: &mut Command, stop_signal: Signal) -> Result<Self> {
        use std::os::unix::process::CommandExt as _;
        let child = cmd
            .process_group(0)
            .spawn()
            .with_context(|| format!("starting {name}: `{}`", display(cmd)))?;
        Ok(Self {
            name: name.to_owned(),
            child,
            stop_signal,
            reaped: false,
        })
    }

    /// The child's exit status if it has exited, without waiting.
    pub fn try_status(&mut self) -> Result<Option<ExitStatus>> {
        let status = self
            .child
            .try_wait()
            .with_context(|| format!("checking on {}", self.name))?;
        if status.is_some() {
            self.reaped = true;
            // Whatever the child left behind in its group goes with it.
            self.signal_group(Signal::SIGKILL);
        }
        Ok(status)
    }

    /// Waits for the child to exit; on Ctrl-C, stops it and fails.
    pub fn wait(&mut self) -> Result<ExitStatus> {
        loop {
            if let Some(status) = self.try_status()? {
                return Ok(status);
            }
            if interrupted() {
                self.stop();
                bail!("interrupted (Ctrl-C) while running {}", self.name);
            }
            std::thread::sleep(POLL);
        }
    }

    /// Asks the child's group to stop, waits up to [`GRACE`], then kills it.
    pub fn stop(&mut self) {
        if self.reaped {
            return;
        }
        self.signal_group(self.stop_signal);
        let deadline = Instant::now() + GRACE;
        while Instant::now() < deadline {
            if matches!(self.child.try_wait(), Ok(Some(_)) | Err(_)) {
                break;
            }
            std::thread::sleep(POLL);
        }
        self.signal_group(Signal::SIGKILL);
        let _ = self.child.wait();
        self.reaped = true;
    }

    fn signal_group(&self, signal: Signal) {
        let Ok(pid) = i32::try_from(self.child.id()) else {
            return;
        };
        // ESRCH (the group is already gone) is the usual, harmless answer.
        let _ = killpg(Pid::from_raw(pid), signal);
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        self.stop();
    }
}

/// Runs `cmd` to completion with inherited stdio; a non-zero exit is an error.
pub fn run(cmd: &mut Command) -> Result<()> {
    let line = display(cmd);
    // Nothing here is interactive, and a background process group that
    // reads the terminal would be stopped by SIGTTIN.
    cmd.stdin(Stdio::null());
    let status = Running::spawn(&line, cmd, Signal::SIGINT)?.wait()?;
    if !status.success() {
        bail!("`{line}` failed ({status})");
    }
    Ok(())
}

/// Runs `cmd` and returns what it printed to stdout; a non-zero exit is an
/// error carrying its stderr. For short queries (versions, metadata).
pub fn capture(cmd: &mut Command) -> Result<String> {
    let line = display(cmd);
    let Output {
        status,
        stdout,
        stderr,
    } = cmd
        .stdin(Stdio::null())
        .output()
        .with_context(|| format!("running `{line}`"))?;
    if !status.success() {
        bail!(
            "`{line}` failed ({status}):\n{}",
            String::from_utf8_lossy(&stderr).trim_end()
        );
    }
    String::from_utf8(stdout).with_context(|| format!("`{line}` printed non-UTF-8"))
}

/// True if `cmd` starts and exits successfully (its output is discarded).
pub fn succeeds(cmd: &mut Command) -> bool {
    cmd.stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|status| status.success())
}
