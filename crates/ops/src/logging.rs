//! The program's log: lines on standard output, as text for a person
//! reading the journal or as JSON objects for a log collector (`[log]
//! format`). A line logged while a request runs carries its request id
//! (the `request` span's `id`; see [`crate::request_log`]).

use std::str::FromStr;

use serde::{Deserialize, Serialize};
use tracing_subscriber::fmt::MakeWriter;
use tracing_subscriber::EnvFilter;

/// How log lines are written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    /// `2026-12-07T05:16:00Z  INFO request{id=7f3a}: ops::request_log: …`
    #[default]
    Text,
    /// One JSON object per line, the event's fields at the top level and
    /// the request's span (with its `id`) under `span`.
    Json,
}

impl LogFormat {
    pub fn name(self) -> &'static str {
        match self {
            LogFormat::Text => "text",
            LogFormat::Json => "json",
        }
    }
}

impl FromStr for LogFormat {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "text" => Ok(LogFormat::Text),
            "json" => Ok(LogFormat::Json),
            _ => Err(format!("日志格式 “{s}” 无效：应为 text 或 json")),
        }
    }
}

/// The filter: `RUST_LOG` if set, else information and above (sqlx's
/// statement lines only when slow or failing).
fn filter() -> EnvFilter {
    EnvFilter::try_from_default_env().unwrap_or_else(|_| "info,sqlx=warn".into())
}

/// A subscriber writing `format` lines to `writer`.
pub fn subscriber<W>(format: LogFormat, writer: W) -> Box<dyn tracing::Subscriber + Send + Sync>
where
    W: for<'w> MakeWriter<'w> + Send + Sync + 'static,
{
    let fmt = tracing_subscriber::fmt()
        .with_env_filter(filter())
        .with_writer(writer);
    match format {
        LogFormat::Text => Box::new(fmt.finish()),
        LogFormat::Json => Box::new(
            fmt.json()
                .flatten_event(true)
                .with_current_span(true)
                .with_span_list(false)
                .finish(),
        ),
    }
}

/// Installs the log for the whole program (once, at start-up).
pub fn init(format: LogFormat) {
    tracing::subscriber::set_global_default(subscriber(format, std::io::stdout)).ok();
}

#[cfg(test)]
mod tests {
    use std::sync::{Arc, Mutex};

    use super::*;

    #[derive(Clone, Default)]
    struct Lines(Arc<Mutex<Vec<u8>>>);

    impl std::io::Write for Lines {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0.lock().expect("lock").extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn json_lines_parse_and_carry_the_request_id() {
        let out = Lines::default();
        let sink = out.clone();
        let log = subscriber(LogFormat::Json, move || sink.clone());
        tracing::subscriber::with_default(log, || {
            let span = tracing::info_span!("request", id = "7f3a-b2");
            span.in_scope(|| tracing::info!(status = 200u16, path = "/healthz", "request"));
        });
        let text = String::from_utf8(out.0.lock().expect("lock").clone()).expect("utf-8");
        let line: serde_json::Value =
            serde_json::from_str(text.lines().next().expect("a line")).expect("JSON");
        assert_eq!(line["span"]["id"], "7f3a-b2", "{line}");
        assert_eq!(line["status"], 200, "{line}");
        assert_eq!(line["message"], "request", "{line}");
    }

    #[test]
    fn formats_are_named() {
        assert_eq!("json".parse(), Ok(LogFormat::Json));
        assert!("xml"
            .parse::<LogFormat>()
            .unwrap_err()
            .contains("text 或 json"));
    }
}
