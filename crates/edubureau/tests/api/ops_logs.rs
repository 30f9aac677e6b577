//! JSON log lines: `edubureau serve --log-format json` writes one JSON
//! object per line, and the line of a request carries its request id.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use crate::both_backends;
use crate::common::{fresh_db_url, Backend};

/// Kills the server however the test ends.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        self.0.kill().ok();
        self.0.wait().ok();
    }
}

/// The next log line, parsed; every line must be JSON.
fn next_line(lines: &mpsc::Receiver<String>) -> serde_json::Value {
    let line = lines
        .recv_timeout(Duration::from_secs(60))
        .expect("a log line within a minute");
    serde_json::from_str(&line).unwrap_or_else(|e| panic!("not JSON ({e}): {line}"))
}

both_backends!(json_lines_carry_the_request_id, |b: Backend| async move {
    let dir = tempfile::tempdir().expect("dir");
    let db = fresh_db_url(b, dir.path()).await;
    let mut child = Command::new(env!("CARGO_BIN_EXE_edubureau"))
        .args(["serve", "--db", &db, "--addr", "127.0.0.1:0"])
        .env("EDUBUREAU_LOG_FORMAT", "json")
        .env("RUST_LOG", "info")
        .stdout(Stdio::piped())
        .spawn()
        .expect("start edubureau serve");
    let stdout = child.stdout.take().expect("stdout");
    let _server = Server(child);
    let (send, lines) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if send.send(line).is_err() {
                break;
            }
        }
    });

    let addr = loop {
        let line = next_line(&lines);
        let message = line["message"].as_str().unwrap_or_default().to_string();
        if let Some(addr) = message.strip_prefix("serving on ") {
            break addr.to_string();
        }
    };
    let r = reqwest::Client::new()
        .get(format!("{addr}/healthz"))
        .header("x-request-id", "log-test-42")
        .send()
        .await
        .expect("request");
    assert_eq!(r.headers()["x-request-id"], "log-test-42");
    let request = loop {
        let line = next_line(&lines);
        if line["message"] == "request" {
            break line;
        }
    };
    assert_eq!(request["span"]["id"], "log-test-42", "{request}");
    assert_eq!(request["path"], "/healthz", "{request}");
    assert_eq!(request["status"], 200, "{request}");
});
